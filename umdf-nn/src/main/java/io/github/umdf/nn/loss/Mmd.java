package io.github.umdf.nn.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import io.github.umdf.nn.ops.Scalars;

/**
 * Squared Maximum Mean Discrepancy with a multi-kernel Gaussian RBF kernel: the feature
 * distillation loss {@code L_fea = MMD²({h_a}, {h_b})} over a mini-batch (paper eqs. (1)-(3);
 * Gretton et al. 2012).
 *
 * <p>Kernel (SPEC D5, DAN of Long et al. 2015): {@code k(x, y) = Σ_{i=0}^{K-1} exp(−||x − y||² / β_i)}
 * with {@code β_i = β̄ · m^{i − ⌊K/2⌋}}, {@code β̄} the mean squared distance over all ordered pairs of
 * distinct points of the pooled sample {@code {a} ∪ {b}} (treated as a constant: no gradient flows
 * through the bandwidth), {@code K} kernels spaced by the multiplier {@code m} (5 and 2 by default).
 * <ul>
 *   <li>biased: {@code mean K_aa + mean K_bb − 2 mean K_ab} over all {@code n²} pairs;</li>
 *   <li>unbiased: {@code (Σ_{i≠j} K_aa + Σ_{i≠j} K_bb − Σ_{i≠j} K_ab − Σ_{i≠j} K_ba) / (n (n − 1))}.</li>
 * </ul>
 */
public final class Mmd {
    private Mmd() {
    }

    /**
     * MMD² between the rows of {@code a} and {@code b}, both {@code (n, D)}.
     *
     * @param kernels    number of RBF kernels {@code K}
     * @param multiplier bandwidth spacing {@code m}
     * @param estimator  biased or unbiased
     * @return a scalar
     */
    public static NDArray mmd2(NDArray a, NDArray b, int kernels, float multiplier, MmdEstimator estimator) {
        if (!a.getShape().equals(b.getShape()) || a.getShape().dimension() != 2) {
            throw new IllegalArgumentException("Expected two (n, D) arrays of equal shape, got " + a.getShape() + " and " + b.getShape());
        }
        long n = a.getShape().get(0);
        if (n < 2) {
            throw new IllegalArgumentException("MMD needs at least 2 samples per set, got " + n);
        }
        NDArray total = NDArrays.concat(new NDList(a, b), 0); // (2n, D)
        NDArray sq = total.square().sum(new int[] {1}, true); // (2n, 1)
        NDArray dist = Scalars.maximum(sq.add(sq.transpose()).sub(Scalars.mul(total.matMul(total.transpose()), 2f)), 0f); // (2n, 2n)
        long m = 2 * n;
        float meanDist = dist.stopGradient().sum().getFloat() / (m * m - m);
        float base = Math.max(meanDist, 1e-12f) / (float) Math.pow(multiplier, kernels / 2);
        NDArray k = null;
        for (int i = 0; i < kernels; i++) {
            NDArray ki = Scalars.div(dist, -base * (float) Math.pow(multiplier, i)).exp();
            k = k == null ? ki : k.add(ki);
        }
        NDArray kaa = k.get("0:{}, 0:{}", n, n);
        NDArray kbb = k.get("{}:, {}:", n, n);
        NDArray kab = k.get("0:{}, {}:", n, n);
        NDArray kba = k.get("{}:, 0:{}", n, n);
        if (estimator == MmdEstimator.BIASED) {
            return kaa.mean().add(kbb.mean()).sub(kab.mean()).sub(kba.mean());
        }
        NDArray offDiagonal = a.getManager().eye((int) n).neg().add(1f);
        float pairs = n * (n - 1);
        return kaa.mul(offDiagonal).sum().add(kbb.mul(offDiagonal).sum())
                .sub(kab.mul(offDiagonal).sum()).sub(kba.mul(offDiagonal).sum()).div(Scalars.of(a, pairs));
    }
}
