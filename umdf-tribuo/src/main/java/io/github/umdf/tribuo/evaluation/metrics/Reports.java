package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.nn.data.Task;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The shared checks and views of the per-task reports. */
final class Reports {
    private Reports() {
    }

    /** An unmodifiable copy, in metric order, of values for exactly the metrics of a task. */
    static <V> Map<Metric, V> freeze(Task task, Map<Metric, V> values) {
        if (values == null || !values.keySet().equals(Set.copyOf(Metric.of(task)))) {
            throw new IllegalArgumentException("expected a value for exactly the " + task.key() + " metrics "
                    + Metric.keys(task) + ", got " + (values == null ? "null" : values.keySet()));
        }
        for (Map.Entry<Metric, V> e : values.entrySet()) {
            if (e.getValue() == null) {
                throw new IllegalArgumentException("expected a value for metric " + e.getKey().key() + ", got null");
            }
        }
        return Collections.unmodifiableMap(new EnumMap<>(values));
    }

    static double get(Map<Metric, Double> values, Metric metric) {
        Double v = values.get(metric);
        if (v == null) {
            throw new IllegalArgumentException("expected a " + values.keySet().iterator().next().task().key()
                    + " metric, one of " + values.keySet() + ", got " + metric);
        }
        return v;
    }

    /** The values under their result keys ({@link Metric#resultKey(String)} for {@code label}), in metric order. */
    static LinkedHashMap<String, Double> toMap(Map<Metric, Double> values, String label) {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        values.forEach((metric, v) -> m.put(metric.resultKey(label), v));
        return m;
    }
}
