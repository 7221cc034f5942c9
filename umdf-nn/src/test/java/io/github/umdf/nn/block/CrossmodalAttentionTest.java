package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class CrossmodalAttentionTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        Tensors.engine(1);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    /** d = 2, one head, W_Q = W_K = W_V = W_O = identity, no bias. */
    private CrossmodalAttention identityAttention() {
        CrossmodalAttention ca = new CrossmodalAttention(2, 1, 0f);
        ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 2), new Shape(1, 1, 2));
        Tensors.setParameter(ca, "query_weight", 1, 0, 0, 1);
        Tensors.setParameter(ca, "query_bias", 0, 0);
        // keyValue weight is (2d, d): rows 0-1 = W_K, rows 2-3 = W_V
        Tensors.setParameter(ca, "keyValue_weight", 1, 0, 0, 1, 1, 0, 0, 1);
        Tensors.setParameter(ca, "keyValue_bias", 0, 0, 0, 0);
        Tensors.setParameter(ca, "output_weight", 1, 0, 0, 1);
        Tensors.setParameter(ca, "output_bias", 0, 0);
        return ca;
    }

    @Test
    void twoFrameSourceMatchesHandComputation() {
        CrossmodalAttention ca = identityAttention();
        NDArray target = manager.create(new float[] {1, 0}, new Shape(1, 1, 2));
        NDArray source = manager.create(new float[] {1, 0, 0, 1}, new Shape(1, 2, 2));
        NDArray out = ca.attend(new ParameterStore(manager, false), target, source, null, false);
        // scores = [1, 0] / sqrt(2); softmax = [e^s/(e^s+1), 1/(e^s+1)] with s = 0.70711
        double s = 1 / Math.sqrt(2);
        double w0 = Math.exp(s) / (Math.exp(s) + 1);
        Tensors.assertValues(new float[] {(float) w0, (float) (1 - w0)}, out, 1e-6);
        assertEquals(0.66976, w0, 1e-5);
    }

    @Test
    void maskedKeyIsIgnoredAndFullyMaskedRowIsZero() {
        CrossmodalAttention ca = identityAttention();
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray target = manager.create(new float[] {1, 0, 1, 0}, new Shape(2, 1, 2));
        NDArray source = manager.create(new float[] {1, 0, 0, 1, 1, 0, 0, 1}, new Shape(2, 2, 2));
        NDArray mask = manager.create(new float[] {1, 0, 0, 0}, new Shape(2, 2));
        NDArray out = ca.attend(ps, target, source, mask, false);
        // row 0 sees only the first key: output = that key's value [1, 0]; row 1 sees none: zeros
        Tensors.assertValues(new float[] {1, 0, 0, 0}, out, 1e-6);
        assertFalse(Float.isNaN(out.sum().getFloat()));
    }

    @Test
    void multiHeadShapes() {
        CrossmodalAttention ca = new CrossmodalAttention(40, 10, 0.1f);
        ca.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 40), new Shape(1, 1, 40));
        NDArray target = manager.randomNormal(new Shape(3, 5, 40));
        NDArray source = manager.randomNormal(new Shape(3, 7, 40));
        NDArray out = ca.attend(new ParameterStore(manager, false), target, source, null, true);
        assertEquals(new Shape(3, 5, 40), out.getShape());
    }
}
