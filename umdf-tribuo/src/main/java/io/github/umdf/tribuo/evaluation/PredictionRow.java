package io.github.umdf.tribuo.evaluation;

/**
 * One line of {@code PRED.csv}: a test sample's truth and prediction under one condition.
 * Regression: one truth and one predicted value. Multi-label: per label the truth (0/1) and the
 * predicted probability of presence. Single-label: the true and the predicted class index, and the
 * predicted probability of every class.
 */
public record PredictionRow(String id, String condition, double rate, long seed, double[] truths, double[] predictions) {
}
