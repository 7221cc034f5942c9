package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.nn.data.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;
import java.util.stream.Collectors;

/**
 * Every metric of the evaluation protocol, once: its task, its key, how tables show it and the
 * function that computes it. The order of the constants is the order of the metrics in
 * {@code RESULTS.json} ({@link RegressionReport#toMap()}, {@link SingleLabelReport#toMap()}, and per
 * label {@link MultiLabelReport#toMap()}) and in the {@code --metrics} help of the command line.
 *
 * <p>Keys: {@link #key()} names the metric for a task ({@code mae}, {@code f1_non0}; {@code acc} and
 * {@code f1} for both classification tasks); a multi-label metric is recorded once per label, under
 * {@link #resultKey(String)} = {@code <key>_<label>} ({@code f1_happy}). Values are fractions;
 * {@link #scale()} (100 for percentages) and {@link #decimals()} are for display only. The
 * {@link #isDefault() defaults} of a task are the paper's columns: MAE and F1 (Non0) for sentiment
 * regression (Table 1), the per-emotion F1 for multi-label data (Table 2), accuracy and F1 for
 * single-label data.
 */
public enum Metric {
    /** Mean absolute error, unclipped ({@link RegressionMetrics#mae}), three decimals (paper Table 1). */
    MAE(Task.REGRESSION, "mae", "MAE", 1.0, 3, true, "MAE = mean absolute error (lower is better)",
            RegressionMetrics::mae, null),
    /** Pearson correlation ({@link RegressionMetrics#pearson}), three decimals. */
    CORR(Task.REGRESSION, "corr", "Corr", 1.0, 3, false, "Corr = Pearson correlation",
            RegressionMetrics::pearson, null),
    /** Seven-class accuracy ({@link RegressionMetrics#acc7}), in percent. */
    ACC7(Task.REGRESSION, "acc7", "Acc-7", 100.0, 2, false, "Acc-7 = accuracy over the seven rounded classes of [-3, 3], x100",
            RegressionMetrics::acc7, null),
    /** Five-class accuracy ({@link RegressionMetrics#acc5}), in percent. */
    ACC5(Task.REGRESSION, "acc5", "Acc-5", 100.0, 2, false, "Acc-5 = accuracy over the five rounded classes of [-2, 2], x100",
            RegressionMetrics::acc5, null),
    /** Binary accuracy over all samples, negative vs non-negative (MMSA Has0), in percent. */
    ACC2_HAS0(Task.REGRESSION, "acc2_has0", "Acc-2 (Has0)", 100.0, 2, false,
            "Acc-2 (Has0) = accuracy of negative vs non-negative over all samples (MMSA Has0), x100",
            RegressionMetrics::acc2Has0, null),
    /** Weighted F1 over all samples, negative vs non-negative (MMSA Has0), in percent. */
    F1_HAS0(Task.REGRESSION, "f1_has0", "F1 (Has0)", 100.0, 2, false,
            "F1 (Has0) = weighted F1 of negative vs non-negative over all samples (MMSA Has0), x100",
            RegressionMetrics::f1Has0, null),
    /** Binary accuracy with zero labels dropped (MMSA Non0), in percent. */
    ACC2_NON0(Task.REGRESSION, "acc2_non0", "Acc-2", 100.0, 2, false,
            "Acc-2 = accuracy of positive vs negative with zero-labelled samples dropped (MMSA Non0), x100",
            RegressionMetrics::acc2Non0, null),
    /** The paper's F1: weighted F1 with zero labels dropped (MMSA Non0), in percent, two decimals (Table 1). */
    F1_NON0(Task.REGRESSION, "f1_non0", "F1", 100.0, 2, true,
            "F1 = weighted F1 of positive vs negative with zero-labelled samples dropped (MMSA Non0), x100",
            RegressionMetrics::f1Non0, null),
    /** Single-label accuracy ({@link ClassificationMetrics#accuracy(int[], int[])}), in percent. */
    ACC(Task.SINGLE_LABEL, "acc", "Acc", 100.0, 2, true, "Acc = accuracy over the classes, x100",
            null, ClassificationMetrics::accuracy),
    /** Single-label weighted F1 ({@link ClassificationMetrics#weightedF1(int[], int[])}), in percent. */
    F1(Task.SINGLE_LABEL, "f1", "F1", 100.0, 2, true, "F1 = weighted F1 over the classes, x100",
            null, ClassificationMetrics::weightedF1),
    /** Per-label binary accuracy of the present/absent decision (MulT convention), in percent. */
    LABEL_ACC(Task.MULTI_LABEL, "acc", "Acc", 100.0, 1, false,
            "Acc = per-emotion accuracy of the present/absent decision (MulT convention), x100",
            null, ClassificationMetrics::accuracy),
    /** Per-label weighted F1 of the present/absent decision (MulT convention), in percent, one decimal (paper Table 2). */
    LABEL_F1(Task.MULTI_LABEL, "f1", "F1", 100.0, 1, true,
            "F1 = per-emotion weighted F1 of the present/absent decision (MulT convention), x100",
            null, ClassificationMetrics::weightedF1);

    /** The placeholder for a label in {@link #keyTemplate()}. */
    public static final String LABEL = "{label}";

    private final Task task;
    private final String key;
    private final String header;
    private final double scale;
    private final int decimals;
    private final boolean byDefault;
    private final String description;
    private final ToDoubleBiFunction<double[], double[]> ofValues;
    private final ToDoubleBiFunction<int[], int[]> ofClasses;

