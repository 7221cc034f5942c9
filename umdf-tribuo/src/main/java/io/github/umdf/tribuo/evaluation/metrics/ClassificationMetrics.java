package io.github.umdf.tribuo.evaluation.metrics;

import java.util.TreeMap;

/**
 * Accuracy and weighted F1 over integer class labels, with scikit-learn's semantics
 * ({@code accuracy_score}, {@code f1_score(average='weighted')}).
 *
 * <p>Weighted F1, exactly as scikit-learn computes it:
 * <ul>
 *   <li>the classes are the union of the labels present in the truths <em>or</em> the
 *       predictions ({@code unique_labels(y_true, y_pred)});</li>
 *   <li>per class c, with true positives tp, false positives fp and false negatives fn,
 *       {@code F1_c = 2 tp / (2 tp + fp + fn)}, which equals {@code 2 P R / (P + R)}; a class
 *       with {@code tp = 0} scores 0: precision or recall is 0 or undefined, and undefined is
 *       taken as 0 ({@code zero_division=0}; scikit-learn's default {@code "warn"} gives the
 *       same number plus a warning);</li>
 *   <li>the result is {@code sum_c support_c * F1_c / n}, with {@code support_c} the number of
 *       truths of class c: a class that occurs only among the predictions weighs 0, while the
 *       samples wrongly given it still count as false negatives of their true class.</li>
 * </ul>
 */
public final class ClassificationMetrics {

    private ClassificationMetrics() {
    }

    /** Fraction of samples whose prediction equals the truth ({@code accuracy_score}). */
    public static double accuracy(int[] truths, int[] predictions) {
        MetricArguments.checkClassification(truths, predictions);
        int correct = 0;
        for (int i = 0; i < truths.length; i++) {
            if (truths[i] == predictions[i]) {
                correct++;
            }
        }
        return (double) correct / truths.length;
    }

    /** Accuracy of a binary decision; {@code true} is the positive class. */
    public static double accuracy(boolean[] truths, boolean[] predictions) {
        return accuracy(toInts(truths), toInts(predictions));
    }

    /**
     * Support-weighted mean of the per-class F1 scores over the classes present in the truths or
     * the predictions ({@code f1_score(y_true, y_pred, average='weighted')}, zero_division = 0).
     */
    public static double weightedF1(int[] truths, int[] predictions) {
        MetricArguments.checkClassification(truths, predictions);
        // per class: {support (= tp + fn), tp, fp}
        TreeMap<Integer, long[]> counts = new TreeMap<>();
        for (int i = 0; i < truths.length; i++) {
            long[] t = counts.computeIfAbsent(truths[i], k -> new long[3]);
            long[] p = counts.computeIfAbsent(predictions[i], k -> new long[3]);
            t[0]++;
            if (truths[i] == predictions[i]) {
                t[1]++;
            } else {
                p[2]++;
            }
        }
        double weighted = 0.0;
        for (long[] c : counts.values()) {
            long support = c[0];
            long tp = c[1];
            long fn = support - tp;
            long fp = c[2];
            double f1 = tp == 0 ? 0.0 : 2.0 * tp / (2.0 * tp + fp + fn);
            weighted += support * f1;
        }
        return weighted / truths.length;
    }

    /** Weighted F1 of a binary decision over the classes {false, true}. */
    public static double weightedF1(boolean[] truths, boolean[] predictions) {
        return weightedF1(toInts(truths), toInts(predictions));
    }

    /**
     * The class of each row of scores: the index of the row's maximum, the first one on ties
     * (as {@code numpy.argmax}).
     *
     * @throws IllegalArgumentException for an empty or ragged matrix or a NaN score
     */
    public static int[] argmax(double[][] scores) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("expected at least one row of scores, got "
                    + (scores == null ? "null" : "0"));
        }
        int k = scores[0].length;
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            if (scores[i].length != k || k == 0) {
                throw new IllegalArgumentException("expected " + k + " scores per row (one per class), got "
                        + scores[i].length + " in row " + i);
            }
            MetricArguments.checkFinite("scores[" + i + "]", scores[i]);
            int best = 0;
            for (int j = 1; j < k; j++) {
                if (scores[i][j] > scores[i][best]) {
                    best = j;
                }
            }
            out[i] = best;
        }
        return out;
    }

    static int[] toInts(boolean[] values) {
        if (values == null) {
            return null;
        }
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] ? 1 : 0;
        }
        return out;
    }
}
