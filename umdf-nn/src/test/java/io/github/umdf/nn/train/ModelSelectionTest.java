package io.github.umdf.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.loss.TaskLoss;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.missing.TrainingViewSampler;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.model.NetworkModel;
import io.github.umdf.nn.testing.TestSamples;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Model selection in the training loop, on two small networks written here: the parameters of the best
 * validation epoch come back, early stopping and the learning-rate plateau fire exactly when their
 * patience runs out, and the validation masks are drawn once.
 */
class ModelSelectionTest {
    /** A linear network on the per-modality means, or (counting) one whose prediction is the number of observed frames. */
    static final class Spec implements ModelSpec {
        private static final long serialVersionUID = 1L;
        @Config(description = "Predict the number of observed frames (the parameters get no gradient).")
        private boolean counting;
        @Config(description = "The regression loss it trains and is selected with.")
        private RegressionLoss loss = RegressionLoss.MSE;

        Spec(boolean counting) {
            this.counting = counting;
        }

        Spec(RegressionLoss loss) {
            this.loss = loss;
        }

        @Override
        public RegressionLoss regressionLoss() {
            return loss;
        }

        private Spec() {
        }

        @Override
        public String family() {
            return counting ? "test-counting" : "test-linear";
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

    /** The network of {@link Spec}; the loop-hook tests extend it. */
    static class Model implements NetworkModel {
        private final Spec spec;
        private final DatasetSchema schema;
        private final Linear linear = Linear.builder().setUnits(1).build();

        Model(Spec spec, DatasetSchema schema) {
            this.spec = spec;
            this.schema = schema;
        }

        @Override
        public ModelSpec spec() {
            return spec;
        }

        @Override
        public DatasetSchema schema() {
            return schema;
        }

        @Override
        public Block block() {
            return linear;
        }

        @Override
        public void initialize(NDManager manager) {
            int d = schema.modalities().stream().mapToInt(m -> schema.shape(m).dim()).sum();
            linear.initialize(manager, DataType.FLOAT32, new Shape(1, d));
        }

        private NDArray forward(ParameterStore ps, ModalityInputs in, boolean training) {
            List<NDArray> means = new ArrayList<>();
            NDArray count = null;
            for (Modality m : schema.modalities()) {
                means.add(in.features(m).mean(new int[] {1}));
                NDArray o = in.observed(m).sum(new int[] {1}, true);
                count = count == null ? o : count.add(o);
            }
            NDArray y = linear.forward(ps, new NDList(NDArrays.concat(new NDList(means), 1)), training).singletonOrThrow();
            return spec.counting ? y.mul(0f).add(count) : y;
        }

        @Override
        public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training) {
            NDArray p = forward(ps, views, training);
            NDArray loss = TaskLoss.task(Task.REGRESSION, spec.loss, p, targets);
            return new LossTerms(loss, Map.of("task", loss), p);
        }

        @Override
        public NDArray predict(ParameterStore ps, ModalityInputs inputs) {
            return forward(ps, inputs, false);
        }

        @Override
        public NDArray represent(ParameterStore ps, ModalityInputs inputs) {
            return forward(ps, inputs, false);
        }
    }

    private static final DatasetSchema SCHEMA = TestSamples.schema(Task.REGRESSION, 6);
    private static final List<MultimodalSample> TRAIN = TestSamples.random(SCHEMA, 48, 1);
    private static final List<MultimodalSample> VALID = TestSamples.random(SCHEMA, 16, 2);

    /** A learning rate high enough that the validation loss goes up and down. */
    private static TrainingConfig.Builder noisy(int epochs) {
        return TrainingConfig.builder().batchSize(8).epochs(epochs).learningRate(0.3).warmupSteps(0).gradClipNorm(0).device(DeviceChoice.CPU)
                .lrPlateauPatience(1000).earlyStoppingPatience(0);
    }

    @Test
    void theBestValidationEpochsParametersComeBack() {
        TrainingResult r = new TrainingLoop(new Spec(false), noisy(10).build(), TrainingListener.SILENT).train(SCHEMA, TRAIN, VALID, 3);
        double min = r.history().stream().mapToDouble(EpochSummary::validLoss).min().orElseThrow();
        assertTrue(r.bestEpoch() < r.history().size(), "precondition: a later epoch was worse, or this test shows nothing: "
                + r.history().stream().map(EpochSummary::validLoss).toList());
        assertEquals(min, r.bestValidLoss());
        assertEquals(min, r.history().get(r.bestEpoch() - 1).validLoss());
        TrainingViewSampler sampler = new TrainingViewSampler(noisy(1).build().missingness());
        List<SampleMask> masks = new ArrayList<>();
        for (MultimodalSample s : VALID) {
            masks.add(sampler.views(3, TrainingLoop.VALIDATION_EPOCH, s, 1)[0]);
        }
        try (NetworkSession s = r.network()) {
            float[][] out = s.predict(VALID, masks, 64);
            assertEquals(min, ValidationScores.loss(Task.REGRESSION, RegressionLoss.MSE, VALID, out), 1e-9,
                    "the returned network scores the best epoch's validation loss");
        }
    }

