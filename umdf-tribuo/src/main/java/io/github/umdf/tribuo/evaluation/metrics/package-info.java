/**
 * Evaluation metrics as small pure functions, in the style of torchmetrics: arrays in, a number
 * out, no state, exact argument checks with messages that name what was expected and what was
 * found.
 *
 * <p>Every function takes {@code (truths, predictions)} in this order, as scikit-learn's
 * {@code (y_true, y_pred)}. Inputs must be non-empty, of equal length and finite: a NaN or an
 * infinity is rejected with its index ({@code "predictions[3] is NaN; expected finite values"}),
 * because a silently propagated NaN would turn a whole results table into NaN without saying
 * where it came from. Results are fractions in [0, 1] (not percentages); the tables of the
 * command line scale them for display.
 *
 * <p>Conventions, with their references:
 * <ul>
 *   <li>regression (MOSI, MOSEI): MMSA's {@code MetricsTop.__eval_mosi_regression}, see
 *       {@link io.github.umdf.tribuo.evaluation.metrics.RegressionMetrics};</li>
 *   <li>weighted F1: scikit-learn's {@code f1_score(average='weighted')}, see
 *       {@link io.github.umdf.tribuo.evaluation.metrics.ClassificationMetrics#weightedF1(int[], int[])};</li>
 *   <li>multi-label emotions (IEMOCAP): MulT's {@code eval_iemocap}, see
 *       {@link io.github.umdf.tribuo.evaluation.metrics.MultiLabelMetrics}.</li>
 * </ul>
 * An independent Python/numpy implementation of the same conventions lives in
 * {@code src/test/python/metrics_reference.py}; a test asserts agreement to 1e-9 on random cases.
 */
package io.github.umdf.tribuo.evaluation.metrics;
