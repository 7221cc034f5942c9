package io.github.umdf.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;

class MasksTest {
    @Test
    void lastValidStepRespectsPaddingSide() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            // end padding, start padding, no padding, all padding
            NDArray valid = m.create(new float[] {
                    1, 1, 0, 0,
                    0, 0, 1, 1,
                    1, 1, 1, 1,
                    0, 0, 0, 0}, new Shape(4, 4));
            Tensors.assertValues(new float[] {
                    0, 1, 0, 0,
                    0, 0, 0, 1,
                    0, 0, 0, 1,
                    0, 0, 0, 1}, Masks.lastValidOneHot(valid), 0);
        }
    }

    @Test
    void maskedSoftmaxGivesZeroRowsInsteadOfNaN() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray scores = m.create(new float[] {1, 2, 3, 1, 2, 3}, new Shape(2, 3));
            NDArray mask = m.create(new float[] {1, 0, 1, 0, 0, 0}, new Shape(2, 3));
            double e1 = Math.exp(1);
            double e3 = Math.exp(3);
            Tensors.assertValues(new float[] {(float) (e1 / (e1 + e3)), 0, (float) (e3 / (e1 + e3)), 0, 0, 0},
                    Masks.maskedSoftmax(scores, mask), 1e-6);
        }
    }

    @Test
    void selectStepPicksOneFramePerRow() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.arange(12f).reshape(2, 3, 2);
            NDArray onehot = m.create(new float[] {0, 1, 0, 0, 0, 1}, new Shape(2, 3));
            Tensors.assertValues(new float[] {2, 3, 10, 11}, Masks.selectStep(x, onehot), 0);
        }
    }
}
