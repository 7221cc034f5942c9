package io.github.umdf.nn.umdf;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.block.AttentionDropoutUnit;
import io.github.umdf.nn.block.NormPlacement;
import io.github.umdf.nn.block.TrainingAttention;
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

    /** A training batch of two views per sample: the samples twice, with the sampler's masks of seeds 1 and 2. */
    static ModalityInputs twoViews(BatchBuilder bb, NDManager m, List<MultimodalSample> samples) {
        List<MultimodalSample> both = new ArrayList<>(samples);
        both.addAll(samples);
        List<SampleMask> masks = new ArrayList<>(randomMasks(samples, 1));
        masks.addAll(randomMasks(samples, 2));
        return bb.inputs(m, both, masks);
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
            BatchBuilder bb = new BatchBuilder(schema);
            LossTerms loss = model.loss(new ParameterStore(m, false), twoViews(bb, m, samples), bb.targets(m, samples),
                    BatchContext.of(samples.stream().map(MultimodalSample::id).toList()), true);
            assertEquals(List.of("task", "aux", "logits", "feature"), new ArrayList<>(loss.parts().keySet()));
            for (NDArray part : loss.parts().values()) {
                assertTrue(Float.isFinite(part.getFloat()), part.toString());
            }
            assertEquals(new Shape(4, schema.outputSize()), loss.predictions().getShape());
        }
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void theJavaTrainingAttentionGivesTheGradientsOfOneBackwardPass(NormPlacement norm) {
        // the tape (attention leaves, cuts at layer inputs, Java backward) against one autograd pass through
        // PyTorch's attention, with key dropout and residual dropout drawn alike; both key sources
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        UmdfConfig base = small().toBuilder().norm(norm).attnDropoutUnit(AttentionDropoutUnit.KEY).attnDropout(0.2f, 0.2f, 0.2f).build();
        // both key sources, the ablations, the shared logits head and MulT's per-weight dropout (whose attentions keep
        // PyTorch's path): each backward call frees what it walked, so a part walked twice would fail here
        List<UmdfConfig> configs = List.of(base, base.toBuilder().keySource(KeySource.LOW_LEVEL).build(),
                base.toBuilder().keySource(KeySource.CURRENT_LAYER).build(), base.toBuilder().useMcim(false).build(),
                base.toBuilder().useDfim(false).build(), base.toBuilder().sharedLogitsHead(true).build(),
                base.toBuilder().attnDropoutUnit(AttentionDropoutUnit.WEIGHT).attnDropout(0.2f, 0f, 0f).build());
        assertTrue(new UmdfModel(base, schema).backwardWalksEachPartOnce());
        for (UmdfConfig config : configs) {
            String keys = config.toString();
            try (NDManager m = NDManager.newBaseManager()) {
                Tensors.engine(5);
                UmdfModel model = new UmdfModel(config, schema);
                model.initialize(m);
                model.block().getParameters().values().forEach(p -> p.getArray().setRequiresGradient(true));
                List<MultimodalSample> samples = TestSamples.random(schema, 5, 3);
                BatchBuilder bb = new BatchBuilder(schema);
                ModalityInputs in = twoViews(bb, m, samples);
                NDArray targets = bb.targets(m, samples);
                BatchContext context = BatchContext.of(samples.stream().map(MultimodalSample::id).toList());
                Map<String, NDArray> vector = gradients(model, m, in, targets, context, "vector");
                Map<String, NDArray> torch = gradients(model, m, in, targets, context, "torch");
                assertEquals(torch.keySet(), vector.keySet());
                boolean differ = false;
                for (Map.Entry<String, NDArray> e : torch.entrySet()) {
                    NDArray v = vector.get(e.getKey());
                    differ |= !v.contentEquals(e.getValue());
                    float scale = Math.max(1e-2f, e.getValue().abs().max().getFloat()); // gradients that are 0 in exact arithmetic (a softmax bias) are rounding noise
                    float diff = v.sub(e.getValue()).abs().max().getFloat();
                    assertTrue(diff <= 1e-4f * scale, norm + ", " + keys + ": gradient of " + e.getKey() + " differs by " + diff
                            + " at scale " + scale);
                }
                assertTrue(differ, "the Java kernels ran (their rounding differs from PyTorch's)");
            } finally {
                System.clearProperty(TrainingAttention.PROPERTY);
            }
        }
    }

    /** Every parameter's gradient after one training step's backward pass with the given training attention. */
    private static Map<String, NDArray> gradients(UmdfModel model, NDManager m, ModalityInputs in, NDArray targets,
                                                  BatchContext context, String attention) {
        System.setProperty(TrainingAttention.PROPERTY, attention);
        model.block().getParameters().values().forEach(p -> JniUtils.zeroGrad((PtNDArray) p.getArray()));
        Tensors.engine(17); // the same dropout draws for both runs
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            model.lossAndGradients(gc, new ParameterStore(m, false), in, targets, context);
        }
        Map<String, NDArray> out = new java.util.LinkedHashMap<>();
        model.block().getParameters().forEach(p -> out.put(p.getKey(), p.getValue().getArray().getGradient().duplicate()));
        return out;
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
