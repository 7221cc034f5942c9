package io.github.umdf.nn.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MmdTest {
    /** Direct evaluation of the multi-kernel MMD² formula in doubles. */
    static double reference(double[][] a, double[][] b, int kernels, double mul, boolean unbiased) {
        int n = a.length;
        double[][] all = new double[2 * n][];
        System.arraycopy(a, 0, all, 0, n);
        System.arraycopy(b, 0, all, n, n);
        double sum = 0;
        double[][] d = new double[2 * n][2 * n];
        for (int i = 0; i < 2 * n; i++) {
            for (int j = 0; j < 2 * n; j++) {
                double s = 0;
                for (int k = 0; k < all[i].length; k++) {
                    s += (all[i][k] - all[j][k]) * (all[i][k] - all[j][k]);
                }
                d[i][j] = s;
                sum += s;
            }
        }
        double base = sum / (4.0 * n * n - 2 * n) / Math.pow(mul, kernels / 2);
        double xx = 0;
        double yy = 0;
        double xy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (unbiased && i == j) {
                    continue;
                }
                for (int q = 0; q < kernels; q++) {
                    double bw = base * Math.pow(mul, q);
                    xx += Math.exp(-d[i][j] / bw);
                    yy += Math.exp(-d[n + i][n + j] / bw);
                    xy += Math.exp(-d[i][n + j] / bw) + Math.exp(-d[n + i][j] / bw);
                }
            }
        }
        double pairs = unbiased ? n * (n - 1.0) : n * (double) n;
        return (xx + yy - xy) / pairs;
    }

    private static double[][] random(SplittableRandom r, int n, int dim, double shift) {
        double[][] x = new double[n][dim];
        for (double[] row : x) {
            for (int k = 0; k < dim; k++) {
                row[k] = r.nextDouble() * 2 - 1 + shift;
            }
        }
        return x;
    }

    private static NDArray nd(NDManager m, double[][] x) {
        float[] f = new float[x.length * x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < x[0].length; k++) {
                f[i * x[0].length + k] = (float) x[i][k];
            }
        }
        return m.create(f, new Shape(x.length, x[0].length));
    }

    @Test
    void identicalSetsHaveZeroDiscrepancy() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            double[][] a = random(new SplittableRandom(1), 8, 5, 0);
            assertEquals(0.0, Mmd.mmd2(nd(m, a), nd(m, a), 5, 2f, MmdEstimator.BIASED).getFloat(), 1e-6);
        }
    }

    @Test
    void shiftedSetsArePositiveAndMatchTheFormula() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom r = new SplittableRandom(7);
            double[][] a = random(r, 10, 4, 0);
            double[][] b = random(r, 10, 4, 0.8);
            for (MmdEstimator est : MmdEstimator.values()) {
                double expected = reference(a, b, 5, 2.0, est == MmdEstimator.UNBIASED);
                double actual = Mmd.mmd2(nd(m, a), nd(m, b), 5, 2f, est).getFloat();
                assertTrue(expected > 0.05, "a shift of 0.8 must be visible: " + expected);
                assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), est.name());
            }
        }
    }

    @Test
    void biasedEstimatorIsNonNegativeForSameDistribution() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            SplittableRandom r = new SplittableRandom(11);
            double[][] a = random(r, 16, 3, 0);
            double[][] b = random(r, 16, 3, 0);
            double v = Mmd.mmd2(nd(m, a), nd(m, b), 5, 2f, MmdEstimator.BIASED).getFloat();
            assertTrue(v >= 0, "V-statistic is a squared norm: " + v);
            assertEquals(reference(a, b, 5, 2.0, false), v, 1e-5);
        }
    }

    /**
     * Values worked out by hand, independent of any bandwidth code. Points on a line, {@code a = {0, 1}},
     * {@code b = {0, 3}}: the pooled sample's squared distances over ordered pairs of distinct points sum to
     * 2 (1 + 0 + 9 + 1 + 4 + 9) = 48 over 12 pairs, so the mean bandwidth is 4. One kernel (β = 4):
     * mean K_aa = (1 + e^-1/4) / 2, mean K_bb = (1 + e^-9/4) / 2, mean K_ab = (1 + e^-9/4 + e^-1/4 + e^-1) / 4,
     * so biased MMD² = (1 − e^-1) / 2. Three kernels spaced by 2 (β = 2, 4, 8): the same sums give
     * (3 − e^-2 − e^-1 − e^-1/2) / 2; spaced by 3 (β = 4/3, 4, 12): (3 − e^-3 − e^-1 − e^-1/3) / 2. With
     * {@code b = {2, 3}} (mean bandwidth 10/3, one kernel): the unbiased
     * estimate keeps only the off-diagonal pairs, (2e^-0.3 + 2e^-0.3 − 2e^-2.7 − 2e^-0.3) / 2 = e^-0.3 − e^-2.7,
     * and the biased one is 1 + e^-0.3 / 2 − e^-1.2 − e^-2.7 / 2.
     */
    @Test
    void handComputedValues() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {0f, 1f}, new Shape(2, 1));
            NDArray b = m.create(new float[] {0f, 3f}, new Shape(2, 1));
            NDArray c = m.create(new float[] {2f, 3f}, new Shape(2, 1));
            assertEquals((1 - Math.exp(-1)) / 2, Mmd.mmd2(a, b, 1, 2f, MmdEstimator.BIASED).getFloat(), 1e-6);
            assertEquals((3 - Math.exp(-2) - Math.exp(-1) - Math.exp(-0.5)) / 2, Mmd.mmd2(a, b, 3, 2f, MmdEstimator.BIASED).getFloat(), 1e-6);
            assertEquals((3 - Math.exp(-3) - Math.exp(-1) - Math.exp(-1.0 / 3)) / 2, Mmd.mmd2(a, b, 3, 3f, MmdEstimator.BIASED).getFloat(), 1e-6);
            assertEquals(Math.exp(-0.3) - Math.exp(-2.7), Mmd.mmd2(a, c, 1, 2f, MmdEstimator.UNBIASED).getFloat(), 1e-6);
            assertEquals(1 + Math.exp(-0.3) / 2 - Math.exp(-1.2) - Math.exp(-2.7) / 2, Mmd.mmd2(a, c, 1, 2f, MmdEstimator.BIASED).getFloat(),
                    1e-6);
        }
    }
}
