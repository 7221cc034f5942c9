package io.github.umdf.tribuo.evaluation.metrics;

/**
 * Regression metrics of multimodal sentiment analysis (MOSI, MOSEI: sentiment in [-3, 3]),
 * following MMSA's {@code MetricsTop.__eval_mosi_regression} (thuiar/MMSA) and SPEC section 4.
 *
 * <ul>
 *   <li>MAE on the unclipped values;</li>
 *   <li>Pearson correlation ({@code numpy.corrcoef}); when either vector is constant (all
 *       elements exactly equal, including a single sample) the correlation is undefined and
 *       the result is {@code NaN}, never an exception;</li>
 *   <li>Acc-7 / Acc-5: truths and predictions clipped to [-3, 3] / [-2, 2], rounded half to
 *       even ({@link Math#rint}, as {@code numpy.round}), then the fraction of equal classes;</li>
 *   <li>Acc-2 and weighted F1, <b>Has0</b>: all samples, negative = value {@code < 0},
 *       non-negative = value {@code >= 0}, for truths and predictions alike;</li>
 *   <li>Acc-2 and weighted F1, <b>Non0</b>: samples whose <em>truth</em> is exactly 0 are
 *       dropped (the predictions are not filtered), then positive = value {@code > 0} for
 *       truths and predictions alike (MMSA: {@code test_preds[non_zeros] > 0}). When every
 *       truth is 0 nothing is left to score and both Non0 metrics are {@code NaN}: a
 *       condition without non-zero labels has no Non0 metric (scikit-learn would fail on
 *       the empty input).</li>
 * </ul>
 * The paper's "F1" is {@link #f1Non0(double[], double[])}; weighted F1 as in
 * {@link ClassificationMetrics#weightedF1(boolean[], boolean[])}.
 */
public final class RegressionMetrics {

    private RegressionMetrics() {
    }

    /** Mean absolute error on the unclipped values. */
    public static double mae(double[] truths, double[] predictions) {
        MetricArguments.checkRegression(truths, predictions);
        double sum = 0.0;
        for (int i = 0; i < truths.length; i++) {
            sum += Math.abs(predictions[i] - truths[i]);
        }
        return sum / truths.length;
    }

    /**
     * Pearson's correlation coefficient, clipped to [-1, 1] as {@code numpy.corrcoef} does;
     * {@code NaN} when either vector is constant (its variance is zero and r is undefined).
     */
    public static double pearson(double[] truths, double[] predictions) {
        MetricArguments.checkRegression(truths, predictions);
        if (isConstant(truths) || isConstant(predictions)) {
            return Double.NaN;
        }
        int n = truths.length;
        double meanT = 0.0;
        double meanP = 0.0;
        for (int i = 0; i < n; i++) {
            meanT += truths[i];
            meanP += predictions[i];
        }
        meanT /= n;
        meanP /= n;
        double stp = 0.0;
        double stt = 0.0;
        double spp = 0.0;
        for (int i = 0; i < n; i++) {
            double dt = truths[i] - meanT;
            double dp = predictions[i] - meanP;
            stp += dt * dp;
            stt += dt * dt;
            spp += dp * dp;
        }
        double r = stp / Math.sqrt(stt) / Math.sqrt(spp);
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /** Seven-class accuracy: clip to [-3, 3], round half to even, compare. */
    public static double acc7(double[] truths, double[] predictions) {
        return clippedRoundedAccuracy(truths, predictions, 3.0);
    }

    /** Five-class accuracy: clip to [-2, 2], round half to even, compare. */
    public static double acc5(double[] truths, double[] predictions) {
        return clippedRoundedAccuracy(truths, predictions, 2.0);
    }

    /**
     * Accuracy of the integer classes obtained by clipping truths and predictions to
     * [-bound, bound] and rounding half to even.
     */
    public static double clippedRoundedAccuracy(double[] truths, double[] predictions, double bound) {
        MetricArguments.checkRegression(truths, predictions);
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("expected a finite positive clipping bound, got " + bound);
        }
        int correct = 0;
        for (int i = 0; i < truths.length; i++) {
            if (clipRound(truths[i], bound) == clipRound(predictions[i], bound)) {
                correct++;
            }
        }
        return (double) correct / truths.length;
    }

    /** Binary accuracy, Has0: all samples, non-negative ({@code >= 0}) versus negative. */
    public static double acc2Has0(double[] truths, double[] predictions) {
        MetricArguments.checkRegression(truths, predictions);
        return ClassificationMetrics.accuracy(nonNegative(truths), nonNegative(predictions));
    }

    /** Weighted F1, Has0: all samples, non-negative ({@code >= 0}) versus negative. */
    public static double f1Has0(double[] truths, double[] predictions) {
        MetricArguments.checkRegression(truths, predictions);
        return ClassificationMetrics.weightedF1(nonNegative(truths), nonNegative(predictions));
    }

    /**
     * Binary accuracy, Non0: samples with a zero truth dropped, positive ({@code > 0}) versus
     * not; {@code NaN} when every truth is zero.
     */
    public static double acc2Non0(double[] truths, double[] predictions) {
        MetricArguments.checkRegression(truths, predictions);
        boolean[][] kept = positiveWhereTruthNonZero(truths, predictions);
        return kept == null ? Double.NaN : ClassificationMetrics.accuracy(kept[0], kept[1]);
    }

    /**
     * Weighted F1, Non0 (the paper's "F1"): samples with a zero truth dropped, positive
     * ({@code > 0}) versus not; {@code NaN} when every truth is zero.
     */
    public static double f1Non0(double[] truths, double[] predictions) {
        MetricArguments.checkRegression(truths, predictions);
        boolean[][] kept = positiveWhereTruthNonZero(truths, predictions);
        return kept == null ? Double.NaN : ClassificationMetrics.weightedF1(kept[0], kept[1]);
    }

    private static double clipRound(double value, double bound) {
        return Math.rint(Math.max(-bound, Math.min(bound, value)));
    }

    private static boolean isConstant(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] nonNegative(double[] values) {
        boolean[] out = new boolean[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] >= 0;
        }
        return out;
    }

    /** {truths > 0, predictions > 0} over the samples whose truth is not 0; null when none is left. */
    private static boolean[][] positiveWhereTruthNonZero(double[] truths, double[] predictions) {
        int kept = 0;
        for (double t : truths) {
            if (t != 0) {
                kept++;
            }
        }
        if (kept == 0) {
            return null;
        }
        boolean[] t = new boolean[kept];
        boolean[] p = new boolean[kept];
        int j = 0;
        for (int i = 0; i < truths.length; i++) {
            if (truths[i] != 0) {
                t[j] = truths[i] > 0;
                p[j] = predictions[i] > 0;
                j++;
            }
        }
        return new boolean[][] {t, p};
    }
}