    Metric(Task task, String key, String header, double scale, int decimals, boolean byDefault, String description,
           ToDoubleBiFunction<double[], double[]> ofValues, ToDoubleBiFunction<int[], int[]> ofClasses) {
        this.task = task;
        this.key = key;
        this.header = header;
        this.scale = scale;
        this.decimals = decimals;
        this.byDefault = byDefault;
        this.description = description;
        this.ofValues = ofValues;
        this.ofClasses = ofClasses;
    }

    /** The task whose evaluations carry this metric. */
    public Task task() {
        return task;
    }

    /** The metric's key for its task ({@code mae}, {@code f1_non0}, {@code acc}, {@code f1}), as {@code --metrics} takes it. */
    public String key() {
        return key;
    }

    /** Whether the metric is recorded once per label ({@code acc_<label>}): the multi-label metrics. */
    public boolean perLabel() {
        return task == Task.MULTI_LABEL;
    }

    /** The {@code RESULTS.json} key, with {@link #LABEL} standing for the label of a per-label metric ({@code f1_{label}}). */
    public String keyTemplate() {
        return perLabel() ? key + "_" + LABEL : key;
    }

    /**
     * The {@code RESULTS.json} key: {@link #key()}, or {@code <key>_<label>} for a per-label metric.
     *
     * @param label the label of a per-label metric; ignored (may be null) for the others
     * @throws IllegalArgumentException for a per-label metric without a label
     */
    public String resultKey(String label) {
        if (!perLabel()) {
            return key;
        }
        if (label == null) {
            throw new IllegalArgumentException("metric " + header + " (" + keyTemplate()
                    + ") is per label; give the table row labels (e.g. the emotions)");
        }
        return keyTemplate().replace(LABEL, label);
    }

    /** The short column header of tables ({@code MAE}, {@code F1}). */
    public String header() {
        return header;
    }

    /** The display factor applied to a value and its standard deviation: 100 for percentages, else 1. */
    public double scale() {
        return scale;
    }

    /** The number of decimals shown. */
    public int decimals() {
        return decimals;
    }

    /** Whether the metric is one of its task's default table columns. */
    public boolean isDefault() {
        return byDefault;
    }

    /** One sentence for the notes under a table: {@code "<header> = <definition>"}. */
    public String description() {
        return description;
    }

    /**
     * Computes a regression metric from true and predicted values.
     *
     * @throws IllegalArgumentException for a classification metric, or as the metric function does
     */
    public double compute(double[] truths, double[] predictions) {
        if (ofValues == null) {
            throw new IllegalArgumentException("metric " + key + " is a " + task.key()
                    + " metric, computed from class indices or label decisions; expected a regression metric for values");
        }
        return ofValues.applyAsDouble(truths, predictions);
    }

    /**
     * Computes a classification metric from true and predicted class indices (single-label), or from one
     * label's 0/1 present decisions (multi-label).
     *
     * @throws IllegalArgumentException for a regression metric, or as the metric function does
     */
    public double compute(int[] truths, int[] predictions) {
        if (ofClasses == null) {
            throw new IllegalArgumentException("metric " + key + " is a regression metric, computed from values;"
                    + " expected a classification metric for classes");
        }
        return ofClasses.applyAsDouble(truths, predictions);
    }

    /** Computes a classification metric from one label's present/absent truths and decisions ({@code true} = present). */
    public double compute(boolean[] truths, boolean[] predictions) {
        return compute(ClassificationMetrics.toInts(truths), ClassificationMetrics.toInts(predictions));
    }

    /** The metrics of a task, in order. */
    public static List<Metric> of(Task task) {
        List<Metric> out = new ArrayList<>();
        for (Metric m : values()) {
            if (m.task == task) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }

    /** The default table columns of a task, in order: the paper's. */
    public static List<Metric> defaults(Task task) {
        return of(task).stream().filter(Metric::isDefault).toList();
    }

    /** The keys of a task's metrics, in order. */
    public static List<String> keys(Task task) {
        return of(task).stream().map(Metric::key).toList();
    }

    /**
     * The metric of a task with this key (surrounding blanks ignored).
     *
     * @throws IllegalArgumentException for a key the task does not have, listing the ones it has
     */
    public static Metric parse(Task task, String key) {
        String k = key == null ? "" : key.trim();
        for (Metric m : of(task)) {
            if (m.key.equals(k)) {
                return m;
            }
        }
        throw new IllegalArgumentException("Unknown metric '" + key + "' for " + task.key() + " data; expected one of "
                + keys(task));
    }

    /**
     * The metrics of a task with these keys, in the order given; the task's {@link #defaults(Task)} when
     * there are none.
     *
     * @throws IllegalArgumentException for a key the task does not have, listing the ones it has
     */
    public static List<Metric> parse(Task task, List<String> keys) {
        if (keys.isEmpty()) {
            return defaults(task);
        }
        return keys.stream().map(k -> parse(task, k)).toList();
    }

    /**
     * One line per task listing its keys and defaults, e.g.
     * {@code regression: mae,corr,...,f1_non0 (default: mae,f1_non0)}; per-label metrics say so.
     */
    public static List<String> describeKeys() {
        List<String> out = new ArrayList<>();
        for (Task task : Task.values()) {
            List<Metric> metrics = of(task);
            if (metrics.isEmpty()) {
                continue;
            }
            String perLabel = metrics.get(0).perLabel() ? " per label" : "";
            out.add(task.key() + ": " + metrics.stream().map(Metric::key).collect(Collectors.joining(",")) + perLabel
                    + " (default: " + defaults(task).stream().map(Metric::key).collect(Collectors.joining(",")) + ")");
        }
        return out;
    }
}
