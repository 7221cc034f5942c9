package io.github.umdf.nn.block;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.testing.Tensors;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.FloatBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java Vector API inference attention against the written-out reference, and when it runs. */
class InferenceAttentionTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        Tensors.engine(5);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
        System.clearProperty(FusedAttention.PROPERTY);
        System.clearProperty(InferenceAttention.PROPERTY);
    }

    @Test
    void theBuildRunsWithTheVectorModule() {
        // the surefire argLine and ./umdf add it; without it every other test here would compare PyTorch with itself
        assertTrue(InferenceAttention.vectorModulePresent());
        assertTrue(InferenceAttention.enabled());
    }

    @Test
    void equalsTheWrittenOutAttentionForHeadSizesQueryCountsAndMasks() {
        // head sizes 4 (the paper's), 5 (MOSEI's 40/8: a group of 4 and a remainder), 1, 8 and 12 (the largest
        // taken); query counts below, at and above the vector width; masks keeping all, some and no keys
        int[][] cases = {{40, 10, 50, 50}, {40, 8, 17, 150}, {3, 3, 1, 7}, {16, 2, 33, 9}, {24, 2, 5, 64}};
        for (int[] c : cases) {
            int dim = c[0];
            int heads = c[1];
            int tq = c[2];
            int tk = c[3];
            CrossmodalAttention ca = new CrossmodalAttention(dim, heads, 0.1f);
            ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, dim), new Shape(1, 1, dim));
            NDArray target = manager.randomNormal(new Shape(3, tq, dim)).mul(2f);
            NDArray source = manager.randomNormal(new Shape(3, tk, dim)).mul(2f);
            NDArray mask = manager.randomUniform(0f, 1f, new Shape(3, tk)).gt(0.4f).toType(DataType.FLOAT32, false);
            mask.set(new NDIndex("0, 0"), 1f);
            mask.set(new NDIndex("1, :"), 1f);
            mask.set(new NDIndex("2, :"), 0f);
            for (NDArray keyMask : new NDArray[] {mask, null}) {
                String what = dim + "/" + heads + " heads, Tq " + tq + ", Tk " + tk + (keyMask == null ? "" : ", masked");
                assertNotNull(kernel(ca, target, source, keyMask), "the kernel runs: " + what);
                NDArray vector = inference(ca, target, source, keyMask);
                System.setProperty(FusedAttention.PROPERTY, "explicit");
                NDArray reference = inference(ca, target, source, keyMask);
                System.clearProperty(FusedAttention.PROPERTY);
                float scale = Math.max(1f, reference.abs().max().getFloat());
                float diff = vector.sub(reference).abs().max().getFloat();
                assertTrue(diff <= 1e-5f * scale, what + ": differs by " + diff);
                assertTrue(vector.isNaN().logicalOr(vector.isInfinite()).none().getBoolean(), what);
                if (keyMask != null) {
                    assertEquals(0f, vector.get(2).abs().sum().getFloat(), 0f, "no key kept: zeros, " + what);
                }
            }
        }
    }

    @Test
    void largeScoresStayFiniteAndEqual() {
        // scores in the hundreds: exp without subtracting the row maximum would overflow
        CrossmodalAttention ca = new CrossmodalAttention(8, 2, 0f);
        ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8), new Shape(1, 1, 8));
        NDArray target = manager.randomNormal(new Shape(2, 20, 8)).mul(40f);
        NDArray source = manager.randomNormal(new Shape(2, 30, 8)).mul(40f);
        assertNotNull(kernel(ca, target, source, null));
        NDArray vector = inference(ca, target, source, null);
        System.setProperty(FusedAttention.PROPERTY, "explicit");
        NDArray reference = inference(ca, target, source, null);
        float scale = Math.max(1f, reference.abs().max().getFloat());
        assertTrue(vector.sub(reference).abs().max().getFloat() <= 1e-5f * scale);
    }

    @Test
    void runsOnlyWithoutAutogradForSmallHeadsBinaryMasksAndWhenSelected() {
        CrossmodalAttention ca = new CrossmodalAttention(8, 2, 0f);
        ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8), new Shape(1, 1, 8));
        NDArray target = manager.randomNormal(new Shape(2, 3, 8));
        NDArray source = manager.randomNormal(new Shape(2, 4, 8));
        assertNotNull(kernel(ca, target, source, null));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            assertNull(kernel(ca, target, source, null), "autograd records: PyTorch's kernel, which has a backward pass");
        }
        NDArray halfMask = manager.create(new float[] {1, 0.5f, 1, 1, 1, 1, 0, 1}, new Shape(2, 4));
        assertNull(kernel(ca, target, source, halfMask), "a mask entry that is neither 0 nor 1");
        System.setProperty(InferenceAttention.PROPERTY, "torch");
        assertNull(kernel(ca, target, source, null), "turned off");
        System.setProperty(InferenceAttention.PROPERTY, "vector");
        System.setProperty(FusedAttention.PROPERTY, "explicit");
        assertNull(kernel(ca, target, source, null), "the written-out reference everywhere");
        System.clearProperty(FusedAttention.PROPERTY);
        CrossmodalAttention wide = new CrossmodalAttention(26, 2, 0f); // 13 channels per head
        wide.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 26), new Shape(1, 1, 26));
        assertNull(kernel(wide, manager.randomNormal(new Shape(2, 3, 26)), manager.randomNormal(new Shape(2, 4, 26)), null));
    }

    @Test
    void unknownSettingIsRefused() {
        System.setProperty(InferenceAttention.PROPERTY, "simd");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, InferenceAttention::enabled);
        assertTrue(e.getMessage().contains(InferenceAttention.PROPERTY) && e.getMessage().contains("simd"), e.getMessage());
    }

    @Test
    void resultIsIdenticalForAnyThreadCount() {
        int b = 7;
        int tq = 19;
        int tk = 23;
        int heads = 3;
        int dh = 5;
        int dim = heads * dh;
        Random random = new Random(3);
        float[] q = gaussian(random, b * tq * dim);
        float[] kv = gaussian(random, b * tk * 2 * dim);
        float[] mask = new float[b * tk];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextFloat() < 0.7f ? 1f : 0f;
        }
        float[] one = new float[b * tq * dim];
        VectorAttention.attend(FloatBuffer.wrap(q), FloatBuffer.wrap(kv), FloatBuffer.wrap(mask), FloatBuffer.wrap(one),
                b, tq, tk, heads, dh, 1);
        for (int threads : new int[] {2, 3, 16}) {
            float[] many = new float[one.length];
            VectorAttention.attend(FloatBuffer.wrap(q), FloatBuffer.wrap(kv), FloatBuffer.wrap(mask), FloatBuffer.wrap(many),
                    b, tq, tk, heads, dh, threads);
            assertArrayEquals(one, many, threads + " threads");
        }
    }

    @Test
    void expMatchesMathExpToAFewUlps() {
        int lanes = VectorAttention.lanes();
        float[] x = new float[lanes];
        float[] y = new float[lanes];
        double worst = 0;
        for (int i = 0; i <= 200_000; i += lanes) {
            for (int l = 0; l < lanes; l++) {
                x[l] = -100f * (i + l) / 200_000f;
            }
            VectorAttention.exp(FloatVector.fromArray(FloatVector.SPECIES_PREFERRED, x, 0)).intoArray(y, 0);
            for (int l = 0; l < lanes; l++) {
                double expected = Math.exp(x[l]);
                if (x[l] >= -87f) {
                    worst = Math.max(worst, Math.abs(y[l] - expected) / expected);
                } else {
                    assertTrue(y[l] >= 0f && y[l] <= 1.7e-38f, "underflow (e^-87 = 1.65e-38) at " + x[l] + ": " + y[l]);
                }
            }
        }
        assertTrue(worst < 3e-7, "largest relative error " + worst);
    }

    private static float[] gaussian(Random random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    /** The block's inference output (the vector kernel when it applies). */
    private NDArray inference(CrossmodalAttention ca, NDArray target, NDArray source, NDArray mask) {
        return ca.attend(new ParameterStore(manager, false), target, source, mask, false);
    }

    /** The kernel's context for the block's projections, or null when it does not apply. */
    private NDArray kernel(CrossmodalAttention ca, NDArray target, NDArray source, NDArray mask) {
        ParameterStore ps = new ParameterStore(manager, false);
        int dh = ca.dim() / ca.heads();
        NDArray q = ca.getChildren().valueAt(0).forward(ps, new ai.djl.ndarray.NDList(target), false).head()
                .mul(1f / (float) Math.sqrt(dh));
        NDArray kv = ca.getChildren().valueAt(1).forward(ps, new ai.djl.ndarray.NDList(source), false).head();
        return InferenceAttention.attend(q, kv, mask, ca.heads());
    }
}
