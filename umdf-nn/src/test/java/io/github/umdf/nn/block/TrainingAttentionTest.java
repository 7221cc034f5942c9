package io.github.umdf.nn.block;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java training attention (forward, backward, tape) against PyTorch's autograd through the written-out attention. */
class TrainingAttentionTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        Tensors.engine(7);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
        System.clearProperty(FusedAttention.PROPERTY);
        System.clearProperty(TrainingAttention.PROPERTY);
        JniUtils.setNumThreads(1);
    }

    @Test
    void outputsAndGradientsEqualTheWrittenOutAttention() {
        // head sizes 4 (the paper's), 5, 1 and 12; query counts below, at and above the vector width; masks keeping
        // all, some and no keys of a sample
        int[][] cases = {{40, 10, 50, 50}, {40, 8, 17, 37}, {3, 3, 1, 7}, {24, 2, 16, 9}};
        for (int[] c : cases) {
            int dim = c[0];
            int heads = c[1];
            CrossmodalAttention ca = new CrossmodalAttention(dim, heads, 0f);
            ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, dim), new Shape(1, 1, dim));
            NDArray target = manager.randomNormal(new Shape(3, c[2], dim)).mul(2f);
            NDArray source = manager.randomNormal(new Shape(3, c[3], dim)).mul(2f);
            NDArray mask = manager.randomUniform(0f, 1f, new Shape(3, c[3])).gt(0.4f).toType(DataType.FLOAT32, false);
            mask.set(new NDIndex("0, 0"), 1f);
            mask.set(new NDIndex("1, :"), 1f);
            mask.set(new NDIndex("2, :"), 0f);
            for (NDArray keyMask : new NDArray[] {mask, null}) {
                String what = dim + "/" + heads + " heads, Tq " + c[2] + ", Tk " + c[3] + (keyMask == null ? "" : ", masked");
                Run vector = run(ca, target, source, keyMask, "vector", "fused");
                assertTrue(vector.tapeSize > 0, "the Java path runs: " + what);
                Run reference = run(ca, target, source, keyMask, "torch", "explicit");
                assertEquals(0, reference.tapeSize, what);
                for (int i = 0; i < reference.arrays.size(); i++) {
                    NDArray e = reference.arrays.get(i);
                    NDArray a = vector.arrays.get(i);
                    float scale = Math.max(1f, e.abs().max().getFloat());
                    float diff = a.sub(e).abs().max().getFloat();
                    assertTrue(diff <= 1e-4f * scale, what + ", array " + i + " (0 output, 1 target, 2 source, then parameters): differs by "
                            + diff + " at scale " + scale);
                }
            }
        }
    }

    @Test
    void keyDropoutDrawsTheSameMaskAsTheFusedPath() {
        CrossmodalAttention ca = new CrossmodalAttention(40, 10, 0.3f, AttentionDropoutUnit.KEY);
        ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 40), new Shape(1, 1, 40));
        NDArray target = manager.randomNormal(new Shape(4, 20, 40));
        NDArray source = manager.randomNormal(new Shape(4, 30, 40));
        Engine.getInstance().setRandomSeed(11);
        Run vector = run(ca, target, source, null, "vector", "fused");
        assertTrue(vector.tapeSize > 0);
        Engine.getInstance().setRandomSeed(11);
        Run reference = run(ca, target, source, null, "torch", "fused");
        for (int i = 0; i < reference.arrays.size(); i++) {
            Tensors.assertClose(reference.arrays.get(i), vector.arrays.get(i), 1e-4);
        }
    }

    @Test
    void perWeightDropoutAndNoTapeTakeTheOtherPaths() {
        CrossmodalAttention ca = new CrossmodalAttention(40, 10, 0.3f, AttentionDropoutUnit.WEIGHT);
        ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 40), new Shape(1, 1, 40));
        NDArray x = manager.randomNormal(new Shape(2, 5, 40));
        assertEquals(0, run(ca, x, x, null, "vector", "fused").tapeSize, "per-weight dropout needs the attention map");
        NDArray q = manager.randomNormal(new Shape(2, 5, 40));
        NDArray kv = manager.randomNormal(new Shape(2, 5, 80));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            assertNull(TrainingAttention.attend(q, kv, null, 10, null), "no tape open");
            try (TrainingAttention tape = TrainingAttention.open()) {
                assertThrows(IllegalStateException.class, TrainingAttention::open, "one tape per thread");
                System.setProperty(FusedAttention.PROPERTY, "explicit");
                assertNull(TrainingAttention.attend(q, kv, null, 10, null), "the written-out reference asked for");
                System.clearProperty(FusedAttention.PROPERTY);
                assertNull(TrainingAttention.attend(manager.randomNormal(new Shape(2, 5, 32)), manager.randomNormal(new Shape(2, 5, 64)),
                        null, 2, null), "heads of 16 channels");
                assertEquals(0, tape.size());
            }
        }
        try (TrainingAttention tape = TrainingAttention.open()) {
            assertNull(TrainingAttention.attend(q, kv, null, 10, null), "autograd not recording");
            assertSame(x, TrainingAttention.cut(x), "no cut outside autograd");
        }
        System.setProperty(TrainingAttention.PROPERTY, "torch");
        assertFalse(TrainingAttention.enabled());
        System.setProperty(TrainingAttention.PROPERTY, "java");
        assertThrows(IllegalArgumentException.class, TrainingAttention::enabled);
    }

    @Test
    void badShapesFailOnEveryPath() {
        NDArray q = manager.randomNormal(new Shape(2, 5, 40));
        NDArray kv = manager.randomNormal(new Shape(2, 5, 40)); // keys and values need 80 channels
        assertThrows(IllegalArgumentException.class, () -> InferenceAttention.attend(q, kv, null, 10));
        try (GradientCollector gc = Engine.getInstance().newGradientCollector(); TrainingAttention tape = TrainingAttention.open()) {
            assertThrows(IllegalArgumentException.class, () -> InferenceAttention.attend(q, kv, null, 10));
            assertThrows(IllegalArgumentException.class, () -> TrainingAttention.attend(q, kv, null, 10, null));
        }
    }

    @Test
    void gradientsDoNotDependOnTheThreadCount() {
        CrossmodalAttention ca = new CrossmodalAttention(40, 10, 0f);
        ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 40), new Shape(1, 1, 40));
        NDArray target = manager.randomNormal(new Shape(7, 21, 40));
        NDArray source = manager.randomNormal(new Shape(7, 33, 40));
        NDArray mask = manager.randomUniform(0f, 1f, new Shape(7, 33)).gt(0.3f).toType(DataType.FLOAT32, false);
        JniUtils.setNumThreads(1);
        Run one = run(ca, target, source, mask, "vector", "fused");
        JniUtils.setNumThreads(2);
        Run two = run(ca, target, source, mask, "vector", "fused");
        for (int i = 0; i < one.arrays.size(); i++) {
            Tensors.assertClose(one.arrays.get(i), two.arrays.get(i), 0);
        }
    }

    @Test
    void aTapeIsBackPropagatedOnce() {
        NDArray x = manager.randomNormal(new Shape(3));
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector(); TrainingAttention tape = TrainingAttention.open()) {
            NDArray twice = x.mul(2f);
            NDArray y = TrainingAttention.cut(twice).mul(3f).sum();
            assertEquals(1, tape.size(), "the cut is on the tape");
            tape.backward(y);
            assertThrows(IllegalStateException.class, () -> tape.backward(y));
        }
        Tensors.assertClose(manager.full(new Shape(3), 6f), x.getGradient(), 0);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector(); TrainingAttention tape = TrainingAttention.open()) {
            NDArray data = manager.randomNormal(new Shape(3));
            NDArray y = TrainingAttention.cut(data).mul(x).sum();
            assertEquals(1, tape.size());
            tape.backward(y); // nothing to propagate into data, and no error
        }
    }

    @Test
    void freeingAsWalkedNeedsCutsAndSaysSoWhenTheyAreMissing() {
        NDArray x = manager.randomNormal(new Shape(2, 5, 40));
        x.setRequiresGradient(true);
        // y is read by the attention and by the loss without a cut: its exp node is reached by two backward calls
        try (GradientCollector gc = Engine.getInstance().newGradientCollector(); TrainingAttention tape = TrainingAttention.open(true)) {
            NDArray y = x.exp(); // keeps its output for the backward pass
            NDArray out = TrainingAttention.attend(y, y.concat(y, 2), null, 10, null);
            NDArray loss = out.sum().add(y.sum());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> tape.backward(loss));
            assertTrue(e.getMessage().contains("TrainingAttention.cut"), e.getMessage());
        }
        JniUtils.zeroGrad((PtNDArray) x);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector(); TrainingAttention tape = TrainingAttention.open(true)) {
            NDArray y = TrainingAttention.cut(x.exp()); // the cut where y is made: each part walked once
            NDArray out = TrainingAttention.attend(y, y.concat(y, 2), null, 10, null);
            tape.backward(out.sum().add(y.sum()));
        }
        NDArray freed = x.getGradient().duplicate();
        JniUtils.zeroGrad((PtNDArray) x);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector(); TrainingAttention tape = TrainingAttention.open(false)) {
            NDArray y = x.exp();
            NDArray out = TrainingAttention.attend(y, y.concat(y, 2), null, 10, null);
            tape.backward(out.sum().add(y.sum()));
        }
        Tensors.assertClose(x.getGradient(), freed, 1e-5);
    }

    private record Run(List<NDArray> arrays, int tapeSize) {
    }

    /** Output, then the gradients of sum(out * w) with respect to target, source and every parameter. */
    private Run run(CrossmodalAttention ca, NDArray target, NDArray source, NDArray mask, String training, String attention) {
        System.setProperty(TrainingAttention.PROPERTY, training);
        System.setProperty(FusedAttention.PROPERTY, attention);
        List<NDArray> out = new ArrayList<>();
        NDArray t = target.duplicate();
        NDArray s = source.duplicate();
        t.setRequiresGradient(true);
        s.setRequiresGradient(true);
        ca.getParameters().values().forEach(p -> {
            p.getArray().setRequiresGradient(true);
            JniUtils.zeroGrad((PtNDArray) p.getArray()); // gradients accumulate across runs
        });
        int size;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector(); TrainingAttention tape = TrainingAttention.open()) {
            NDArray y = ca.attend(new ParameterStore(manager, false), t, s, mask, true);
            out.add(y.duplicate());
            NDArray w = manager.arange((float) y.size()).reshape(y.getShape()).mul(0.37f).sin();
            size = tape.size();
            tape.backward(y.mul(w).sum());
        }
        out.add(t.getGradient().duplicate());
        out.add(s.getGradient().duplicate());
        ca.getParameters().values().forEach(p -> out.add(p.getArray().getGradient().duplicate()));
        System.clearProperty(FusedAttention.PROPERTY);
        return new Run(out, size);
    }
}
