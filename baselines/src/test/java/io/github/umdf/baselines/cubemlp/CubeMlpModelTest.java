package io.github.umdf.baselines.cubemlp;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineTesting;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.SubsetDistribution;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelRegistry;
import io.github.umdf.nn.testing.GcStress;
import io.github.umdf.nn.testing.Tensors;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.EpochSummary;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.train.TrainingLoop;
import io.github.umdf.nn.train.TrainingResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CubeMlpModelTest {
    /** Tiny widths for hand counts: features 6 -> 5 -> 4, time T -> ceil(T/2) -> ceil(T/5), two GRU layers. */
    private static final CubeMlpConfig TINY = CubeMlpConfig.builder().extractors(6, 2).firstBlock(2, 5).secondBlock(5, 4).noDropout().build();

    /**
     * The cube {@code x (1, T=2, K=2, D=2)}, entries {@code x[t][k][d]} in row-major order:
     * <pre>
     *   t0: k0 (1, 2)  k1 (3, 5)
     *   t1: k0 (4, 1)  k1 (2, 7)
     * </pre>
     * Along every axis the two entries of each line differ, so each line's layer norm is defined.
     */
    private static final float[] CUBE = {1, 2, 3, 5, 4, 1, 2, 7};

    /**
     * The hand-set mixer, the same whichever axis it mixes: on a line {@code v = (u, w)} of the cube,
     * <pre>
     *   LN(v)  = (s, −s), s = sign(u − w)                 (gain 1, shift 0; a 2-vector normalises to ±1, up to eps)
     *   fc1    = [[1, 0], [1, −1]] · LN(v) + (0, 1)       = (s, 2s + 1):   s = 1: (1, 3);  s = −1: (−1, −1)
     *   GELU   (exact: x Φ(x)):  GELU(1) = 0.8413447, GELU(3) = 2.9959503, GELU(−1) = −0.1586553
     *   fc2    = [[1, 1], [0, 1]] · GELU + (0.5, 0)       s = 1: (4.3372950, 2.9959503);  s = −1: (0.1826895, −0.1586553)
     *   res    = [[1, 0], [1, 1]] · v                     = (u, u + w)
     *   out    = fc2 + res
     * </pre>
     */
    private static AxisMixer handSetMixer(int axis, NDManager m) {
        AxisMixer mixer = AxisMixer.builder().setAxis(axis).setInputSize(2).setOutputSize(2).build();
        mixer.initialize(m, DataType.FLOAT32, new Shape(1, 2, 2, 2));
        setHandWeights(mixer, "");
        return mixer;
    }

    private static void setHandWeights(Block block, String prefix) {
        Tensors.setParameter(block, prefix + "norm_gamma", 1, 1);
        Tensors.setParameter(block, prefix + "norm_beta", 0, 0);
        Tensors.setParameter(block, prefix + "fc1_weight", 1, 0, 1, -1);
        Tensors.setParameter(block, prefix + "fc1_bias", 0, 1);
        Tensors.setParameter(block, prefix + "fc2_weight", 1, 1, 0, 1);
        Tensors.setParameter(block, prefix + "fc2_bias", 0.5f, 0);
        Tensors.setParameter(block, prefix + "residual_weight", 1, 0, 1, 1);
    }

    private static float[] mix(AxisMixer mixer, NDManager m, float[] cube) {
        return mixer.mix(new ParameterStore(m, false), m.create(cube, new Shape(1, 2, 2, 2)), false).toFloatArray();
    }

    /**
     * Each of the three MLPs against the hand computation of {@link #handSetMixer} on {@link #CUBE}.
     * A line {@code (u, w)} with {@code u > w} gives {@code (u + 4.3372950, u + w + 2.9959503)}, with
     * {@code u < w} it gives {@code (u + 0.1826895, u + w − 0.1586553)}.
     */
    @Test
    void eachAxisIsMixedAsTheHandComputationSays() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            // time: lines x[·][k][d]: (k0,d0) (1, 4) <; (k0,d1) (2, 1) >; (k1,d0) (3, 2) >; (k1,d1) (5, 7) <
            //   (1.1826895, 4.8413447), (6.3372950, 5.9959503), (7.3372950, 7.9959503), (5.1826895, 11.8413447)
            float[] time = {1.1826895f, 6.3372950f, 7.3372950f, 5.1826895f, 4.8413447f, 5.9959503f, 7.9959503f, 11.8413447f};
            // modality: lines x[t][·][d]: (t0,d0) (1, 3) <; (t0,d1) (2, 5) <; (t1,d0) (4, 2) >; (t1,d1) (1, 7) <
            //   (1.1826895, 3.8413447), (2.1826895, 6.8413447), (8.3372950, 8.9959503), (1.1826895, 7.8413447)
            float[] modality = {1.1826895f, 2.1826895f, 3.8413447f, 6.8413447f, 8.3372950f, 1.1826895f, 8.9959503f, 7.8413447f};
            // feature: lines x[t][k][·]: (t0,k0) (1, 2) <; (t0,k1) (3, 5) <; (t1,k0) (4, 1) >; (t1,k1) (2, 7) <
            //   (1.1826895, 2.8413447), (3.1826895, 7.8413447), (8.3372950, 7.9959503), (2.1826895, 8.8413447)
            float[] feature = {1.1826895f, 2.8413447f, 3.1826895f, 7.8413447f, 8.3372950f, 7.9959503f, 2.1826895f, 8.8413447f};
            float[][] expected = {time, modality, feature};
            for (int axis = 1; axis <= 3; axis++) {
                // 1e-4: the layer norm's eps 1e-6 moves the ±1 by at most 4e-6 here
                assertArrayEquals(expected[axis - 1], mix(handSetMixer(axis, m), m, CUBE), 1e-4f, "axis " + axis);
            }
        }
    }

    /** Changing one entry of the cube changes the mixer's output only on that entry's line along the mixed axis. */
    @Test
    void mixingAlongOneAxisLeavesTheOtherTwoUnmixed() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int axis = 1; axis <= 3; axis++) {
                AxisMixer mixer = AxisMixer.builder().setAxis(axis).setInputSize(2).setOutputSize(2).build();
                mixer.initialize(m, DataType.FLOAT32, new Shape(1, 2, 2, 2)); // random weights
                for (int entry = 0; entry < 8; entry++) {
                    float[] changed = CUBE.clone();
                    changed[entry] += 10f;
                    float[] before = mix(mixer, m, CUBE);
                    float[] after = mix(mixer, m, changed);
                    for (int i = 0; i < 8; i++) {
                        boolean sameLine = sameExceptAlong(axis, i, entry);
                        if (sameLine) {
                            assertNotEquals(before[i], after[i], "axis " + axis + ": entry " + entry + " changes its own line at " + i);
                        } else {
                            assertEquals(before[i], after[i], "axis " + axis + ": entry " + entry + " must not reach " + i);
                        }
                    }
                }
            }
        }
    }

    /** Whether flat indices {@code i} and {@code j} of a 2x2x2 cube agree on every axis but {@code axis} (1 t, 2 k, 3 d). */
    private static boolean sameExceptAlong(int axis, int i, int j) {
        int[] a = {i / 4, (i / 2) % 2, i % 2};
        int[] b = {j / 4, (j / 2) % 2, j % 2};
        for (int k = 0; k < 3; k++) {
            if (k != axis - 1 && a[k] != b[k]) {
                return false;
            }
        }
        return true;
    }

    /** One line {@code (u, w)} through the hand-set mixer of {@link #handSetMixer}, in plain arithmetic. */
    private static float[] handLine(float u, float w) {
        return u > w ? new float[] {u + 4.3372950f, u + w + 2.9959503f} : new float[] {u + 0.1826895f, u + w - 0.1586553f};
    }

    /** The hand-set mixer along an axis of a 2x2x2 cube, line by line with {@link #handLine}. */
    private static float[] handMix(int axis, float[] x) {
        float[] y = new float[8];
        int stride = axis == 1 ? 4 : axis == 2 ? 2 : 1;
        for (int i = 0; i < 8; i++) {
            if ((i / stride) % 2 == 0) {
                float[] line = handLine(x[i], x[i + stride]);
                y[i] = line[0];
                y[i + stride] = line[1];
            }
        }
        return y;
    }

    @Test
    void aBlockMixesTimeThenModalityThenFeature() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            CubeMixingBlock block = new CubeMixingBlock(new int[] {2, 2, 2}, new int[] {2, 2, 2}, 0f);
            block.initialize(m, DataType.FLOAT32, new Shape(1, 2, 2, 2));
            for (String axis : List.of("time", "modality", "feature")) {
                setHandWeights(block, axis + "_");
            }
            float[] y = block.mix(new ParameterStore(m, false), m.create(CUBE, new Shape(1, 2, 2, 2)), false).toFloatArray();
            float[] expected = handMix(3, handMix(2, handMix(1, CUBE)));
            assertArrayEquals(expected, y, 1e-3f);
            assertFalse(java.util.Arrays.equals(handMix(1, handMix(2, handMix(3, CUBE))), expected), "precondition: the order matters");
        }
    }

    @Test
    void theTimeAxisShrinksByTheOriginalsFractionsOfTheSchemasLength() {
        CubeMlpConfig c = new CubeMlpConfig();
        assertArrayEquals(new int[] {50, 10}, c.timeSizes(100), "the original's time_len 100: [100, 3, 128] -> [50, 3, 128] -> [10, 3, 32]");
        assertArrayEquals(new int[] {25, 5}, c.timeSizes(50), "MOSI and MOSEI word-aligned here");
        assertArrayEquals(new int[] {3, 1}, c.timeSizes(5), "rounded up, never empty");
        assertArrayEquals(new int[] {128, 32}, c.featureSizes());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CubeMlpConfig.builder().firstBlock(0, 128).build());
        assertEquals("CubeMlpConfig: firstTimeDivisor must be positive, found 0", e.getMessage());
    }

    @Test
    void predictionsAndRepresentationsHaveTheCubesShapesForAlignedUnalignedAndTwoModalityData() {
        CubeMlpConfig c = TINY;
        DatasetSchema aligned = TestSamples.schema(Task.SINGLE_LABEL, 5);
        DatasetSchema unaligned = TestSamples.unalignedSchema(); // language 6, audio 9, vision 11 frames
        DatasetSchema noVision = TestSamples.schema(Task.REGRESSION, 5).toBuilder().without(Modality.VISION).build();
        Object[][] cases = {{aligned, 3, 5}, {unaligned, 3, 6}, {noVision, 2, 5}};
        for (Object[] k : cases) {
            DatasetSchema schema = (DatasetSchema) k[0];
            List<MultimodalSample> samples = TestSamples.random(schema, 4, 3);
            try (NetworkSession s = NetworkSession.create(c, schema, Device.cpu(), 1);
                 NDManager m = s.manager().newSubManager()) {
                CubeMlpNetwork n = ((CubeMlpModel) s.model()).block();
                assertEquals(k[2], n.steps(), schema.name() + ": the cube's time axis is the language length");
                ModalityInputs in = s.batchBuilder().inputs(m, samples, BaselineTesting.randomMasks(samples, 2));
                assertEquals(new Shape(4, schema.outputSize()), s.model().predict(s.parameterStore(), in).getShape());
                assertEquals(new Shape(4, (int) k[1] * 4), s.model().represent(s.parameterStore(), in).getShape(),
                        schema.name() + ": K modalities x 4 features after the second block");
            }
        }
    }

    private static long linear(int in, int out, boolean bias) {
        return (long) in * out + (bias ? out : 0);
    }

    private static long gru(int in, int hidden) {
        return 2L * (3L * hidden * (in + hidden) + 6L * hidden); // two directions: i2h, h2h weights and biases
    }

    /** Norm over n, fc1 n -> m, fc2 m -> m, residual n -> m without bias. */
    private static long mixer(int n, int m) {
        return 2L * n + linear(n, m, true) + linear(m, m, true) + linear(n, m, false);
    }

    @Test
    void parameterCountsMatchAHandCount() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5); // language 6, audio 3, vision 4; T = 5 -> 3 -> 1
        try (NetworkSession s = NetworkSession.create(TINY, schema, Device.cpu(), 1)) {
            Map<String, Long> counts = s.model().parameterCounts();
            assertEquals(List.of("projection_language", "encoder_audio", "encoder_vision", "mixing1", "mixing2", "classifier"),
                    List.copyOf(counts.keySet()));
            assertEquals(linear(6, 6, false), counts.get("projection_language"));
            assertEquals(gru(3, 6) + gru(12, 6) + 2 * 6, counts.get("encoder_audio"), "two bidirectional layers, the second on 2 x 6");
            assertEquals(mixer(5, 3) + mixer(3, 3) + mixer(6, 5), counts.get("mixing1"));
            assertEquals(mixer(3, 1) + mixer(3, 3) + mixer(5, 4), counts.get("mixing2"));
            assertEquals(linear(12, 1, true), counts.get("classifier"));
            assertEquals(s.parameterCount(), counts.values().stream().mapToLong(Long::longValue).sum());
        }
        // a fused width above 128 gets the original's two-layer classifier: 3 x 64 = 192 -> 128 -> 1
        CubeMlpConfig wide = CubeMlpConfig.builder().extractors(6, 1).secondBlock(5, 64).noDropout().build();
        try (NetworkSession s = NetworkSession.create(wide, schema, Device.cpu(), 1)) {
            Map<String, Long> counts = s.model().parameterCounts();
            assertEquals(linear(192, 128, true), counts.get("classifierHidden"));
            assertEquals(linear(128, 1, true), counts.get("classifier"));
        }
    }

    @Test
    void anotherSequenceLengthIsAnotherNetwork() {
        CubeMlpConfig c = TINY;
        try (NetworkSession a = NetworkSession.create(c, TestSamples.schema(Task.REGRESSION, 5), Device.cpu(), 1)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NetworkSession.load(c, TestSamples.schema(Task.REGRESSION, 8), Device.cpu(), a.parameterBytes()));
            assertTrue(e.getMessage().contains("do not fit"), e.getMessage());
        }
    }

    @Test
    void theFamilyTrainsAsTheOriginalOnCompleteData() {
        TrainingConfig t = ModelRegistry.get(CubeMlpConfig.FAMILY).defaultTraining(PaperDataset.MOSI);
        assertEquals(4e-3, t.learningRate());
        assertEquals(128, t.batchSize());
        assertEquals(70, t.epochs());
        assertEquals(1.0, t.gradClipValue());
        assertEquals(0.0, t.gradClipNorm());
        assertEquals(60, t.lrStepEpochs());
        assertEquals(0.1, t.lrDecayFactor());
        assertEquals(0, t.earlyStoppingPatience());
        assertEquals(SubsetDistribution.COMPLETE, t.missingness().subsetDistribution());
        assertEquals(new CubeMlpConfig(), ModelRegistry.get(CubeMlpConfig.FAMILY).defaultSpec(PaperDataset.MOSEI));
    }

    /** The value clipping and the step schedule of the family's recipe, under a thread calling the garbage collector. */
    @Test
    void garbageCollectionDuringTrainingWithTheOriginalRecipeChangesNothing() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> train = TestSamples.random(schema, 24, 3);
        List<MultimodalSample> valid = TestSamples.random(schema, 8, 4);
        TrainingConfig cfg = ModelRegistry.get(CubeMlpConfig.FAMILY).defaultTraining(PaperDataset.MOSI).toBuilder().batchSize(8).epochs(3)
                .lrStepEpochs(2).device(DeviceChoice.CPU).build();
        TrainingLoop loop = new TrainingLoop(BaselineTesting.smallCubeMlp(), cfg, TrainingListener.SILENT);
        TrainingResult plain = loop.train(schema, train, valid, 5);
        TrainingResult stressed = GcStress.during(() -> loop.train(schema, train, valid, 5));
        plain.network().close();
        stressed.network().close();
        assertEquals(plain.history().stream().map(EpochSummary::validLoss).toList(),
                stressed.history().stream().map(EpochSummary::validLoss).toList());
        assertEquals(4e-4, plain.history().get(2).learningRate(), 1e-8, "x0.1 after epoch 2");
    }
}
