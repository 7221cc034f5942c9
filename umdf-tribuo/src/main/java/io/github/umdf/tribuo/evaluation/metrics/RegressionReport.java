package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.tribuo.evaluation.metrics.MetricArguments;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The eight regression metrics of one evaluation (MMSA conventions, see {@link RegressionMetrics}),
 * as fractions; {@link #toMap()} gives them under the {@code RESULTS.json} keys {@link #KEYS}.
 *
 * @param mae       mean absolute error, unclipped
 * @param corr      Pearson correlation; NaN when a vector is constant
 * @param acc7      seven-class accuracy
 * @param acc5      five-class accuracy
 * @param acc2Has0  binary accuracy, negative vs non-negative, all samples
 * @param f1Has0    weighted F1, negative vs non-negative, all samples
 * @param acc2Non0  binary accuracy, zero truths dropped; NaN when every truth is zero
 * @param f1Non0    weighted F1, zero truths dropped (the paper's "F1"); NaN when every truth is zero
 */
public record RegressionReport(double mae, double corr, double acc7, double acc5,
                               double acc2Has0, double f1Has0, double acc2Non0, double f1Non0) {

    /** The keys of {@link #toMap()}, in order. */
    public static final List<String> KEYS =
            List.of("mae", "corr", "acc7", "acc5", "acc2_has0", "f1_has0", "acc2_non0", "f1_non0");

    /** Computes every metric of one evaluation. */
    public static RegressionReport of(double[] truths, double[] predictions) {
        MetricArguments.checkRegression(truths, predictions);
        return new RegressionReport(
                RegressionMetrics.mae(truths, predictions),
                RegressionMetrics.pearson(truths, predictions),
                RegressionMetrics.acc7(truths, predictions),
                RegressionMetrics.acc5(truths, predictions),
                RegressionMetrics.acc2Has0(truths, predictions),
                RegressionMetrics.f1Has0(truths, predictions),
                RegressionMetrics.acc2Non0(truths, predictions),
                RegressionMetrics.f1Non0(truths, predictions));
    }

    /** The metrics under exactly the keys {@link #KEYS}, in that order. */
    public LinkedHashMap<String, Double> toMap() {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put("mae", mae);
        m.put("corr", corr);
        m.put("acc7", acc7);
        m.put("acc5", acc5);
        m.put("acc2_has0", acc2Has0);
        m.put("f1_has0", f1Has0);
        m.put("acc2_non0", acc2Non0);
        m.put("f1_non0", f1Non0);
        return m;
    }
}
