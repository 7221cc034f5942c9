package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.loss.TaskLoss;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.ops.Engines;
import io.github.umdf.nn.testing.Tensors;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The unified self-distillation objective, term by term, on fixed inputs. */
class SelfDistillationObjectiveTest {
    private static final DatasetSchema SCHEMA = TestSamples.schema(Task.REGRESSION, 5);

    private static SelfDistillationObjective objective(UmdfConfig c, NDManager m) {
        UmdfModel model = new UmdfModel(c, SCHEMA);
        model.initialize(m);
        return new SelfDistillationObjective(c, SCHEMA.task(), model.network());
    }

    @Test
    void scoringEachViewEqualsScoringTheirMeanPlusAQuarterOfTheLogitsDiscrepancy() {
        Tensors.engine(3);
        try (NDManager m = NDManager.newBaseManager()) {
            UmdfConfig c = UmdfModelTest.small();
            NDArray a = m.randomNormal(new Shape(6, 1));
            NDArray b = m.randomNormal(new Shape(6, 1));
            NDArray y = m.randomNormal(new Shape(6, 1));
            float each = objective(c.toBuilder().auxiliaryTarget(AuxiliaryTarget.EACH_VIEW).build(), m).auxiliary(a, b, y).getFloat();
            float mean = objective(c, m).auxiliary(a, b, y).getFloat();
            float discrepancy = TaskLoss.logitsDiscrepancy(Task.REGRESSION, a, b).getFloat();
            // ½[(a−y)² + (b−y)²] = ((a+b)/2 − y)² + ¼(a−b)², averaged over the batch
            assertEquals(each, mean + discrepancy / 4, 1e-5);
            assertTrue(discrepancy > 0.1, "precondition: the views differ");
        }
    }

    @Test
    void theDefaultAuxiliaryTermHasNoGradientThroughTheViewsDifference() {
        Tensors.engine(3);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mid = m.randomNormal(new Shape(6, 1));
            NDArray y = m.randomNormal(new Shape(6, 1));
            for (AuxiliaryTarget target : AuxiliaryTarget.values()) {
                SelfDistillationObjective o = objective(UmdfModelTest.small().toBuilder().auxiliaryTarget(target).build(), m);
                NDArray half = m.randomNormal(new Shape(6, 1)); // (a − b) / 2
                half.setRequiresGradient(true);
                try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                    gc.backward(o.auxiliary(mid.add(half), mid.sub(half), y));
                }
                float largest = half.getGradient().abs().max().getFloat();
                if (target == AuxiliaryTarget.VIEW_MEAN) {
                    assertEquals(0f, largest, 1e-7f, "VIEW_MEAN: d aux / d(a − b) = 0");
                } else {
                    assertTrue(largest > 1e-3, "EACH_VIEW distils the logits: " + largest);
                }
            }
        }
    }

    /** The loss of one batch of four samples, two views each, with the inputs' features recording gradients. */
    private static LossTerms loss(UmdfConfig c, NDManager m, List<NDArray> inputs) {
        UmdfModel model = new UmdfModel(c, SCHEMA);
        Tensors.engine(11);
        model.initialize(m);
        List<MultimodalSample> samples = TestSamples.random(SCHEMA, 4, 1);
        List<MultimodalSample> both = new ArrayList<>(samples);
        both.addAll(samples);
        List<SampleMask> masks = new ArrayList<>(UmdfModelTest.randomMasks(samples, 1));
        masks.addAll(UmdfModelTest.randomMasks(samples, 2));
        BatchBuilder bb = new BatchBuilder(SCHEMA);
        ModalityInputs in = bb.inputs(m, both, masks);
        for (Modality x : SCHEMA.modalities()) {
            in.features(x).setRequiresGradient(true);
            inputs.add(in.features(x));
        }
        return model.loss(new ParameterStore(m, false), in, bb.targets(m, samples), BatchContext.of(samples.stream().map(MultimodalSample::id).toList()),
                false);
    }

    /** Every term on its own, not only their sum, trains both views: no stop-gradient on either side. */
    @ParameterizedTest
    @ValueSource(strings = {"task", "aux", "logits", "feature"})
    void everyTermAloneReachesBothViews(String part) {
        try (NDManager m = NDManager.newBaseManager()) {
            UmdfConfig c = UmdfModelTest.small().toBuilder().lambdaFeature(0.3).lambdaLogits(0.7).auxiliaryTaskWeight(0.5).build();
            List<NDArray> inputs = new ArrayList<>();
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                gc.backward(loss(c, m, inputs).parts().get(part));
            }
            NDArray g = inputs.get(0).getGradient().abs().sum(new int[] {1, 2});
            assertTrue(g.get("0:4").sum().getFloat() > 0 && g.get("4:8").sum().getFloat() > 0, part + ": gradient per row: " + g);
        }
    }

    /** Each ablation: which parts remain. */
    enum Variant {
        FULL(b -> b, List.of("task", "aux", "logits", "feature")),
        WITHOUT_FEATURE(b -> b.lambdaFeature(0), List.of("task", "aux", "logits")),
        WITHOUT_LOGITS(b -> b.lambdaLogits(0), List.of("task", "aux", "feature")),
        WITHOUT_AUXILIARY(b -> b.auxiliaryTaskWeight(0), List.of("task", "logits", "feature"));

        final UnaryOperator<UmdfConfig.Builder> change;
        final List<String> parts;

        Variant(UnaryOperator<UmdfConfig.Builder> change, List<String> parts) {
            this.change = change;
            this.parts = parts;
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void theTotalIsTheWeightedSumOfItsPartsAndEverySwitchRemovesExactlyItsTerm(Variant v) {
        try (NDManager m = NDManager.newBaseManager()) {
            UmdfConfig c = v.change.apply(UmdfModelTest.small().toBuilder().lambdaFeature(0.3).lambdaLogits(0.7).auxiliaryTaskWeight(0.5))
                    .build();
            List<NDArray> inputs = new ArrayList<>();
            LossTerms l;
            float total;
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                l = loss(c, m, inputs);
                total = l.total().getFloat();
                gc.backward(l.total());
            }
            assertEquals(v.parts, new ArrayList<>(l.parts().keySet()));
            Map<String, Double> weight = Map.of("task", 1.0, "aux", c.auxiliaryTaskWeight(), "logits", c.lambdaLogits(),
                    "feature", c.lambdaFeature());
            double sum = 0;
            for (String p : v.parts) {
                sum += weight.get(p) * l.parts().get(p).getFloat();
            }
            assertEquals(sum, total, 1e-5 * Math.max(1, Math.abs(sum)), "total = task + γ·aux + λ1·L_fea + λ2·L_logits");
            // the objective reaches the inputs of both views (rows 0-3: view a, rows 4-7: view b)
            NDArray g = inputs.get(0).getGradient().abs().sum(new int[] {1, 2});
            assertTrue(g.get("0:4").sum().getFloat() > 0 && g.get("4:8").sum().getFloat() > 0, "gradient per row: " + g);
        }
    }
}
