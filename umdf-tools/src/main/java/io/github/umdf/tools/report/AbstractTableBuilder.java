package io.github.umdf.tools.report;

import io.github.umdf.nn.data.Task;
import io.github.umdf.tribuo.evaluation.metrics.Metric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What both table builders share: the data set, models (row order), metric columns, optional row
 * labels, and the notes on seeds, the std convention and the metrics.
 *
 * <p>Defaults: the {@link Metric#defaults(Task)} of regression, MAE and F1 (Non0, x100) as in the
 * paper's Table 1, or of multi-label data, per-label F1 (x100), when row labels are given, as in Table 2.
 *
 * @param <B> the concrete builder
 */
public abstract class AbstractTableBuilder<B extends AbstractTableBuilder<B>> {

    private String title;
    private String dataset;
    private List<String> models;
    private List<Metric> metrics;
    private List<String> labels;
    private String labelHeader = "Emotion";

    // bookkeeping of the value cells of one build, for the notes
    private final TreeSet<Long> seedsSeen = new TreeSet<>();
    private final TreeSet<Integer> countsSeen = new TreeSet<>();

    AbstractTableBuilder() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The caption; defaults to a sentence naming the data set. */
    public B title(String title) {
        this.title = title;
        return self();
    }

    /** The data set whose records are tabulated (required). */
    public B dataset(String dataset) {
        this.dataset = dataset;
        return self();
    }

    /** The models, one row (group) each, in this order (required). */
    public B models(List<String> models) {
        this.models = List.copyOf(models);
        return self();
    }

    /** The models, one row (group) each, in this order (required). */
    public B models(String... models) {
        return models(Arrays.asList(models));
    }

    /** The metric columns under each group. */
    public B metrics(Metric... metrics) {
        this.metrics = List.of(metrics);
        return self();
    }

    /** The metric columns under each group. */
    public B metrics(List<Metric> metrics) {
        this.metrics = List.copyOf(metrics);
        return self();
    }

    /** Row labels (e.g. the emotions {@code happy, sad, angry, neutral}): one row per model and label. */
    public B labels(List<String> labels) {
        this.labels = List.copyOf(labels);
        return self();
    }

    /** The header of the row-label column; {@code Emotion} unless set. */
    public B labelHeader(String labelHeader) {
        this.labelHeader = labelHeader;
        return self();
    }

    String titleOr(String fallback) {
        return title != null ? title : fallback;
    }

    String dataset() {
        if (dataset == null || dataset.isBlank()) {
            throw new IllegalStateException("no data set given; call dataset(...)");
        }
        return dataset;
    }

    List<String> models() {
        if (models == null || models.isEmpty()) {
            throw new IllegalStateException("no models given; call models(...) with the row order");
        }
        if (models.stream().distinct().count() != models.size()) {
            throw new IllegalStateException("duplicate model in " + models);
        }
        return models;
    }

    List<Metric> metricColumns() {
        if (metrics != null) {
            if (metrics.isEmpty()) {
                throw new IllegalStateException("no metric columns given");
            }
            for (Metric m : metrics) {
                if (m.perLabel() && labels == null) {
                    m.resultKey(null); // throws, naming the metric
                }
            }
            return metrics;
        }
        return Metric.defaults(labels == null ? Task.REGRESSION : Task.MULTI_LABEL);
    }

    /** The row labels, or a single null for tables without labels. */
    List<String> rowLabels() {
        return labels == null ? Collections.singletonList(null) : labels;
    }

    String labelHeaderOrNull() {
        return labels == null ? null : labelHeader;
    }

    static String rowName(String model, String label) {
        return label == null ? model : model + " / " + label;
    }

    /** Forgets the seeds of a previous build. */
    void startBuild() {
        seedsSeen.clear();
        countsSeen.clear();
    }

    /** A value cell from per-seed values (unscaled), or MISSING when there are none; records seeds for the notes. */
    Cell cell(SortedMap<Long, Double> perSeed, Metric metric) {
        if (perSeed.isEmpty()) {
            return Cell.MISSING;
        }
        seedsSeen.addAll(perSeed.keySet());
        countsSeen.add(perSeed.size());
        double[] values = perSeed.values().stream().mapToDouble(Double::doubleValue).toArray();
        return Cell.of(SeedSummary.of(values).scaled(metric.scale()));
    }

    /** The notes every table carries: seeds and std convention, then the metric definitions. */
    List<String> standardNotes() {
        List<String> notes = new ArrayList<>();
        String seeds = seedsSeen.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (countsSeen.isEmpty()) {
            notes.add("No results were found for these models on " + dataset + ".");
        } else if (countsSeen.size() == 1 && countsSeen.first() == 1) {
            notes.add("Each cell is the result of a single seed (" + seeds + "): the sample standard deviation"
                    + " is undefined for n = 1, so no ± is shown.");
        } else {
            String n = countsSeen.size() == 1 ? "n = " + countsSeen.first()
                    : "n = " + countsSeen.first() + " to " + countsSeen.last() + " per cell";
            notes.add("Each cell: mean ± sample standard deviation (ddof = 1) over seeds " + seeds + " (" + n + ").");
            if (countsSeen.first() == 1) {
                notes.add("Cells from a single seed show the mean only: the sample standard deviation is undefined"
                        + " for n = 1.");
            }
        }
        notes.add(metricColumns().stream().map(Metric::description).filter(d -> !d.isEmpty())
                .collect(Collectors.joining("; ")) + ".");
        return notes;
    }
}
