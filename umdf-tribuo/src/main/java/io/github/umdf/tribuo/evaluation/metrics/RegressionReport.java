package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.nn.data.Task;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The eight regression metrics of one evaluation (MMSA conventions, see {@link RegressionMetrics}), as
 * fractions, one per {@link Metric} of {@link Task#REGRESSION}; {@link #toMap()} gives them under their
 * {@code RESULTS.json} keys, in the order of {@link Metric}.
 *
 * @param values every regression metric's value: MAE (unclipped), Pearson correlation (NaN when a
 *               vector is constant), Acc-7, Acc-5, Acc-2 and weighted F1 over all samples (Has0), Acc-2
 *               and weighted F1 with zero truths dropped (Non0, the paper's "F1"; NaN when every truth
 *               is zero)
 */
public record RegressionReport(Map<Metric, Double> values) {

    /** Checks that there is a value for exactly the regression metrics, and freezes a copy. */
    public RegressionReport {
        values = Reports.freeze(Task.REGRESSION, values);
    }

    /** Computes every regression metric of one evaluation. */
    public static RegressionReport of(double[] truths, double[] predictions) {
        MetricArguments.checkRegression(truths, predictions);
        EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric m : Metric.of(Task.REGRESSION)) {
            values.put(m, m.compute(truths, predictions));
        }
        return new RegressionReport(values);
    }

    /**
     * The value of a metric.
     *
     * @throws IllegalArgumentException for a metric of another task
     */
    public double get(Metric metric) {
        return Reports.get(values, metric);
    }

    /** Mean absolute error, unclipped. */
    public double mae() {
        return get(Metric.MAE);
    }

    /** Pearson correlation; NaN when a vector is constant. */
    public double corr() {
        return get(Metric.CORR);
    }

    /** Seven-class accuracy. */
    public double acc7() {
        return get(Metric.ACC7);
    }

    /** Five-class accuracy. */
    public double acc5() {
        return get(Metric.ACC5);
    }

    /** Binary accuracy, negative vs non-negative, all samples. */
    public double acc2Has0() {
        return get(Metric.ACC2_HAS0);
    }

    /** Weighted F1, negative vs non-negative, all samples. */
    public double f1Has0() {
        return get(Metric.F1_HAS0);
    }

    /** Binary accuracy, zero truths dropped; NaN when every truth is zero. */
    public double acc2Non0() {
        return get(Metric.ACC2_NON0);
    }

    /** Weighted F1, zero truths dropped (the paper's "F1"); NaN when every truth is zero. */
    public double f1Non0() {
        return get(Metric.F1_NON0);
    }

    /** The metrics under their {@link Metric#key()}, in the order of {@link Metric#of(Task)}. */
    public LinkedHashMap<String, Double> toMap() {
        return Reports.toMap(values, null);
    }
}
