package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.missing.ModalitySubset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One evaluation of one trained model: a line of {@code RESULTS.json}.
 *
 * <p>A record carries the {@link io.github.umdf.tribuo.evaluation.metrics.Metric}s of its task under
 * their result keys, in the order of that enum: regression {@code mae, corr, acc7, acc5, acc2_has0,
 * f1_has0, acc2_non0, f1_non0}; single-label {@code acc, f1}; multi-label {@code acc_<label>} and
 * {@code f1_<label>} per label. Metric values are fractions as the metric functions return
 * them; a metric may be {@code NaN} (e.g. Pearson correlation of a constant prediction), which
 * {@link ResultsJson} writes as JSON {@code null}.
 *
 * @param model     model name as shown in tables ({@code UMDF}, {@code TransM})
 * @param dataset   data set name ({@code mosi})
 * @param seed      training seed; records of the same seed were evaluated on the same masks
 * @param condition modalities kept, canonical letter code ({@code l}, {@code la}, {@code lav});
 *                  any spelling {@link ModalitySubset#parse(String)} accepts is normalised
 * @param rate      frame missing rate p in [0, 1] applied to the kept modalities
 * @param metrics   metric name to value, in insertion order (frozen copy)
 */
public record ResultRecord(String model, String dataset, long seed, String condition, double rate,
                           Map<String, Double> metrics) {

    /** Validates every field, normalises the condition code and freezes an ordered copy of the metrics. */
    public ResultRecord {
        requireName("model", model);
        requireName("dataset", dataset);
        if (condition == null) {
            throw new IllegalArgumentException("expected a condition such as l, la or lav, got null");
        }
        condition = ModalitySubset.parse(condition).code();
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("expected a missing rate in [0, 1], got " + rate);
        }
        if (metrics == null) {
            throw new IllegalArgumentException("expected a metrics map, got null");
        }
        LinkedHashMap<String, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("expected non-blank metric names, got '" + e.getKey() + "'");
            }
            if (e.getValue() == null || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("metric '" + e.getKey() + "' is " + e.getValue()
                        + "; expected a finite number or NaN");
            }
            copy.put(e.getKey(), e.getValue());
        }
        metrics = Collections.unmodifiableMap(copy);
    }

    /** The condition as a modality subset. */
    public ModalitySubset subset() {
        return ModalitySubset.parse(condition);
    }

    /**
     * The value of one metric.
     *
     * @throws IllegalArgumentException naming the record and the metrics it has, when absent
     */
    public double metric(String key) {
        Double v = metrics.get(key);
        if (v == null) {
            throw new IllegalArgumentException("no metric '" + key + "' in the record of " + describe()
                    + "; it has " + metrics.keySet());
        }
        return v;
    }

    /** A short identification for messages: {@code UMDF on mosi, seed 1, condition la, rate 0.0}. */
    public String describe() {
        return model + " on " + dataset + ", seed " + seed + ", condition " + condition + ", rate " + rate;
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("expected a non-blank " + what + " name, got "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
