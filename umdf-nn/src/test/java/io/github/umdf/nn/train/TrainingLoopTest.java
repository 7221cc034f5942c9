package io.github.umdf.nn.train;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.testing.GcStress;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.umdf.UmdfConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingLoopTest {
    static final UmdfConfig SMALL = UmdfConfig.builder().modelDim(8).heads(2).depth(1).encoderLayers(1).build();

    static TrainingConfig quick(int epochs) {
        return TrainingConfig.builder().batchSize(16).epochs(epochs).learningRate(3e-3).device(DeviceChoice.CPU).build();
    }

    private static List<Double> validLosses(TrainingResult r) {
        List<Double> out = new ArrayList<>();
        r.history().forEach(e -> out.add(e.validLoss()));
        return out;
    }

    @Test
    void sameSeedGivesIdenticalValidationLossesAndDifferentSeedsDiffer() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        List<MultimodalSample> train = TestSamples.random(schema, 40, 1);
        List<MultimodalSample> valid = TestSamples.random(schema, 12, 2);
        TrainingLoop loop = new TrainingLoop(SMALL, quick(3), TrainingListener.SILENT);
        List<Double> a;
        List<Double> b;
        List<Double> c;
        float[][] pa;
        float[][] pb;
        try (NetworkSession s = loop.train(schema, train, valid, 7).network()) {
            pa = s.predict(valid, BatchBuilder.completeMasks(valid), 8);
        }
        TrainingResult ra = loop.train(schema, train, valid, 7);
        TrainingResult rb = loop.train(schema, train, valid, 7);
        TrainingResult rc = loop.train(schema, train, valid, 8);
        a = validLosses(ra);
        b = validLosses(rb);
        c = validLosses(rc);
        pb = rb.network().predict(valid, BatchBuilder.completeMasks(valid), 8);
        ra.network().close();
        rb.network().close();
        rc.network().close();
        assertEquals(a, b, "same seed, same device: identical validation losses");
        assertNotEquals(a, c, "another seed must change the run");
        for (int i = 0; i < pa.length; i++) {
            assertEquals(pa[i][0], pb[i][0], 0f, "identical predictions for sample " + i);
        }
    }

    /** Language carries the label: y = 2 * mean of the first language feature over valid frames. */
    static List<MultimodalSample> learnable(DatasetSchema schema, int n, long seed) {
        List<MultimodalSample> base = TestSamples.random(schema, n, seed);
        List<MultimodalSample> out = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(seed);
        for (MultimodalSample s : base) {
            FrameSequence l = s.require(Modality.LANGUAGE);
            double sum = 0;
            for (int t = 0; t < l.length(); t++) {
                if (l.isValid(t)) {
                    sum += l.get(t, 0);
                }
            }
            float y = (float) Math.max(-3, Math.min(3, 2 * sum / l.validCount() + 0.1 * r.nextGaussian()));
            EnumMap<Modality, FrameSequence> mods = new EnumMap<>(Modality.class);
            s.modalities().forEach(m -> mods.put(m, s.require(m)));
            out.add(new MultimodalSample(s.id(), mods, new float[] {y}));
        }
        return out;
    }

    @Test
    void trainingLearnsAPlantedSignalBetterThanTheMean() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> train = learnable(schema, 160, 3);
        List<MultimodalSample> valid = learnable(schema, 48, 4);
        double mean = train.stream().mapToDouble(s -> s.target(0)).average().orElse(0);
        double baseline = valid.stream().mapToDouble(s -> Math.abs(s.target(0) - mean)).average().orElse(0);
        TrainingConfig cfg = quick(25).toBuilder().missingness(MissingnessConfig.complete()).build();
        TrainingResult r = new TrainingLoop(SMALL, cfg, TrainingListener.SILENT).train(schema, train, valid, 1);
        try (NetworkSession s = r.network()) {
            float[][] p = s.predict(valid, BatchBuilder.completeMasks(valid), 32);
            double mae = 0;
            for (int i = 0; i < p.length; i++) {
                mae += Math.abs(p[i][0] - valid.get(i).target(0));
            }
            mae /= p.length;
            assertTrue(mae < 0.7 * baseline, "validation MAE " + mae + " must beat the mean predictor's " + baseline + " clearly");
        }
    }

    @Test
    void garbageCollectionDuringTrainingChangesNothing() {
        for (Task task : Task.values()) {
            DatasetSchema schema = TestSamples.schema(task, 5);
            List<MultimodalSample> train = TestSamples.random(schema, 32, 5);
            List<MultimodalSample> valid = TestSamples.random(schema, 8, 6);
            TrainingLoop loop = new TrainingLoop(SMALL, quick(2), TrainingListener.SILENT);
            TrainingResult plain = loop.train(schema, train, valid, 3);
            TrainingResult stressed = GcStress.during(() -> loop.train(schema, train, valid, 3));
            plain.network().close();
            stressed.network().close();
            assertEquals(validLosses(plain), validLosses(stressed), task + ": GC must not change training");
        }
    }

    @Test
    void stepsDoNotLeaveArraysBehind() {
        DatasetSchema schema = TestSamples.schema(Task.MULTI_LABEL, 5);
        List<MultimodalSample> train = TestSamples.random(schema, 32, 5);
        List<MultimodalSample> valid = TestSamples.random(schema, 8, 6);
        TrainingResult r1 = new TrainingLoop(SMALL, quick(1), TrainingListener.SILENT).train(schema, train, valid, 1);
        TrainingResult r3 = new TrainingLoop(SMALL, quick(4), TrainingListener.SILENT).train(schema, train, valid, 1);
        int arrays1 = ((BaseNDManager) r1.network().manager()).getManagedArrays().size();
        int arrays3 = ((BaseNDManager) r3.network().manager()).getManagedArrays().size();
        r1.network().close();
        r3.network().close();
        assertEquals(arrays1, arrays3, "arrays attached to the session after 1 and after 4 epochs");
    }

    @Test
    void warmupFactorRisesLinearlyToOne() {
        assertEquals(1f, TrainingLoop.warmupFactor(0, 0), "warm-up off");
        assertEquals(0.25f, TrainingLoop.warmupFactor(0, 4));
        assertEquals(0.5f, TrainingLoop.warmupFactor(1, 4));
        assertEquals(1f, TrainingLoop.warmupFactor(3, 4));
        assertEquals(1f, TrainingLoop.warmupFactor(1000, 4));
    }

    /** Records the parameters in {@code before} on the first call; later, the summed absolute change since. */
    private static double parameterChange(NetworkSession s, List<float[]> before) {
        double change = 0;
        int i = 0;
        for (Pair<String, Parameter> p : s.model().block().getParameters()) {
            float[] now = p.getValue().getArray().toFloatArray();
            if (before.size() <= i) {
                before.add(now);
            } else {
                float[] then = before.get(i);
                for (int k = 0; k < now.length; k++) {
                    change += Math.abs(now[k] - then[k]);
                }
            }
            i++;
        }
        return change;
    }

    /** The summed absolute parameter change of one Stepper step at learning rate 1e-2, with the settings {@code how} adds. */
    private static double firstStepChange(java.util.function.UnaryOperator<TrainingConfig.Builder> how) {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        List<MultimodalSample> batch = TestSamples.random(schema, 8, 1);
        TrainingConfig cfg = how.apply(TrainingConfig.builder().learningRate(1e-2).device(DeviceChoice.CPU)).build();
        try (NetworkSession s = NetworkSession.create(SMALL, schema, Device.cpu(), 1)) {
            List<float[]> before = new ArrayList<>();
            parameterChange(s, before);
            new TrainingLoop.Stepper(s, cfg, 2, 1).step(batch, 0, 0);
            return parameterChange(s, before);
        }
    }

    @Test
    void warmupScalesTheFirstStepsLearningRate() {
        // Adam's first update is lr * g / (|g| + eps) per coordinate: the parameter change is
        // proportional to the learning rate, so warm-up over 1000 steps moves them 1000 times less.
        double[] change = {firstStepChange(b -> b.warmupSteps(0)), firstStepChange(b -> b.warmupSteps(1000))};
        assertTrue(change[0] > 0, "a step must move the parameters");
        assertEquals(1e-3, change[1] / change[0], 2e-5, "first step with warmupSteps = 1000 moves the parameters by 1/1000");
    }

    private static float[][] clipped(double clipNorm, double clipValue) {
        // g1 = (0.5, -3), g2 = (2): global norm sqrt(0.25 + 9 + 4) = sqrt(13.25)
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> grads = new ArrayList<>(List.of(m.create(new float[] {0.5f, -3f}), m.create(new float[] {2f})));
            TrainingConfig cfg = TrainingConfig.builder().gradClipNorm(clipNorm).gradClipValue(clipValue).build();
            TrainingLoop.clip(grads, Math.sqrt(13.25), cfg);
            return new float[][] {grads.get(0).toFloatArray(), grads.get(1).toFloatArray()};
        }
    }

    @Test
    void gradientsAreClippedByTheirGlobalNormOrElementByElement() {
        float[][] byValue = clipped(0, 1.0); // clip_grad_value_(1): every element into [-1, 1]
        assertArrayEquals(new float[] {0.5f, -1f}, byValue[0]);
        assertArrayEquals(new float[] {1f}, byValue[1]);
        float[][] byNorm = clipped(Math.sqrt(13.25) / 2, 0); // clip_grad_norm_ to half the norm: every element halved
        assertArrayEquals(new float[] {0.25f, -1.5f}, byNorm[0], 1e-6f);
        assertArrayEquals(new float[] {1f}, byNorm[1], 1e-6f);
        float[][] none = clipped(0, 0);
        assertArrayEquals(new float[] {0.5f, -3f}, none[0]);
        assertArrayEquals(new float[] {0.5f, -3f}, clipped(4.0, 0)[0], "a norm under the limit is left alone");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.builder().gradClipNorm(0.8).gradClipValue(1.0).build());
        assertEquals("gradClipNorm and gradClipValue are alternatives, set one of them to 0; found gradClipNorm 0.8 and gradClipValue 1.0",
                e.getMessage());
    }

    @Test
    void theStepperAppliesTheValueClippedGradients() {
        // Adam's first update is about lr * g / (|g| + eps) per coordinate: with every gradient element
        // clipped to 1e-9 (far under Adam's eps of 1e-8) the parameters move far less than unclipped.
        double[] change = {firstStepChange(b -> b.gradClipNorm(0)), firstStepChange(b -> b.gradClipNorm(0).gradClipValue(1e-9))};
        assertTrue(change[0] > 0, "a step must move the parameters");
        assertTrue(change[1] < 0.1 * change[0], "clipped to 1e-9 the step moves the parameters " + change[1] + ", unclipped " + change[0]);
    }
}
