package io.github.umdf.nn.block;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fused attention against the written-out reference: outputs and every gradient, with key masks. */
class FusedAttentionTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        Tensors.engine(3);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
        System.clearProperty(FusedAttention.PROPERTY);
    }

    @Test
    void compilesOnThePyTorchEngine() {
        assertNull(FusedAttention.unavailableReason());
        assertTrue(FusedAttention.enabled());
    }

    @Test
    void fusedEqualsWrittenOutWithMasksInOutputsAndGradients() {
        CrossmodalAttention ca = new CrossmodalAttention(8, 2, 0f);
        ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8), new Shape(1, 1, 8));
        NDArray target = manager.randomNormal(new Shape(3, 5, 8));
        NDArray source = manager.randomNormal(new Shape(3, 7, 8));
        // sample 0 keeps every key, sample 1 keeps 3 of 7, sample 2 keeps none (its output must be zero)
        NDArray mask = manager.create(new float[] {1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, new Shape(3, 7));
        for (NDArray keyMask : new NDArray[] {mask, null}) {
            List<NDArray> fused = run(ca, target, source, keyMask, "fused");
            List<NDArray> reference = run(ca, target, source, keyMask, "explicit");
            assertEquals(reference.size(), fused.size());
            for (int i = 0; i < fused.size(); i++) {
                float scale = Math.max(1f, reference.get(i).abs().max().getFloat());
                assertTrue(fused.get(i).sub(reference.get(i)).abs().max().getFloat() <= 1e-5f * scale,
                        "output or gradient " + i + " differs");
                assertTrue(reference.get(i).isInfinite().logicalOr(reference.get(i).isNaN()).none().getBoolean());
            }
            if (keyMask != null) {
                assertEquals(0f, fused.get(0).get(2).abs().sum().getFloat(), 0f); // fully masked sample: zeros
            }
        }
    }

    @Test
    void longMaskedSourcesStayFinite() {
        CrossmodalAttention ca = new CrossmodalAttention(40, 10, 0f);
        ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 40), new Shape(1, 1, 40));
        NDArray target = manager.randomNormal(new Shape(4, 50, 40)).mul(3f);
        NDArray source = manager.randomNormal(new Shape(4, 150, 40)).mul(3f);
        NDArray mask = manager.randomUniform(0f, 1f, new Shape(4, 150)).gt(0.5f).toType(DataType.FLOAT32, false);
        mask.set(new ai.djl.ndarray.index.NDIndex("1, :"), 0f);
        mask.set(new ai.djl.ndarray.index.NDIndex("2, 100:"), 0f);
        List<NDArray> fused = run(ca, target, source, mask, "fused");
        List<NDArray> reference = run(ca, target, source, mask, "explicit");
        for (int i = 0; i < fused.size(); i++) {
            float scale = Math.max(1f, reference.get(i).abs().max().getFloat());
            assertTrue(fused.get(i).isNaN().logicalOr(fused.get(i).isInfinite()).none().getBoolean(), "non-finite " + i);
            assertTrue(fused.get(i).sub(reference.get(i)).abs().max().getFloat() <= 1e-5f * scale, "differs " + i);
        }
    }

    @Test
    void dropoutPathAtAVanishingRateEqualsTheFusedAttentionWithGradients() {
        NDArray[] qkv = randomQkv();
        NDArray bias = partialKeyBias();
        List<NDArray> plain = attentionAndGradients(qkv, x -> FusedAttention.attend(x[0], x[1], x[2], bias));
        // 210 weights: with rate 1e-7 none is dropped unless with probability 2e-5; the scale is 1 + 1e-7
        List<NDArray> dropout = attentionAndGradients(qkv, x -> FusedAttention.attendWithDropout(x[0], x[1], x[2], bias, 1e-7f));
        assertAllClose(plain, dropout);
    }

    @Test
    void dropoutPathDropsWeightsAtItsRateAndScalesTheRest() {
        // q = k = 0: every weight is 1/Tk; v = identity: output[..., j] = keep_j / (Tk (1 - p))
        int tk = 16;
        float rate = 0.3f;
        NDArray q = manager.zeros(new Shape(8, 4, 32, tk));
        NDArray k = manager.zeros(new Shape(8, 4, tk, tk));
        NDArray v = manager.eye(tk).reshape(1, 1, tk, tk).repeat(0, 8).repeat(1, 4);
        float[] out = FusedAttention.attendWithDropout(q, k, v, null, rate).toFloatArray();
        int dropped = 0;
        float kept = 1f / (tk * (1f - rate));
        for (float o : out) {
            if (o == 0f) {
                dropped++;
            } else {
                assertEquals(kept, o, 1e-6, "a kept weight is scaled by 1 / (1 - p)");
            }
        }
        double n = out.length;
        double sd = Math.sqrt(n * rate * (1 - rate));
        assertEquals(n * rate, dropped, 4 * sd, "dropped weights among " + out.length);
    }

    @Test
    void dropoutPathIsDeterministicForASeed() {
        NDArray q = manager.randomNormal(new Shape(2, 2, 6, 4));
        NDArray k = manager.randomNormal(new Shape(2, 2, 9, 4));
        NDArray v = manager.randomNormal(new Shape(2, 2, 9, 4));
        Engine.getInstance().setRandomSeed(42);
        float[] a = FusedAttention.attendWithDropout(q, k, v, null, 0.5f).toFloatArray();
        float[] c = FusedAttention.attendWithDropout(q, k, v, null, 0.5f).toFloatArray();
        Engine.getInstance().setRandomSeed(42);
        float[] b = FusedAttention.attendWithDropout(q, k, v, null, 0.5f).toFloatArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, "same seed, same draws");
        assertFalse(java.util.Arrays.equals(a, c), "the next call draws anew");
    }

    @Test
    void keyDropoutAsScaledValuesEqualsDroppingColumnsOfTheWeights() {
        // the identity AttentionDropoutUnit.KEY rests on: sum_j w_ij m_j v_j = attention over m_j v_j
        NDArray[] qkv = randomQkv();
        NDArray bias = partialKeyBias();
        float scale = 1f / (1f - 0.4f);
        float[] keep = new float[3 * 2 * 7];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = i % 3 == 1 ? 0f : scale; // a fixed pattern: a third of the keys of every head dropped
        }
        NDArray m = manager.create(keep, new Shape(3, 2, 7, 1));
        List<NDArray> viaValues = attentionAndGradients(qkv, x -> FusedAttention.attend(x[0], x[1], x[2].mul(m), bias));
        List<NDArray> viaWeights = attentionAndGradients(qkv, x -> x[0].matMul(x[1].transpose(0, 1, 3, 2)).add(bias)
                .softmax(-1).mul(m.transpose(0, 1, 3, 2)).matMul(x[2]));
        assertAllClose(viaWeights, viaValues);
    }

    @Test
    void keyDropoutRunsTheSameDrawsOnTheFusedAndWrittenOutPaths() {
        CrossmodalAttention ca = new CrossmodalAttention(8, 2, 0.5f, AttentionDropoutUnit.KEY);
        ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8), new Shape(1, 1, 8));
        NDArray target = manager.randomNormal(new Shape(3, 5, 8));
        NDArray source = manager.randomNormal(new Shape(3, 7, 8));
        NDArray mask = manager.create(new float[] {1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 1, 1, 1}, new Shape(3, 7));
        Engine.getInstance().setRandomSeed(11);
        List<NDArray> fused = run(ca, target, source, mask, "fused");
        Engine.getInstance().setRandomSeed(11);
        List<NDArray> reference = run(ca, target, source, mask, "explicit");
        assertAllClose(reference, fused);
        NDArray inference = ca.attend(new ParameterStore(manager, false), target, source, mask, false);
        assertTrue(fused.get(0).sub(inference).abs().max().getFloat() > 1e-3f, "training at rate 0.5 drops keys");
        Engine.getInstance().setRandomSeed(12);
        List<NDArray> otherSeed = run(ca, target, source, mask, "fused");
        assertTrue(otherSeed.get(0).sub(fused.get(0)).abs().max().getFloat() > 1e-3f, "another seed, other keys");
    }

    @Test
    void keyDropoutSharesItsDrawsAcrossTheQueriesOfAHead() {
        // equal queries see equal weights: with keys dropped per head their outputs stay equal, with single
        // weights dropped they do not
        NDArray source = manager.randomNormal(new Shape(2, 9, 8));
        NDArray target = manager.randomNormal(new Shape(2, 1, 8)).repeat(1, 6);
        for (AttentionDropoutUnit unit : AttentionDropoutUnit.values()) {
            CrossmodalAttention ca = new CrossmodalAttention(8, 2, 0.5f, unit);
            ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8), new Shape(1, 1, 8));
            NDArray out = ca.attend(new ParameterStore(manager, false), target, source, null, true);
            float spread = out.sub(out.get(":, 0:1, :")).abs().max().getFloat();
            if (unit == AttentionDropoutUnit.KEY) {
                assertTrue(spread <= 1e-6f, "KEY: queries differ by " + spread);
            } else {
                assertTrue(spread > 1e-3f, "WEIGHT: equal queries should differ after dropout, spread " + spread);
            }
        }
    }

    @Test
    void keyKeepMaskDropsKeysAtItsRateAndScalesTheRest() {
        float rate = 0.3f;
        CrossmodalAttention ca = new CrossmodalAttention(8, 4, rate, AttentionDropoutUnit.KEY);
        float[] keep = ca.keyKeepMask(manager, 64, 50, DataType.FLOAT32).toFloatArray();
        assertEquals(64 * 4 * 50, keep.length, "one draw per sample, head and key");
        int dropped = 0;
        for (float x : keep) {
            if (x == 0f) {
                dropped++;
            } else {
                assertEquals(1f / (1f - rate), x, 1e-6, "a kept key is scaled by 1 / (1 - p)");
            }
        }
        double sd = Math.sqrt(keep.length * rate * (1 - rate));
        assertEquals(keep.length * rate, dropped, 4 * sd, "dropped keys among " + keep.length);
    }

    @Test
    void unknownSettingIsRefused() {
        System.setProperty(FusedAttention.PROPERTY, "flash");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, FusedAttention::enabled);
        assertTrue(e.getMessage().contains("umdf.attention"), e.getMessage());
    }

    /** Random queries {@code (3, 2, 5, 4)}, keys and values {@code (3, 2, 7, 4)}. */
    private NDArray[] randomQkv() {
        return new NDArray[] {manager.randomNormal(new Shape(3, 2, 5, 4)), manager.randomNormal(new Shape(3, 2, 7, 4)),
            manager.randomNormal(new Shape(3, 2, 7, 4))};
    }

    /**
     * An additive key mask for {@link #randomQkv()} that leaves every sample some keys: a row whose keys are
     * all masked has no meaningful gradient (the flash kernel recomputes it from a log-sum-exp near -1e9);
     * CrossmodalAttention zeroes those rows' outputs, which fusedEqualsWrittenOutWithMasksInOutputsAndGradients covers.
     */
    private NDArray partialKeyBias() {
        return manager.create(new float[] {0, 0, 0, -1e9f, 0, 0, -1e9f, 0, -1e9f, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, -1e9f, -1e9f}).reshape(3, 1, 1, 7);
    }

    /** Equal outputs and gradients, element by element, to 1e-5 of each array's largest magnitude (at least 1). */
    private static void assertAllClose(List<NDArray> expected, List<NDArray> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            float tolerance = 1e-5f * Math.max(1f, expected.get(i).abs().max().getFloat());
            assertTrue(actual.get(i).sub(expected.get(i)).abs().max().getFloat() <= tolerance, "output or gradient " + i + " differs");
        }
    }

    /** Output, then the gradients of sum(out^2) w.r.t. q, k and v. */
    private List<NDArray> attentionAndGradients(NDArray[] qkv, java.util.function.Function<NDArray[], NDArray> attention) {
        NDArray[] x = {qkv[0].duplicate(), qkv[1].duplicate(), qkv[2].duplicate()};
        for (NDArray a : x) {
            a.setRequiresGradient(true);
        }
        List<NDArray> out = new ArrayList<>();
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = attention.apply(x);
            out.add(y.duplicate());
            gc.backward(y.mul(y).sum());
        }
        for (NDArray a : x) {
            out.add(a.getGradient().duplicate());
        }
        return out;
    }

    /** Output, then the gradients of sum(out^2) w.r.t. target, source and every parameter. */
    private List<NDArray> run(CrossmodalAttention ca, NDArray target, NDArray source, NDArray mask, String path) {
        System.setProperty(FusedAttention.PROPERTY, path);
        List<NDArray> out = new ArrayList<>();
        NDArray t = target.duplicate();
        NDArray s = source.duplicate();
        t.setRequiresGradient(true);
        s.setRequiresGradient(true);
        ca.getParameters().values().forEach(p -> {
            p.getArray().setRequiresGradient(true);
            ai.djl.pytorch.jni.JniUtils.zeroGrad((ai.djl.pytorch.engine.PtNDArray) p.getArray()); // gradients accumulate across runs
        });
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = ca.attend(new ParameterStore(manager, false), t, s, mask, true);
            out.add(y.duplicate());
            gc.backward(y.mul(y).sum());
        }
        out.add(t.getGradient().duplicate());
        out.add(s.getGradient().duplicate());
        ca.getParameters().values().forEach(p -> out.add(p.getArray().getGradient().duplicate()));
        return out;
    }
}
