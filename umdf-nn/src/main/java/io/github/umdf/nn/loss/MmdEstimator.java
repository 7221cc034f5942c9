package io.github.umdf.nn.loss;

/** Which MMD² estimator the feature distillation uses (SPEC D5). */
public enum MmdEstimator {
    /**
     * The biased V-statistic of paper eq. (2), {@code ||mean φ(a) − mean φ(b)||²}: all pairs
     * including {@code i = j}; never negative; the default.
     */
    BIASED,
    /** Gretton et al.'s unbiased U-statistic: pairs with {@code i = j} left out; may be slightly negative. */
    UNBIASED
}
