package io.github.umdf.nn.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JensenShannonTest {
    private static double js(double[] p, double[] q) {
        double s = 0;
        for (int i = 0; i < p.length; i++) {
            double mi = (p[i] + q[i]) / 2;
            s += 0.5 * (p[i] * Math.log(p[i] / mi) + q[i] * Math.log(q[i] / mi));
        }
        return s;
    }

    @Test
    void softmaxJsIsSymmetricZeroForEqualAndMatchesHandValue() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            // logits [0, 0] -> p = (0.5, 0.5); logits [ln 9, 0] -> q = (0.9, 0.1)
            NDArray a = m.create(new float[] {0, 0}, new Shape(1, 2));
            NDArray b = m.create(new float[] {(float) Math.log(9), 0}, new Shape(1, 2));
            double expected = js(new double[] {0.5, 0.5}, new double[] {0.9, 0.1});
            assertEquals(expected, JensenShannon.softmaxLogits(a, b).getFloat(), 1e-6);
            assertEquals(JensenShannon.softmaxLogits(a, b).getFloat(), JensenShannon.softmaxLogits(b, a).getFloat(), 1e-7);
            assertEquals(0.0, JensenShannon.softmaxLogits(b, b).getFloat(), 1e-7);
            // by hand: M = (0.7, 0.3); KL(p||M) = 0.08718, KL(q||M) = 0.11632; JS = 0.10175
            assertEquals(0.10175, expected, 1e-5);
        }
    }

    @Test
    void sigmoidJsAveragesTwoWayDistributionsPerLabel() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            // label 0: sigma(0) = 0.5 vs sigma(ln 9) = 0.9; label 1: equal logits
            NDArray a = m.create(new float[] {0, 2}, new Shape(1, 2));
            NDArray b = m.create(new float[] {(float) Math.log(9), 2}, new Shape(1, 2));
            double expected = (js(new double[] {0.5, 0.5}, new double[] {0.9, 0.1}) + 0) / 2;
            assertEquals(expected, JensenShannon.sigmoidLogits(a, b).getFloat(), 1e-6);
            assertEquals(JensenShannon.sigmoidLogits(a, b).getFloat(), JensenShannon.sigmoidLogits(b, a).getFloat(), 1e-7);
        }
    }

    @Test
    void extremeLogitsStayFinite() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {80, -80}, new Shape(1, 2));
            NDArray b = m.create(new float[] {-80, 80}, new Shape(1, 2));
            assertEquals(Math.log(2), JensenShannon.softmaxLogits(a, b).getFloat(), 1e-5);
            assertEquals(Math.log(2), JensenShannon.sigmoidLogits(a, b).getFloat(), 1e-5);
        }
    }
}
