package io.github.umdf.nn.data;

/**
 * The functions of network logits in plain Java, in double precision: the one softmax and the one
 * sigmoid of the project outside DJL (evaluation, Tribuo predictions, validation scores), and the
 * stable cross-entropies the plain-Java validation loss is made of.
 *
 * <p>Stability conventions:
 * <ul>
 *   <li>softmax {@code p_k = e^(z_k - m) / sum_j e^(z_j - m)} with {@code m = max_j z_j}: no
 *       exponent is positive, so nothing overflows, and the largest term is exactly 1;</li>
 *   <li>sigmoid {@code s(z) = 1 / (1 + e^(-z))} (the formula of {@code torch.sigmoid}); where
 *       {@code e^(-z)} overflows (z below about -709.78) the result is {@code e^z}, which is what
 *       {@code e^z / (1 + e^z)} rounds to there, so the far negative tail keeps its tiny values
 *       instead of rounding them to 0;</li>
 *   <li>log-sum-exp {@code m + log(sum_j e^(z_j - m))}; binary cross-entropy with logits in the form
 *       {@code max(z, 0) - z y + log(1 + e^(-|z|))}, as PyTorch's
 *       {@code binary_cross_entropy_with_logits}.</li>
 * </ul>
 */
public final class Logits {

    private Logits() {
    }

    /**
     * The logistic function {@code 1 / (1 + e^(-z))}, finite and accurate for every finite z:
     * {@code sigmoid(0) = 0.5}, 1 for large z, {@code e^z} (down to 0) for large negative z.
     */
    public static double sigmoid(double z) {
        double e = Math.exp(-z);
        return e == Double.POSITIVE_INFINITY ? Math.exp(z) : 1.0 / (1.0 + e);
    }

    /**
     * Softmax over logits, after subtracting the maximum ({@code softmax([0, ln 3]) = [0.25, 0.75]}).
     *
     * @throws IllegalArgumentException for no logits
     */
    public static double[] softmax(float[] logits) {
        double max = max(logits);
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /**
     * {@code log(sum_k e^(z_k))}, computed as {@code m + log(sum_k e^(z_k - m))} with the maximum m.
     *
     * @throws IllegalArgumentException for no logits
     */
    public static double logSumExp(float[] logits) {
        double max = max(logits);
        double sum = 0;
        for (float z : logits) {
            sum += Math.exp(z - max);
        }
        return max + Math.log(sum);
    }

    /**
     * The cross-entropy of a class under softmax logits, {@code -log softmax(z)_y = logsumexp(z) - z_y}.
     *
     * @throws IllegalArgumentException for a class index outside the logits
     */
    public static double crossEntropy(float[] logits, int target) {
        if (target < 0 || target >= logits.length) {
            throw new IllegalArgumentException("expected a class index in [0, " + logits.length + "), got " + target);
        }
        return logSumExp(logits) - logits[target];
    }

    /**
     * The binary cross-entropy of a 0/1 target under a logit, {@code -y log s(z) - (1 - y) log(1 - s(z))},
     * in the stable form {@code max(z, 0) - z y + log(1 + e^(-|z|))}.
     */
    public static double binaryCrossEntropy(double logit, double target) {
        return Math.max(logit, 0) - logit * target + Math.log1p(Math.exp(-Math.abs(logit)));
    }

    /**
     * The index of the largest value, the first one on ties (as {@code numpy.argmax}).
     *
     * @throws IllegalArgumentException for no values
     */
    public static int argmax(float[] values) {
        requireSome(values.length);
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    /**
     * The index of the largest value, the first one on ties (as {@code numpy.argmax}).
     *
     * @throws IllegalArgumentException for no values
     */
    public static int argmax(double[] values) {
        requireSome(values.length);
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double max(float[] logits) {
        requireSome(logits.length);
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        return max;
    }

    private static void requireSome(int length) {
        if (length == 0) {
            throw new IllegalArgumentException("expected at least one logit, got none");
        }
    }
}
