package io.github.umdf.tools.protocol;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.tools.report.ResultTable;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.evaluation.metrics.Metric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The paper's tables for a set of results: the inter-modality table (Tables 1-3: MAE and F1 for
 * sentiment regression, per-emotion F1 for multi-label data, accuracy and F1 for single-label) and
 * the missing-rate sweep (the numbers behind Figures 3-5).
 */
public final class ResultTables {
    private ResultTables() {
    }

    /**
     * The table columns for a task: the task's defaults ({@link Metric#defaults(Task)}) when {@code keys}
     * is empty, else the named metrics ({@link Metric#parse(Task, List)}).
     *
     * @throws IllegalArgumentException for a key the task does not have, naming the valid ones
     */
    public static List<Metric> columns(Task task, List<String> keys) {
        return Metric.parse(task, keys);
    }

    /** The inter-modality table, or empty when there are no rate-0 condition records. */
    public static Optional<ResultTable> conditions(Collection<ResultRecord> records, DatasetSchema schema, String dataset,
                                                   List<String> models, String compareA, String compareB, List<Metric> columns) {
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
                                                  List<String> models, List<Metric> columns) {
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
                                              List<Metric> columns) {
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

    /**
     * The table marked incomplete: its caption says how many runs are missing and a note names each
     * with its cause.
     */
    public static ResultTable incomplete(ResultTable table, List<ExperimentEngine.RunFailure> failures, int totalRuns) {
        List<String> notes = new ArrayList<>();
        notes.add("INCOMPLETE: " + failures.size() + " of " + totalRuns + " runs failed and are missing from this table: "
                + failures.stream().map(ExperimentEngine.RunFailure::describe).collect(Collectors.joining("; ")) + ".");
        notes.addAll(table.notes());
        return new ResultTable(table.title() + " (INCOMPLETE: " + failures.size() + " of " + totalRuns + " runs missing)",
                table.labelHeader(), table.groups(), table.rows(), notes);
    }
}
