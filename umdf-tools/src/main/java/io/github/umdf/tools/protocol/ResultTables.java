package io.github.umdf.tools.protocol;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.tools.report.MetricColumn;
import io.github.umdf.tools.report.ResultTable;
import io.github.umdf.tribuo.evaluation.ResultRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The paper's tables for a set of results: the inter-modality table (Tables 1-3: MAE and F1 for
 * sentiment regression, per-emotion F1 for multi-label data, accuracy and F1 for single-label) and
 * the missing-rate sweep (the numbers behind Figures 3-5).
 */
public final class ResultTables {
    /** Single-label accuracy. */
    public static final MetricColumn ACC = new MetricColumn("Acc", "acc", 100.0, 2, "Acc = accuracy over the classes, x100");
    /** Single-label weighted F1. */
    public static final MetricColumn F1 = new MetricColumn("F1", "f1", 100.0, 2, "F1 = weighted F1 over the classes, x100");


    private ResultTables() {
    }

    /**
     * The table columns for a task: the task's defaults ({@link #metrics(Task)}) when {@code keys} is
     * empty, else the named metrics. Keys: regression {@code mae,corr,acc7,acc5,acc2_has0,f1_has0,acc2_non0,f1_non0};
     * single-label {@code acc,f1}; multi-label {@code acc,f1} (per emotion).
     *
     * @throws IllegalArgumentException for a key the task does not have, naming the valid ones
     */
    public static List<MetricColumn> columns(Task task, List<String> keys) {
        if (keys.isEmpty()) {
            return metrics(task);
        }
        List<MetricColumn> available = switch (task) {
            case REGRESSION -> List.of(MetricColumn.MAE, MetricColumn.CORR, MetricColumn.ACC7, MetricColumn.ACC5, MetricColumn.ACC2_HAS0,
                    MetricColumn.F1_HAS0, MetricColumn.ACC2_NON0, MetricColumn.F1_NON0);
            case MULTI_LABEL -> List.of(MetricColumn.LABEL_ACC, MetricColumn.LABEL_F1);
            default -> List.of(ACC, F1);
        };
        Map<String, MetricColumn> known = new LinkedHashMap<>();
        available.forEach(c -> known.put(c.keyTemplate().replace("_" + MetricColumn.LABEL, ""), c));
        List<MetricColumn> out = new ArrayList<>();
        for (String k : keys) {
            MetricColumn c = known.get(k.trim());
            if (c == null) {
                throw new IllegalArgumentException("Unknown metric '" + k + "' for " + task + " data; expected one of " + known.keySet());
            }
            out.add(c);
        }
        return out;
    }

    /** The columns shown per condition for a task. */
    public static List<MetricColumn> metrics(Task task) {
        switch (task) {
            case REGRESSION: return List.of(MetricColumn.MAE, MetricColumn.F1_NON0);
            case MULTI_LABEL: return List.of(MetricColumn.LABEL_F1);
            default: return List.of(ACC, F1);
        }
    }

    /** The inter-modality table, or empty when there are no rate-0 condition records. */
    public static Optional<ResultTable> conditions(Collection<ResultRecord> records, DatasetSchema schema, String dataset,
                                                   List<String> models, String compareA, String compareB, List<MetricColumn> columns) {
        boolean any = records.stream().anyMatch(r -> r.rate() == 0.0 && r.dataset().equals(dataset)
                && ModalitySubset.parse(r.condition()).size() < schema.modalities().size());
        if (!any) {
            return Optional.empty();
        }
        var b = ResultTable.byCondition().title("Inter-modality missingness on " + dataset + " (test split)").dataset(dataset)
                .models(models).metrics(columns).availableModalities(schema.modalities());
        if (schema.task() == Task.MULTI_LABEL) {
            b.labels(schema.labelNames());
        }
        if (compareA != null && compareB != null && models.contains(compareA) && models.contains(compareB)) {
            b.compare(compareA, compareB);
        }
        return Optional.of(b.build(records));
    }

    /** The inter-modality table comparing the first model with every other one (paired tests in the notes). */
    public static ResultTable conditionsComparing(Collection<ResultRecord> records, DatasetSchema schema, String dataset,
                                                  List<String> models, List<MetricColumn> columns) {
        var b = ResultTable.byCondition().title("Inter-modality missingness on " + dataset + " (test split)").dataset(dataset)
                .models(models).metrics(columns).availableModalities(schema.modalities());
        if (schema.task() == Task.MULTI_LABEL) {
            b.labels(schema.labelNames());
        }
        for (int i = 1; i < models.size(); i++) {
            b.compare(models.get(0), models.get(i));
        }
        return b.build(records);
    }

    /** The missing-rate sweep with every modality kept, or empty when there is none. */
    public static Optional<ResultTable> rates(Collection<ResultRecord> records, DatasetSchema schema, String dataset, List<String> models,
                                              List<MetricColumn> columns) {
        String all = ModalitySubset.of(schema.modalities()).code();
        TreeSet<Double> rates = new TreeSet<>();
        records.stream().filter(r -> r.dataset().equals(dataset) && r.condition().equals(all)).forEach(r -> rates.add(r.rate()));
        if (rates.size() < 2) {
            return Optional.empty();
        }
        var b = ResultTable.byRate().title("Intra-modality missingness on " + dataset + ": every modality, frames dropped at rate p")
                .dataset(dataset).models(models).metrics(columns).condition(all).rates(List.copyOf(rates));
        if (schema.task() == Task.MULTI_LABEL) {
            b.labels(schema.labelNames());
        }
        return Optional.of(b.build(records));
    }
}
