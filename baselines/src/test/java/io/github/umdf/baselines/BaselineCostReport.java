package io.github.umdf.baselines;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelGroup;
import io.github.umdf.nn.model.ModelRegistry;
import io.github.umdf.nn.ops.Engines;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.NetworkSession;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parameter counts of every baseline at its default size for MOSI-aligned shapes (language 50x300,
 * audio 50x5, vision 50x20) and the time of one training step at batch 32 (forward, backward, global
 * gradient norm, Adam), median of 5 after 2 warm-up steps. Prints a table; {@code -Plong} runs it.
 */
@Tag("long")
class BaselineCostReport {
    static final DatasetSchema MOSI = DatasetSchema.builder("mosi-shaped", Task.REGRESSION).labels("sentiment").labelRange(-3, 3)
            .modality(Modality.LANGUAGE, 50, 300).modality(Modality.AUDIO, 50, 5).modality(Modality.VISION, 50, 20).build();

    @Test
    void report() {
        List<MultimodalSample> batch = TestSamples.random(MOSI, 32, 1);
        StringBuilder table = new StringBuilder("| model | parameters | step at batch 32 (s) | per component |\n|---|---|---|---|\n");
        for (String name : ModelRegistry.inGroups(ModelGroup.BASELINE).stream().map(ModelFamily::name).toList()) {
            ModelFamily f = ModelRegistry.get(name);
            try (NetworkSession s = NetworkSession.create(f.defaultSpec(PaperDataset.MOSI), MOSI, Device.cpu(), 1)) {
                List<Parameter> params = new ArrayList<>();
                s.model().block().getParameters().forEach(p -> params.add(p.getValue()));
                Optimizer adam = Adam.builder().optLearningRateTracker(Tracker.fixed(1e-4f)).build();
                double[] seconds = new double[7];
                for (int rep = 0; rep < seconds.length; rep++) {
                    long t0 = System.nanoTime();
                    try (NDManager m = s.manager().newSubManager()) {
                        ModalityInputs in = s.batchBuilder().inputs(m, batch, BaselineTesting.randomMasks(batch, rep));
                        NDArray y = s.batchBuilder().targets(m, batch);
                        LossTerms loss;
                        try (GradientCollector c = Engines.engine().newGradientCollector()) {
                            loss = s.model().loss(s.parameterStore(), in, y, BaselineTesting.context(batch, 1), true);
                            c.backward(loss.total());
                        }
                        double sq = 0;
                        for (Parameter p : params) {
                            NDArray g = p.getArray().getGradient();
                            g.attach(m);
                            sq += g.square().sum().getFloat();
                        }
                        for (Parameter p : params) {
                            NDArray g = p.getArray().getGradient();
                            g.attach(m);
                            adam.update(p.getId(), p.getArray(), g);
                        }
                        s.model().afterStep(BaselineTesting.context(batch, 1), loss);
                    }
                    seconds[rep] = (System.nanoTime() - t0) / 1e9;
                }
                double[] timed = Arrays.copyOfRange(seconds, 2, seconds.length);
                Arrays.sort(timed);
                table.append(String.format("| %s | %,d | %.3f | %s |%n", name, s.parameterCount(), timed[timed.length / 2],
                        ((BaselineModel<?, ?>) s.model()).parameterCounts()));
            }
        }
        System.out.println(table);
    }
}
