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
    void unknownSettingIsRefused() {
        System.setProperty(FusedAttention.PROPERTY, "flash");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, FusedAttention::enabled);
        assertTrue(e.getMessage().contains("umdf.attention"), e.getMessage());
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
