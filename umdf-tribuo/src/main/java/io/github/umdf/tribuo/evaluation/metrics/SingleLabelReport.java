package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.tribuo.evaluation.metrics.MetricArguments;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * Accuracy and support-weighted F1 of a single-label classification over all classes
 * (scikit-learn's {@code accuracy_score} and {@code f1_score(average='weighted')}, see
 * {@link ClassificationMetrics}).
 *
 * @param accuracy   fraction of correct classes
 * @param weightedF1 support-weighted F1 over the classes present in truths or predictions
 */
public record SingleLabelReport(double accuracy, double weightedF1) {

    /** The keys of {@link #toMap()}, in order. */
    public static final List<String> KEYS = List.of("acc", "f1");

    /** Scores predicted class indices against true ones. */
    public static SingleLabelReport of(int[] truths, int[] predictions) {
        MetricArguments.checkClassification(truths, predictions);
        return new SingleLabelReport(ClassificationMetrics.accuracy(truths, predictions),
                ClassificationMetrics.weightedF1(truths, predictions));
    }

    /** Scores a matrix of class scores (logits or probabilities, one row per sample) by its argmax. */
    public static SingleLabelReport ofScores(int[] truths, double[][] scores) {
        return of(truths, ClassificationMetrics.argmax(scores));
    }

    /** The metrics under the keys {@link #KEYS}. */
    public LinkedHashMap<String, Double> toMap() {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put("acc", accuracy);
        m.put("f1", weightedF1);
        return m;
    }
}
