package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.nn.data.Task;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Accuracy and support-weighted F1 of a single-label classification over all classes
 * (scikit-learn's {@code accuracy_score} and {@code f1_score(average='weighted')}, see
 * {@link ClassificationMetrics}), one per {@link Metric} of {@link Task#SINGLE_LABEL}.
 *
 * @param values the fraction of correct classes ({@link Metric#ACC}) and the support-weighted F1 over
 *               the classes present in truths or predictions ({@link Metric#F1})
 */
public record SingleLabelReport(Map<Metric, Double> values) {

    /** Checks that there is a value for exactly the single-label metrics, and freezes a copy. */
    public SingleLabelReport {
        values = Reports.freeze(Task.SINGLE_LABEL, values);
    }

    /** Scores predicted class indices against true ones. */
    public static SingleLabelReport of(int[] truths, int[] predictions) {
        MetricArguments.checkClassification(truths, predictions);
        EnumMap<Metric, Double> values = new EnumMap<>(Metric.class);
        for (Metric m : Metric.of(Task.SINGLE_LABEL)) {
            values.put(m, m.compute(truths, predictions));
        }
        return new SingleLabelReport(values);
    }

    /** Scores a matrix of class scores (logits or probabilities, one row per sample) by its argmax. */
    public static SingleLabelReport ofScores(int[] truths, double[][] scores) {
        return of(truths, ClassificationMetrics.argmax(scores));
    }

    /**
     * The value of a metric.
     *
     * @throws IllegalArgumentException for a metric of another task
     */
    public double get(Metric metric) {
        return Reports.get(values, metric);
    }

    /** The fraction of correct classes. */
    public double accuracy() {
        return get(Metric.ACC);
    }

    /** The support-weighted F1 over the classes present in truths or predictions. */
    public double weightedF1() {
        return get(Metric.F1);
    }

    /** The metrics under their {@link Metric#key()}, in the order of {@link Metric#of(Task)}. */
    public LinkedHashMap<String, Double> toMap() {
        return Reports.toMap(values, null);
    }
}
