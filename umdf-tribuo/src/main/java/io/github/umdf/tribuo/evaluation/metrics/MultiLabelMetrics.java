package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.nn.data.Task;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Per-label metrics of a multi-label classification (IEMOCAP's four emotions, each present or
 * absent), MulT's convention ({@code eval_iemocap} in yaohungt/Multimodal-Transformer): for each
 * label separately, the binary present/absent decision is scored by accuracy and by weighted F1
 * over the two classes ({@code f1_score(average='weighted')}, see
 * {@link ClassificationMetrics#weightedF1(boolean[], boolean[])}).
 *
 * <p>MulT's heads give an (absent, present) logit pair per emotion and take the argmax; a single
 * logit per label thresholded at 0 (or a probability at 0.5, see {@link ScoreKind}) is the same
 * decision.
 */
public final class MultiLabelMetrics {

    /** Label names must be usable as metric keys and CSV columns ({@code acc_happy}, {@code truth_happy}). */
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private MultiLabelMetrics() {
    }

    /**
     * Scores every label.
     *
     * @param labels label names, in the column order of {@code truths} and {@code scores}
     * @param truths {@code [sample][label]}: whether the label is present
     * @param scores {@code [sample][label]}: logit or probability of presence, as {@code kind} says
     * @param kind   what the scores are
     * @throws IllegalArgumentException for mismatched shapes, non-finite scores, probabilities
     *                                  outside [0, 1], or invalid or duplicate label names
     */
    public static MultiLabelReport evaluate(List<String> labels, boolean[][] truths, double[][] scores, ScoreKind kind) {
        checkLabels(labels);
        MetricArguments.checkLengths(truths == null ? -1 : truths.length, scores == null ? -1 : scores.length);
        int k = labels.size();
        int n = truths.length;
        boolean[][] truthColumns = new boolean[k][n];
        boolean[][] predictionColumns = new boolean[k][n];
        for (int i = 0; i < n; i++) {
            checkRow("truths", i, truths[i] == null ? -1 : truths[i].length, labels);
            checkRow("predictions", i, scores[i] == null ? -1 : scores[i].length, labels);
            for (int j = 0; j < k; j++) {
                double s = scores[i][j];
                if (!Double.isFinite(s)) {
                    throw new IllegalArgumentException("predictions[" + i + "][" + j + "] (" + labels.get(j) + ") is "
                            + s + "; expected finite values");
                }
                if (kind == ScoreKind.PROBABILITY && (s < 0 || s > 1)) {
                    throw new IllegalArgumentException("predictions[" + i + "][" + j + "] (" + labels.get(j) + ") is "
                            + s + "; expected a probability in [0, 1] (pass ScoreKind.LOGIT for logits)");
                }
                truthColumns[j][i] = truths[i][j];
                predictionColumns[j][i] = kind.present(s);
            }
        }
        Map<Metric, Map<String, Double>> values = new EnumMap<>(Metric.class);
        for (Metric m : Metric.of(Task.MULTI_LABEL)) {
            Map<String, Double> perLabel = new LinkedHashMap<>();
            for (int j = 0; j < k; j++) {
                perLabel.put(labels.get(j), m.compute(truthColumns[j], predictionColumns[j]));
            }
            values.put(m, perLabel);
        }
        return new MultiLabelReport(labels, values);
    }

    static void checkLabels(List<String> labels) {
        if (labels == null || labels.isEmpty()) {
            throw new IllegalArgumentException("expected at least one label name, got " + (labels == null ? "null" : "none"));
        }
        HashSet<String> seen = new HashSet<>();
        for (String label : labels) {
            if (label == null || !LABEL_NAME.matcher(label).matches()) {
                throw new IllegalArgumentException("invalid label name '" + label
                        + "'; expected letters, digits, '_', '.' or '-' (it becomes a metric key such as acc_<label>)");
            }
            if (!seen.add(label)) {
                throw new IllegalArgumentException("duplicate label name '" + label + "' in " + labels);
            }
        }
    }

    private static void checkRow(String name, int row, int length, List<String> labels) {
        if (length != labels.size()) {
            throw new IllegalArgumentException("expected " + labels.size() + " values per sample (one per label: "
                    + String.join(", ", labels) + "), got " + (length < 0 ? "null" : String.valueOf(length))
                    + " in " + name + " row " + row);
        }
    }
}
