package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.nn.data.Task;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-label binary accuracy and weighted F1 of one multi-label evaluation (MulT convention, see
 * {@link MultiLabelMetrics}), as fractions, one per {@link Metric} of {@link Task#MULTI_LABEL} and
 * label. {@link #toMap()} gives, for each label in order, every metric under its
 * {@link Metric#resultKey(String)} ({@code acc_<label>}, {@code f1_<label>}): the keys of a
 * multi-label {@code RESULTS.json} record.
 *
 * @param labels label names in order
 * @param values per metric, its value for each label, keyed by label name
 */
public record MultiLabelReport(List<String> labels, Map<Metric, Map<String, Double>> values) {

    /** Validates that every metric has a value for exactly the labels, and freezes copies. */
    public MultiLabelReport {
        MultiLabelMetrics.checkLabels(labels);
        labels = List.copyOf(labels);
        values = Reports.freeze(Task.MULTI_LABEL, values);
        Set<String> expected = Set.copyOf(labels);
        LinkedHashMap<Metric, Map<String, Double>> frozen = new LinkedHashMap<>();
        for (Map.Entry<Metric, Map<String, Double>> e : values.entrySet()) {
            if (!e.getValue().keySet().equals(expected) || e.getValue().containsValue(null)) {
                throw new IllegalArgumentException("expected " + e.getKey().key() + " for exactly the labels " + labels
                        + ", got " + e.getValue());
            }
            frozen.put(e.getKey(), Collections.unmodifiableMap(new LinkedHashMap<>(e.getValue())));
        }
        values = Collections.unmodifiableMap(frozen);
    }

    /** A label's value of a metric (a {@link Metric} of {@link Task#MULTI_LABEL}). */
    public double get(Metric metric, String label) {
        Map<String, Double> perLabel = values.get(metric);
        if (perLabel == null || !perLabel.containsKey(label)) {
            throw new IllegalArgumentException("expected a multi-label metric " + values.keySet() + " and a label " + labels
                    + ", got " + metric + " and '" + label + "'");
        }
        return perLabel.get(label);
    }

    /** Per-label accuracy of the present/absent decision, keyed by label name. */
    public Map<String, Double> accuracy() {
        return values.get(Metric.LABEL_ACC);
    }

    /** Per-label weighted F1 of the present/absent decision, keyed by label name. */
    public Map<String, Double> f1() {
        return values.get(Metric.LABEL_F1);
    }

    /** Unweighted mean of the per-label accuracies. */
    public double meanAccuracy() {
        return accuracy().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** For each label in order, every metric in the order of {@link Metric#of(Task)}, under {@code <key>_<label>}. */
    public LinkedHashMap<String, Double> toMap() {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        for (String label : labels) {
            values.forEach((metric, perLabel) -> m.put(metric.resultKey(label), perLabel.get(label)));
        }
        return m;
    }
}
