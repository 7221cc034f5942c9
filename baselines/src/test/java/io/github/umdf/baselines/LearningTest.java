package io.github.umdf.baselines;

import io.github.umdf.baselines.cubemlp.CubeMlpConfig;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.train.TrainingLoop;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every baseline, trained by the one loop, learns a signal planted in the language features. */
class LearningTest {
    /** y = 2 · mean over valid frames of the first language feature, plus a little noise. */
    static List<MultimodalSample> learnable(DatasetSchema schema, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<MultimodalSample> out = new ArrayList<>();
        for (MultimodalSample s : TestSamples.random(schema, n, seed)) {
            FrameSequence l = s.require(Modality.LANGUAGE);
            double sum = 0;
            for (int t = 0; t < l.length(); t++) {
                sum += l.isValid(t) ? l.get(t, 0) : 0;
            }
            float y = (float) Math.max(-3, Math.min(3, 2 * sum / l.validCount() + 0.1 * r.nextGaussian()));
            EnumMap<Modality, FrameSequence> mods = new EnumMap<>(Modality.class);
            s.modalities().forEach(m -> mods.put(m, s.require(m)));
            out.add(new MultimodalSample(s.id(), mods, new float[] {y}));
        }
        return out;
    }

    /**
     * 20 epochs at 3e-3; CubeMLP with its original's learning rate 4e-3 and gradient-value clipping for 60
     * epochs: its MLPs along time weigh every step, padding included, and need longer to find the mean over
     * the valid steps (in 20 epochs at 3e-3 one seed in three gets below 0.7 of the mean predictor's MAE
     * here, in 60 with its recipe each of three).
     */
    private static TrainingConfig training(ModelSpec spec) {
        TrainingConfig.Builder b = TrainingConfig.builder().batchSize(16).epochs(20).learningRate(3e-3).device(DeviceChoice.CPU)
                .missingness(MissingnessConfig.complete());
        return spec instanceof CubeMlpConfig ? b.epochs(60).learningRate(4e-3).gradClipNorm(0).gradClipValue(1.0).build() : b.build();
    }

    @TestFactory
    Stream<DynamicTest> everyBaselineBeatsTheMeanPredictorOnAPlantedSignal() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> train = learnable(schema, 160, 3);
        List<MultimodalSample> valid = learnable(schema, 48, 4);
        double mean = train.stream().mapToDouble(s -> s.target(0)).average().orElse(0);
        double baseline = valid.stream().mapToDouble(s -> Math.abs(s.target(0) - mean)).average().orElse(0);
        return BaselineTesting.smallSpecs().stream().map(spec -> DynamicTest.dynamicTest(spec.family(), () -> {
            try (NetworkSession s = new TrainingLoop(spec, training(spec), TrainingListener.SILENT).train(schema, train, valid, 1).network()) {
                float[][] p = s.predict(valid, BatchBuilder.completeMasks(valid), 48);
                double mae = 0;
                for (int i = 0; i < p.length; i++) {
                    mae += Math.abs(p[i][0] - valid.get(i).target(0));
                }
                mae /= p.length;
                assertTrue(mae < 0.7 * baseline, spec.family() + ": validation MAE " + mae + " must beat the mean predictor's " + baseline);
            }
        }));
    }
}