    @Test
    void eachModelIsSelectedOnItsOwnLoss() {
        TrainingResult r = new TrainingLoop(new Spec(RegressionLoss.L1), noisy(4).build(), TrainingListener.SILENT)
                .train(SCHEMA, TRAIN, VALID, 3);
        TrainingViewSampler sampler = new TrainingViewSampler(noisy(1).build().missingness());
        List<SampleMask> masks = new ArrayList<>();
        for (MultimodalSample s : VALID) {
            masks.add(sampler.views(3, TrainingLoop.VALIDATION_EPOCH, s, 1)[0]);
        }
        try (NetworkSession s = r.network()) {
            float[][] out = s.predict(VALID, masks, 64);
            assertEquals(ValidationScores.loss(Task.REGRESSION, RegressionLoss.L1, VALID, out), r.bestValidLoss(), 1e-9,
                    "a network trained on L1 is selected on the validation L1");
        }
    }

    @Test
    void earlyStoppingStopsWhenThePatienceRunsOut() {
        int patience = 2;
        TrainingResult r = new TrainingLoop(new Spec(false), noisy(30).earlyStoppingPatience(patience).build(), TrainingListener.SILENT)
                .train(SCHEMA, TRAIN, VALID, 3);
        assertTrue(r.stoppedEarly(), "precondition: the 30 epochs stopped early");
        assertEquals(r.bestEpoch() + patience, r.history().size(), "stops after exactly `patience` epochs without improvement");
        for (int e = r.bestEpoch(); e < r.history().size(); e++) {
            assertTrue(!r.history().get(e).improved(), "epoch " + (e + 1));
        }
    }

    @Test
    void theLearningRateDecaysAfterEachPlateau() {
        int patience = 2;
        double factor = 0.5;
        TrainingResult r = new TrainingLoop(new Spec(false), noisy(12).lrPlateauPatience(patience).lrDecayFactor(factor).build(),
                TrainingListener.SILENT).train(SCHEMA, TRAIN, VALID, 3);
        double lr = 0.3;
        int since = 0;
        int decays = 0;
        for (EpochSummary e : r.history()) {
            if (e.improved()) {
                since = 0;
            } else if (++since >= patience) {
                lr *= factor;
                since = 0;
                decays++;
            }
            assertEquals(lr, e.learningRate(), 1e-6 * lr, "learning rate after epoch " + e.epoch()); // held as a float
        }
        assertTrue(decays >= 1, "precondition: at least one plateau: " + r.history().stream().map(EpochSummary::improved).toList());
    }

    @Test
    void aStepScheduleDecaysTheLearningRateEveryFewEpochsWhateverTheValidationLoss() {
        // StepLR(3, 0.5): epochs 1-2 at 0.3, 3-5 at 0.15, 6-7 at 0.075 (the summary holds the rate after the
        // epoch's decay); a plateau patience of 1 would decay at every epoch without improvement instead
        TrainingResult r = new TrainingLoop(new Spec(false), noisy(7).lrStepEpochs(3).lrDecayFactor(0.5).lrPlateauPatience(1).build(),
                TrainingListener.SILENT).train(SCHEMA, TRAIN, VALID, 3);
        double[] expected = {0.3, 0.3, 0.15, 0.15, 0.15, 0.075, 0.075};
        assertEquals(expected.length, r.history().size());
        for (EpochSummary e : r.history()) {
            assertEquals(expected[e.epoch() - 1], e.learningRate(), 1e-6, "learning rate after epoch " + e.epoch());
        }
        assertTrue(r.history().stream().anyMatch(e -> !e.improved()), "precondition: some epoch did not improve, or the plateau rule "
                + "could not show");
    }

    @Test
    void theValidationMasksAreDrawnOnce() {
        // the counting network's validation loss depends on the masks alone
        TrainingResult r = new TrainingLoop(new Spec(true), noisy(5).build(), TrainingListener.SILENT).train(SCHEMA, TRAIN, VALID, 3);
        List<Double> losses = r.history().stream().map(EpochSummary::validLoss).toList();
        assertEquals(1, losses.stream().distinct().count(), "the same masks every epoch: " + losses);
        r.network().close();
    }
}
