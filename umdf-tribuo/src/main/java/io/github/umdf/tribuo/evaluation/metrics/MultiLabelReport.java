package io.github.umdf.tribuo.evaluation.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-label binary accuracy and weighted F1 of one multi-label evaluation (MulT convention, see
 * {@link MultiLabelMetrics}), as fractions. {@link #toMap()} gives {@code acc_<label>} and
 * {@code f1_<label>} for each label in order, the keys of a multi-label {@code RESULTS.json}
 * record.
 *
 * @param labels   label names in order
 * @param accuracy per-label accuracy of the present/absent decision, keyed by label name
 * @param f1       per-label weighted F1 of the present/absent decision, keyed by label name
 */
public record MultiLabelReport(List<String> labels, Map<String, Double> accuracy, Map<String, Double> f1) {

    /** Validates that both maps hold exactly the labels, and freezes copies. */
    public MultiLabelReport {
        MultiLabelMetrics.checkLabels(labels);
        labels = List.copyOf(labels);
        if (accuracy == null || f1 == null || !accuracy.keySet().equals(Set.copyOf(labels))
                || !f1.keySet().equals(Set.copyOf(labels))) {
            throw new IllegalArgumentException("expected accuracy and F1 for exactly the labels " + labels + ", got "
                    + (accuracy == null ? "null" : accuracy.keySet()) + " and " + (f1 == null ? "null" : f1.keySet()));
        }
        accuracy = Collections.unmodifiableMap(new LinkedHashMap<>(accuracy));
        f1 = Collections.unmodifiableMap(new LinkedHashMap<>(f1));
    }

    /** The key of a label's accuracy: {@code acc_<label>}. */
    public static String accuracyKey(String label) {
        return "acc_" + label;
    }

    /** The key of a label's weighted F1: {@code f1_<label>}. */
    public static String f1Key(String label) {
        return "f1_" + label;
    }

    /** Unweighted mean of the per-label accuracies. */
    public double meanAccuracy() {
        return accuracy.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** {@code acc_<label>}, {@code f1_<label>} for each label in order. */
    public LinkedHashMap<String, Double> toMap() {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        for (String label : labels) {
            m.put(accuracyKey(label), accuracy.get(label));
            m.put(f1Key(label), f1.get(label));
        }
        return m;
    }
}
