package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.missing.TrainingViewSampler;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.InferenceMode;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.testing.Tensors;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UmdfModelTest {
    static UmdfConfig small() {
        return UmdfConfig.builder().modelDim(8).heads(2).depth(2).encoderLayers(1).build();
    }

    /** Random masks from the training sampler (subsets and frame drops), one per sample. */
    static List<SampleMask> randomMasks(List<MultimodalSample> samples, long seed) {
        TrainingViewSampler sampler = new TrainingViewSampler(MissingnessConfig.defaults());
        List<SampleMask> masks = new ArrayList<>();
        for (MultimodalSample s : samples) {
            masks.add(sampler.views(seed, 0, s, 1)[0]);
        }
        return masks;
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void oneStreamInferenceEqualsTheLiteralTwoStreamComputation(Task task) {
        for (DatasetSchema schema : List.of(TestSamples.schema(task, 7), TestSamples.unalignedSchema())) {
            if (schema.task() != task) {
                continue;
            }
            Tensors.engine(5);
            try (NDManager m = NDManager.newBaseManager()) {
                UmdfModel model = new UmdfModel(small(), schema);
                model.initialize(m);
                List<MultimodalSample> samples = TestSamples.random(schema, 6, 42);
                BatchBuilder bb = new BatchBuilder(schema);
                ModalityInputs in = bb.inputs(m, samples, randomMasks(samples, 9));
                ParameterStore ps = new ParameterStore(m, false);
                NDArray one = model.predict(ps, in, InferenceMode.ONE_STREAM);
                NDArray two = model.predict(ps, in, InferenceMode.TWO_STREAM);
                assertEquals(new Shape(6, schema.outputSize()), one.getShape());
                Tensors.assertClose(two, one, 1e-5);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Task.class)
    void lossIsFiniteWithEveryPart(Task task) {
        DatasetSchema schema = TestSamples.schema(task, 5);
        Tensors.engine(5);
        try (NDManager m = NDManager.newBaseManager()) {
            UmdfModel model = new UmdfModel(small(), schema);
            model.initialize(m);
            List<MultimodalSample> samples = TestSamples.random(schema, 4, 1);
            List<MultimodalSample> both = new ArrayList<>(samples);
            both.addAll(samples);
            List<SampleMask> masks = new ArrayList<>(randomMasks(samples, 1));
            masks.addAll(randomMasks(samples, 2));
            BatchBuilder bb = new BatchBuilder(schema);
            LossTerms loss = model.loss(new ParameterStore(m, false), bb.inputs(m, both, masks), bb.targets(m, samples),
                    BatchContext.of(samples.stream().map(MultimodalSample::id).toList()), true);
            assertEquals(List.of("task", "aux", "logits", "feature"), new ArrayList<>(loss.parts().keySet()));
            for (NDArray part : loss.parts().values()) {
                assertTrue(Float.isFinite(part.getFloat()), part.toString());
            }
            assertEquals(new Shape(4, schema.outputSize()), loss.predictions().getShape());
        }
    }

    @Test
    void withoutMcimHasNoCrossmodalAttentionParameters() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        Tensors.engine(5);
        try (NDManager m = NDManager.newBaseManager()) {
            UmdfModel full = new UmdfModel(small(), schema);
            full.initialize(m);
            UmdfModel ablated = new UmdfModel(small().toBuilder().useMcim(false).build(), schema);
            ablated.initialize(m);
            assertTrue(full.block().getParameters().keys().stream().anyMatch(k -> k.contains("CrossmodalAttention")));
            assertFalse(ablated.block().getParameters().keys().stream().anyMatch(k -> k.contains("Crossmodal")),
                    "w/o MCIM must not have crossmodal attention parameters");
            // same parameter count: every crossmodal attention became a self-attention of the same size
            long a = full.parameterCounts().values().stream().mapToLong(Long::longValue).sum();
            long b = ablated.parameterCounts().values().stream().mapToLong(Long::longValue).sum();
            assertEquals(a, b);
        }
    }

    @Test
    void parameterCountsCoverEveryParameterAndMatchHandCount() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        Tensors.engine(5);
        try (NDManager m = NDManager.newBaseManager()) {
            UmdfConfig c = small();
            UmdfModel model = new UmdfModel(c, schema);
            model.initialize(m);
            Map<String, Long> counts = model.parameterCounts();
            long total = 0;
            for (var p : model.block().getParameters()) {
                total += p.getValue().getArray().size();
            }
            assertEquals(total, counts.values().stream().mapToLong(Long::longValue).sum());
            int d = c.modelDim();
            // projection of language: Conv1d(6 -> d, kernel 3) without bias
            assertEquals(6L * d * 3, counts.get("mcim.projection.language"));
            // the prediction head: Linear(3d, 3d) + Linear(3d, 1) with biases
            int dj = 3 * d;
            assertEquals((long) dj * dj + dj + dj + 1, counts.get("predictionHead"));
            // the logits head f_y: Linear(3d, 1)
            assertEquals((long) dj + 1, counts.get("logitsHead"));
        }
    }

    /** D9: f_y is a linear layer of its own by default, or the prediction head itself. */
    @Test
    void theLogitsHeadIsItsOwnLayerOrThePredictionHead() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        Tensors.engine(5);
        try (NDManager m = NDManager.newBaseManager()) {
            List<MultimodalSample> samples = TestSamples.random(schema, 4, 1);
            ModalityInputs in = new BatchBuilder(schema).inputs(m, samples, randomMasks(samples, 3));
            ParameterStore ps = new ParameterStore(m, false);
            for (boolean shared : new boolean[] {false, true}) {
                UmdfModel model = new UmdfModel(small().toBuilder().sharedLogitsHead(shared).build(), schema);
                model.initialize(m);
                boolean ownLayer = model.block().getParameters().keys().stream().anyMatch(k -> k.contains("logitsHead"));
                assertEquals(!shared, ownLayer, "logitsHead parameters with sharedLogitsHead = " + shared);
                UmdfNetwork.Encoded e = model.network().encode(ps, in, false);
                NDArray fy = model.network().logits(ps, e, false);
                NDArray head = model.network().predictFrom(ps, e.h, e.last, false);
                if (shared) {
                    Tensors.assertClose(head, fy, 0);
                } else {
                    assertTrue(fy.sub(head).abs().max().getFloat() > 1e-4, "a layer of its own gives other logits");
                }
            }
        }
    }
}
