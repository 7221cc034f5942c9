package io.github.umdf.tools.report;

import io.github.umdf.tribuo.evaluation.ResultRecord;

import java.util.Objects;

/**
 * One metric shown in a table: where it comes from in a {@link ResultRecord}, how it is
 * scaled and how many decimals it gets.
 *
 * @param header      short column header ({@code MAE}, {@code F1})
 * @param keyTemplate metric key, where {@code {label}} stands for the row's label in
 *                    multi-label tables ({@code f1_{label}} reads {@code f1_happy})
 * @param scale       display factor applied to mean and std (100 for percentages)
 * @param decimals    decimals shown
 * @param description one sentence for the table notes
 */
public record MetricColumn(String header, String keyTemplate, double scale, int decimals, String description) {

    /** The placeholder for a row label inside {@link #keyTemplate()}. */
    public static final String LABEL = "{label}";

    /** Mean absolute error, three decimals (paper Table 1). */
    public static final MetricColumn MAE = new MetricColumn("MAE", "mae", 1.0, 3,
            "MAE = mean absolute error (lower is better)");
    /** The paper's F1: weighted F1 with zero labels dropped (MMSA Non0), in percent, two decimals (Table 1). */
    public static final MetricColumn F1_NON0 = new MetricColumn("F1", "f1_non0", 100.0, 2,
            "F1 = weighted F1 of positive vs negative with zero-labelled samples dropped (MMSA Non0), x100");
    /** Weighted F1 over all samples, negative vs non-negative (MMSA Has0), in percent. */
    public static final MetricColumn F1_HAS0 = new MetricColumn("F1 (Has0)", "f1_has0", 100.0, 2,
            "F1 (Has0) = weighted F1 of negative vs non-negative over all samples (MMSA Has0), x100");
    /** Binary accuracy with zero labels dropped (MMSA Non0), in percent. */
    public static final MetricColumn ACC2_NON0 = new MetricColumn("Acc-2", "acc2_non0", 100.0, 2,
            "Acc-2 = accuracy of positive vs negative with zero-labelled samples dropped (MMSA Non0), x100");
    /** Binary accuracy over all samples, negative vs non-negative (MMSA Has0), in percent. */
    public static final MetricColumn ACC2_HAS0 = new MetricColumn("Acc-2 (Has0)", "acc2_has0", 100.0, 2,
            "Acc-2 (Has0) = accuracy of negative vs non-negative over all samples (MMSA Has0), x100");
    /** Five-class accuracy, in percent. */
    public static final MetricColumn ACC5 = new MetricColumn("Acc-5", "acc5", 100.0, 2,
            "Acc-5 = accuracy over the five rounded classes of [-2, 2], x100");
    /** Seven-class accuracy, in percent. */
    public static final MetricColumn ACC7 = new MetricColumn("Acc-7", "acc7", 100.0, 2,
            "Acc-7 = accuracy over the seven rounded classes of [-3, 3], x100");
    /** Pearson correlation, three decimals. */
    public static final MetricColumn CORR = new MetricColumn("Corr", "corr", 1.0, 3,
            "Corr = Pearson correlation");
    /** Per-emotion weighted F1 of the present/absent decision, in percent, one decimal (paper Table 2). */
    public static final MetricColumn LABEL_F1 = new MetricColumn("F1", "f1_" + LABEL, 100.0, 1,
            "F1 = per-emotion weighted F1 of the present/absent decision (MulT convention), x100");
    /** Per-emotion binary accuracy of the present/absent decision, in percent. */
    public static final MetricColumn LABEL_ACC = new MetricColumn("Acc", "acc_" + LABEL, 100.0, 1,
            "Acc = per-emotion accuracy of the present/absent decision (MulT convention), x100");

    /** Validates the fields. */
    public MetricColumn {
        if (header == null || header.isBlank() || keyTemplate == null || keyTemplate.isBlank()) {
            throw new IllegalArgumentException("expected a non-blank header and metric key, got '" + header
                    + "' and '" + keyTemplate + "'");
        }
        if (!(scale != 0 && Double.isFinite(scale))) {
            throw new IllegalArgumentException("expected a finite non-zero scale for " + header + ", got " + scale);
        }
        if (decimals < 0 || decimals > 10) {
            throw new IllegalArgumentException("expected 0 to 10 decimals for " + header + ", got " + decimals);
        }
        description = Objects.requireNonNullElse(description, "");
    }

    /** Whether the key needs a row label. */
    public boolean perLabel() {
        return keyTemplate.contains(LABEL);
    }

    /**
     * The metric key for a row.
     *
     * @param label the row's label, or null for tables without row labels
     * @throws IllegalArgumentException when the key needs a label and there is none
     */
    public String key(String label) {
        if (!perLabel()) {
            return keyTemplate;
        }
        if (label == null) {
            throw new IllegalArgumentException("metric " + header + " (" + keyTemplate
                    + ") is per label; give the table row labels (e.g. the emotions)");
        }
        return keyTemplate.replace(LABEL, label);
    }
}
