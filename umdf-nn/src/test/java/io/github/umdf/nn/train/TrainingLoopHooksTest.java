package io.github.umdf.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.model.NetworkModel;
import io.github.umdf.nn.model.TrainingSet;
import io.github.umdf.nn.testing.TestSamples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loop's two hooks for networks that need more than one loss per step: {@link NetworkModel#beforeEpoch}
 * sees the complete training samples before each epoch's first step, and the gradient the optimizer
 * applies is the one {@link NetworkModel#lossAndGradients} back-propagated.
 */
class TrainingLoopHooksTest {
    /** {@link ModelSelectionTest}'s linear network on the per-modality means, logging the hooks; optionally back-propagating nothing. */
    static final class Spec implements ModelSpec {
        private static final long serialVersionUID = 1L;
        @Config(description = "Back-propagate a zero objective instead of the loss.")
        private boolean zeroGradient;

        Spec(boolean zeroGradient) {
            this.zeroGradient = zeroGradient;
        }

        private Spec() {
        }

        @Override
        public String family() {
            return "test-hooks";
        }

        @Override
        public int viewsPerSample() {
            return 1;
        }

        @Override
        public NetworkModel build(DatasetSchema schema) {
            return new Model(this, schema);
        }

        @Override
        public ConfiguredObjectProvenance getProvenance() {
            return new ConfiguredObjectProvenanceImpl(this, "ModelSpec");
        }
    }

    /** {@link ModelSelectionTest}'s linear network, logging the hooks. */
    static final class Model extends ModelSelectionTest.Model {
        final List<String> events = new ArrayList<>();
        private final boolean zeroGradient;

        Model(Spec spec, DatasetSchema schema) {
            super(new ModelSelectionTest.Spec(false), schema);
            this.zeroGradient = spec.zeroGradient;
        }

        @Override
        public LossTerms lossAndGradients(GradientCollector collector, ParameterStore ps, ModalityInputs views, NDArray targets,
                                          BatchContext context) {
            events.add("step " + context.epoch());
            if (!zeroGradient) {
                return super.lossAndGradients(collector, ps, views, targets, context);
            }
            LossTerms terms = loss(ps, views, targets, context, true);
            collector.backward(terms.total().mul(terms.total().zerosLike()));
            return terms;
        }

        @Override
        public void beforeEpoch(int epoch, TrainingSet train) {
            List<String> ids = new ArrayList<>();
            boolean[] complete = {true};
            train.forEachBatch(3, (ps, in, batchIds) -> {
                ids.addAll(batchIds);
                for (Modality m : schema().modalities()) {
                    NDArray observed = in.observed(m);
                    NDArray valid = in.valid(m);
                    if (observed != null && valid != null && !observed.contentEquals(valid)) {
                        complete[0] = false;
                    }
                }
            });
            events.add("epoch " + epoch + " seed " + train.seed() + " samples " + train.size() + " ids " + ids.size()
                    + (complete[0] ? " complete" : " incomplete"));
        }
    }

    private static TrainingResult train(boolean zeroGradient, int epochs) {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> train = TestSamples.random(schema, 7, 1);
        List<MultimodalSample> valid = TestSamples.random(schema, 4, 2);
        TrainingConfig cfg = TrainingConfig.builder().batchSize(4).epochs(epochs).learningRate(1e-2).device(DeviceChoice.CPU).build();
        return new TrainingLoop(new Spec(zeroGradient), cfg, TrainingListener.SILENT).train(schema, train, valid, 9);
    }

    @Test
    void beforeEpochSeesTheCompleteTrainingSamplesBeforeEachEpochsSteps() {
        TrainingResult r = train(false, 2);
        try (NetworkSession s = r.network()) {
            String epoch = " seed 9 samples 7 ids 7 complete";
            assertEquals(List.of("epoch 0" + epoch, "step 0", "step 0", "epoch 1" + epoch, "step 1", "step 1"),
                    ((Model) s.model()).events);
        }
    }

    @Test
    void theOptimizerAppliesTheGradientTheHookBackPropagated() {
        TrainingResult moved = train(false, 1);
        TrainingResult still = train(true, 1);
        try (NetworkSession a = moved.network(); NetworkSession b = still.network();
             NetworkSession fresh = NetworkSession.create(new Spec(true), a.model().schema(), ai.djl.Device.cpu(), 9)) {
            float[] start = fresh.model().block().getParameters().get("weight").getArray().toFloatArray();
            assertArrayEquals(start, b.model().block().getParameters().get("weight").getArray().toFloatArray(), 0f,
                    "a zero objective back-propagated: Adam leaves the weights where they started");
            assertFalse(java.util.Arrays.equals(start, a.model().block().getParameters().get("weight").getArray().toFloatArray()),
                    "the loss back-propagated: the weights move");
            assertTrue(moved.history().get(0).trainLoss().get("gradNorm") > 0);
            assertEquals(0.0, still.history().get(0).trainLoss().get("gradNorm"), 0.0);
        }
    }
}
