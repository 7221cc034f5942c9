package io.github.umdf.baselines.smil;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import io.github.umdf.baselines.BaselineTesting;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.ops.Engines;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.train.TrainingLoop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmilModelTest {
    private static final SmilConfig SMALL = BaselineTesting.smallSmil();

    /**
     * The reconstruction by hand. Centres {@code C = [[1, 0], [0, 2]]}; scores {@code [0, ln(e − 1)]}
     * give the softplus weights {@code [ln 2, 1]} (softplus(0) = ln 2, softplus(ln(e − 1)) = ln e = 1),
     * so {@code r = (ln 2 · [1, 0] + 1 · [0, 2]) / (1 + ln 2) = [0.693147 / 1.693147, 2 / 1.693147]
     * = [0.409384, 1.181232]}; equal scores {@code [s, s]} give the plain mean {@code [0.5, 1]}.
     */
    @Test
    void aMissingFeatureIsTheSoftplusWeightedMeanOfTheCentres() {
        Engines.ensureOffline();
        try (NDManager m = NDManager.newBaseManager()) {
            float s = (float) Math.log(Math.E - 1);
            NDArray scores = m.create(new float[] {0f, s, s, s}, new Shape(2, 2));
            NDArray centres = m.create(new float[] {1f, 0f, 0f, 2f}, new Shape(2, 2));
            float[] r = CentreReconstruction.mix(scores, centres).toFloatArray();
            assertArrayEquals(new float[] {0.409384f, 1.181232f, 0.5f, 1f}, r, 1e-5f);
        }
    }

    /** The child block whose name (after DJL's order prefix) is {@code name}. */
    private static Block child(Block parent, String name) {
        for (Pair<String, Block> c : parent.getChildren()) {
            if (c.getKey().replaceFirst("^\\d+", "").equals(name)) {
                return c.getValue();
            }
        }
        throw new IllegalArgumentException("no child " + name);
    }

    private static void zero(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().muli(0f);
            }
        }
    }

    /**
     * In the network: with the vision reconstruction's scores and the fused perturbation set to zero,
     * a row without vision has in the vision slot of {@code x} the plain mean of the vision centres
     * (flat scores) plus the perturbation {@code softplus(0) = ln 2}; with centres [[1, 2, 3, 4, 5],
     * [3, 2, 1, 0, -1], [2, 2, 2, 2, 2]] that is [2, 2, 2, 2, 2] + 0.693147. A complete row keeps its own feature there.
     */
    @Test
    void aRowWithoutVisionGetsTheReconstructedVisionFeatureInItsSlot() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> samples = TestSamples.random(schema, 2, 3);
        try (NetworkSession s = NetworkSession.create(SMALL, schema, Device.cpu(), 1); NDManager m = s.manager().newSubManager()) {
            SmilNetwork net = (SmilNetwork) s.model().block();
            zero(child(net, "reconstruction_vision"));
            zero(child(net, "perturbation_fused"));
            net.reconstruction(Modality.VISION).setCentres(new float[][] {{1, 2, 3, 4, 5}, {3, 2, 1, 0, -1}, {2, 2, 2, 2, 2}});
            List<SampleMask> masks = new ArrayList<>(BatchBuilder.completeMasks(samples));
            masks.set(0, io.github.umdf.nn.missing.EvaluationMasks.mask(1, io.github.umdf.nn.missing.ModalitySubset.parse("la"), 0.0, samples.get(0)));
            ModalityInputs in = s.batchBuilder().inputs(m, samples, masks);
            ModalityInputs complete = s.batchBuilder().inputs(m, samples, BatchBuilder.completeMasks(samples));
            float[] x = net.fuse(s.parameterStore(), net.encode(s.parameterStore(), in, false), net.presence(in), false, false)
                    .features().toFloatArray();
            float[] own = net.encode(s.parameterStore(), complete, false).get(Modality.VISION).toFloatArray();
            float ln2 = (float) Math.log(2);
            for (int j = 0; j < 5; j++) {
                assertEquals(2f + ln2, x[10 + j], 1e-5f, "row 0, vision feature " + j);
                assertEquals(own[5 + j], x[15 + 10 + j], 1e-6f, "row 1 (complete), vision feature " + j);
            }
        }
    }

    /** Every trainable parameter's gradient after {@code run}, by name. */
    private static Map<String, float[]> gradients(NetworkSession s) {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : s.model().block().getParameters()) {
            if (p.getValue().requiresGradient()) {
                NDArray g = p.getValue().getArray().getGradient();
                out.put(p.getKey(), g.toFloatArray());
                g.close();
            }
        }
        return out;
    }

    private interface Step {
        void run(NetworkSession s, ModalityInputs in, NDArray targets, GradientCollector collector);
    }

    private static Map<String, float[]> gradientsOf(SmilConfig spec, byte[] parameters, List<MultimodalSample> batch, Step step,
                                                   java.util.function.Consumer<NetworkSession> before) {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        try (NetworkSession s = NetworkSession.load(spec, schema, Device.cpu(), parameters); NDManager m = s.manager().newSubManager()) {
            before.accept(s);
            ModalityInputs in = s.batchBuilder().inputs(m, batch, BatchBuilder.completeMasks(batch));
            NDArray targets = s.batchBuilder().targets(m, batch);
            try (GradientCollector collector = Engines.engine().newGradientCollector()) {
                step.run(s, in, targets, collector);
            }
            return gradients(s);
        }
    }

    /**
     * The outer gradient is taken at the inner-updated parameters. First order, on a complete batch (no
     * perturbation, so no draw): the gradient of one training step must be {@code ∇L_tr(θ) + ∇L_val(θ')}
     * with {@code θ' = θ − α ∇_θ L_tr(θ)} for the encoders, fusion and output layer, each part
     * computed on its own: {@code ∇L_tr} at {@code θ}, and {@code ∇L_val} on a copy of the network whose
     * parameters were moved to {@code θ'} by hand.
     */
    @Test
    void theOuterLossIsDifferentiatedAtTheInnerUpdatedParameters() {
        SmilConfig spec = SMALL.toBuilder().firstOrder(true).innerLearningRate(0.5).build();
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> batch = TestSamples.random(schema, 5, 8);
        byte[] start;
        try (NetworkSession s = NetworkSession.create(spec, schema, Device.cpu(), 4)) {
            SmilNetwork net = (SmilNetwork) s.model().block();
            for (Modality m : net.modalities()) {
                net.reconstruction(m).setCentres(new float[][] {{1, 0, 0, 1, 0}, {0, 1, 0, 0, -1}, {0.5f, 0.5f, 0.5f, 0.5f, 0.5f}});
            }
            start = s.parameterBytes();
        }
        java.util.function.Consumer<NetworkSession> nothing = s -> { };
        Map<String, float[]> metaTrain = gradientsOf(spec, start, batch, (s, in, t, c) ->
                c.backward(s.model().loss(s.parameterStore(), in, t, BaselineTesting.context(batch, 0), true).parts().get("task")), nothing);
        List<String> inner = new ArrayList<>();
        try (NetworkSession s = NetworkSession.load(spec, schema, Device.cpu(), start)) {
            Map<String, Parameter> byName = new LinkedHashMap<>();
            s.model().block().getParameters().forEach(p -> byName.put(p.getKey(), p.getValue()));
            for (Parameter p : ((SmilNetwork) s.model().block()).innerParameters()) {
                byName.forEach((k, v) -> {
                    if (v == p) {
                        inner.add(k);
                    }
                });
            }
        }
        Map<String, float[]> metaVal = gradientsOf(spec, start, batch, (s, in, t, c) -> {
            LossTerms terms = s.model().loss(s.parameterStore(), in, t, BaselineTesting.context(batch, 0), true);
            c.backward(terms.total().sub(terms.parts().get("task")));
        }, s -> {
            for (Pair<String, Parameter> p : s.model().block().getParameters()) {
                if (inner.contains(p.getKey())) {
                    NDArray g = s.manager().create(metaTrain.get(p.getKey()), p.getValue().getArray().getShape());
                    p.getValue().getArray().subi(g.muli(0.5f)); // θ' = θ − α g, by hand
                    g.close();
                }
            }
        });
        Map<String, float[]> step = gradientsOf(spec, start, batch, (s, in, t, c) ->
                s.model().lossAndGradients(c, s.parameterStore(), in, t, BaselineTesting.context(batch, 0)), nothing);
        assertTrue(inner.contains("09fusion_weight") && inner.contains("01encoder_language_01forward_l_0_i2h_WEIGHT")
                && inner.contains("10output_bias") && inner.size() == 16, "encoders, fusion and output: " + inner);
        double largestMetaVal = 0;
        for (String name : step.keySet()) {
            float[] expected = metaTrain.get(name).clone();
            for (int i = 0; i < expected.length; i++) {
                expected[i] += metaVal.get(name)[i];
                largestMetaVal = Math.max(largestMetaVal, Math.abs(metaVal.get(name)[i]));
            }
            assertArrayEquals(expected, step.get(name), 1e-5f, name);
        }
        assertTrue(largestMetaVal > 1e-3, "the meta-val gradient must matter here: " + largestMetaVal);
    }

    /** Second order differs from first order by the inner step's curvature term. */
    @Test
    void secondOrderChangesTheGradient() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> batch = TestSamples.random(schema, 5, 8);
        byte[] start;
        try (NetworkSession s = NetworkSession.create(SMALL, schema, Device.cpu(), 4)) {
            start = s.parameterBytes();
        }
        Step step = (s, in, t, c) -> s.model().lossAndGradients(c, s.parameterStore(), in, t, BaselineTesting.context(batch, 0));
        Map<String, float[]> second = gradientsOf(SMALL.toBuilder().innerLearningRate(0.5).build(), start, batch, step, s -> { });
        Map<String, float[]> first = gradientsOf(SMALL.toBuilder().innerLearningRate(0.5).firstOrder(true).build(), start, batch, step,
                s -> { });
        double difference = 0;
        for (String name : second.keySet()) {
            for (int i = 0; i < second.get(name).length; i++) {
                difference = Math.max(difference, Math.abs(second.get(name)[i] - first.get(name)[i]));
            }
        }
        assertTrue(difference > 1e-6, "largest difference " + difference);
    }

    @Test
    void theInnerLearningRateDecaysAsTheOriginals() {
        SmilConfig c = new SmilConfig();
        assertEquals(1e-3, c.innerLearningRate(999), 1e-12);
        assertEquals(1e-4, c.innerLearningRate(1000), 1e-12);
        assertEquals(1e-5, c.innerLearningRate(2500), 1e-12);
    }

    @Test
    void theCentresAreComputedBeforeTrainingAndSaved() {
        DatasetSchema schema = TestSamples.schema(Task.SINGLE_LABEL, 4);
        List<MultimodalSample> train = TestSamples.random(schema, 12, 1);
        List<MultimodalSample> valid = TestSamples.random(schema, 4, 2);
        TrainingConfig cfg = TrainingConfig.builder().batchSize(6).epochs(1).device(DeviceChoice.CPU).build();
        try (NetworkSession s = new TrainingLoop(SMALL, cfg, TrainingListener.SILENT).train(schema, train, valid, 3).network();
             NetworkSession loaded = NetworkSession.load(SMALL, schema, Device.cpu(), s.parameterBytes())) {
            for (Modality m : schema.modalities()) {
                float[] c = ((SmilNetwork) s.model().block()).reconstruction(m).centres().toFloatArray();
                assertEquals(3 * 5, c.length);
                double norm = 0;
                for (float v : c) {
                    norm += Math.abs(v);
                }
                assertTrue(norm > 0, m + " centres were set");
                assertArrayEquals(c, ((SmilNetwork) loaded.model().block()).reconstruction(m).centres().toFloatArray(), 0f, m.key());
            }
        }
    }

    @Test
    void aModalityNoTrainingSampleHasIsAClearError() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> train = new ArrayList<>();
        for (MultimodalSample s : TestSamples.random(schema, 6, 1)) {
            EnumMap<Modality, FrameSequence> mods = new EnumMap<>(Modality.class);
            s.modalities().forEach(m -> mods.put(m, s.require(m)));
            mods.put(Modality.AUDIO, FrameSequence.withLength(4, 3, new float[12], 0));
            train.add(new MultimodalSample(s.id(), mods, new float[] {s.target(0)}));
        }
        TrainingConfig cfg = TrainingConfig.builder().batchSize(6).epochs(1).device(DeviceChoice.CPU).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new TrainingLoop(SMALL, cfg, TrainingListener.SILENT).train(schema, train, TestSamples.random(schema, 3, 2), 1));
        assertEquals("SMIL: none of the 6 training samples has a audio frame, so the k-means centres of the audio features cannot be "
                + "computed; leave the modality out of the data set or give training samples that have it", e.getMessage());
    }

    @Test
    void aDataSetWithOneModalityIsRefused() {
        DatasetSchema schema = DatasetSchema.builder("one", Task.REGRESSION).labels("sentiment").labelRange(-3, 3)
                .modality(Modality.LANGUAGE, 4, 6).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SMALL.build(schema));
        assertEquals("SMIL reconstructs a missing modality from the others: it needs at least two modalities, the data set one has "
                + "[language]", e.getMessage());
    }
}
