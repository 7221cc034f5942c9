package io.github.umdf.nn.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TaskLossTest {
    @Test
    void regressionLosses() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray pred = m.create(new float[] {1, -1, 2}, new Shape(3, 1));
            NDArray y = m.create(new float[] {0, 1, 2}, new Shape(3, 1));
            assertEquals((1 + 4 + 0) / 3.0, TaskLoss.task(Task.REGRESSION, RegressionLoss.MSE, pred, y).getFloat(), 1e-6);
            assertEquals((1 + 2 + 0) / 3.0, TaskLoss.task(Task.REGRESSION, RegressionLoss.L1, pred, y).getFloat(), 1e-6);
            NDArray other = m.create(new float[] {0, 0, 0}, new Shape(3, 1));
            assertEquals((1 + 1 + 4) / 3.0, TaskLoss.logitsDiscrepancy(Task.REGRESSION, pred, other).getFloat(), 1e-6);
        }
    }

    @Test
    void crossEntropies() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {0, (float) Math.log(3), 0, 0}, new Shape(2, 2));
            NDArray classes = m.create(new float[] {1, 0}, new Shape(2, 1));
            // row 0: p(class 1) = 3/4; row 1: p(class 0) = 1/2
            double ce = -(Math.log(0.75) + Math.log(0.5)) / 2;
            assertEquals(ce, TaskLoss.task(Task.SINGLE_LABEL, RegressionLoss.MSE, logits, classes).getFloat(), 1e-6);

            NDArray z = m.create(new float[] {0, 2}, new Shape(1, 2));
            NDArray present = m.create(new float[] {1, 0}, new Shape(1, 2));
            // label 0: -log sigma(0) = ln 2; label 1: -log(1 - sigma(2)) = ln(1 + e^2)
            double bce = (Math.log(2) + Math.log(1 + Math.exp(2))) / 2;
            assertEquals(bce, TaskLoss.task(Task.MULTI_LABEL, RegressionLoss.MSE, z, present).getFloat(), 1e-6);
        }
    }
}
