package io.github.umdf.tribuo.evaluation.metrics;

/** Argument checks shared by the metric functions; every message names what was expected and what was found. */
final class MetricArguments {

    private MetricArguments() {
    }

    /** Checks equal, non-zero lengths and finite values of a regression pair. */
    static void checkRegression(double[] truths, double[] predictions) {
        checkLengths(truths == null ? -1 : truths.length, predictions == null ? -1 : predictions.length);
        checkFinite("truths", truths);
        checkFinite("predictions", predictions);
    }

    /** Checks equal, non-zero lengths of a classification pair. */
    static void checkClassification(int[] truths, int[] predictions) {
        checkLengths(truths == null ? -1 : truths.length, predictions == null ? -1 : predictions.length);
    }

    /** Checks equal, non-zero lengths; a negative length stands for a null array. */
    static void checkLengths(int truths, int predictions) {
        if (truths < 0 || predictions < 0) {
            throw new IllegalArgumentException("expected predictions and truths, got "
                    + (predictions < 0 ? "null" : "an array") + " predictions and "
                    + (truths < 0 ? "null" : "an array") + " truths");
        }
        if (truths != predictions) {
            throw new IllegalArgumentException("expected predictions and truths of equal length, got "
                    + predictions + " and " + truths);
        }
        if (truths == 0) {
            throw new IllegalArgumentException("expected at least one sample, got 0 predictions and 0 truths");
        }
    }

    /** Rejects NaN and infinities, naming the first offending index. */
    static void checkFinite(String name, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i] + "; expected finite values");
            }
        }
    }
}
