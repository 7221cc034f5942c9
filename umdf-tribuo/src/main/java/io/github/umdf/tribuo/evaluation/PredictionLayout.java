package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.data.Logits;
import io.github.umdf.nn.data.Task;
import io.github.umdf.tribuo.evaluation.metrics.MultiLabelMetrics;
import io.github.umdf.tribuo.evaluation.metrics.RegressionReport;
import io.github.umdf.tribuo.evaluation.metrics.ScoreKind;
import io.github.umdf.tribuo.evaluation.metrics.SingleLabelReport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the evaluation protocol records and scores the predictions of each task: the prediction columns of
 * {@code PRED.csv} and of {@link PredictionRow}, and the metrics computed from exactly those numbers.
 * <ul>
 *   <li>regression: the truth and predicted value per label; {@link RegressionReport};</li>
 *   <li>single-label: the true class index; the predicted class (the argmax, first on ties) followed by
 *       the softmax probability of each class; {@link SingleLabelReport};</li>
 *   <li>multi-label: 0/1 per label; the sigmoid probability of presence per label (present when
 *       &gt; 0.5); {@link MultiLabelMetrics}.</li>
 * </ul>
 */
enum PredictionLayout {
    /** Values in, values out. */
    REGRESSION {
        @Override
        List<String> columns(List<String> labels) {
            if (labels.size() == 1) {
                return List.of("truth", "prediction");
            }
            return perLabel(labels, "truth_", "prediction_");
        }

        @Override
        double[] predictions(float[] outputs) {
            return Task.REGRESSION.activate(outputs);
        }

        @Override
        Map<String, Double> metrics(List<String> labels, double[][] truths, double[][] predictions) {
            int n = truths.length;
            double[] t = new double[n];
            double[] p = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = truths[i][0];
                p[i] = predictions[i][0];
            }
            return RegressionReport.of(t, p).toMap();
        }
    },
    /** A class index in; the predicted class and the probability of every class out. */
    SINGLE_LABEL {
        @Override
        List<String> columns(List<String> labels) {
            List<String> h = new ArrayList<>(List.of("truth", "prediction"));
            labels.forEach(l -> h.add("probability_" + l));
            return h;
        }

        @Override
        double[] predictions(float[] outputs) {
            double[] p = Task.SINGLE_LABEL.activate(outputs);
            double[] withClass = new double[p.length + 1];
            withClass[0] = Logits.argmax(p);
            System.arraycopy(p, 0, withClass, 1, p.length);
            return withClass;
        }

        @Override
        Map<String, Double> metrics(List<String> labels, double[][] truths, double[][] predictions) {
            int n = truths.length;
            int[] t = new int[n];
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = (int) truths[i][0];
                p[i] = (int) predictions[i][0];
            }
            return SingleLabelReport.of(t, p).toMap();
        }
    },
    /** 0/1 per label in; the probability of presence per label out. */
    MULTI_LABEL {
        @Override
        List<String> columns(List<String> labels) {
            return perLabel(labels, "truth_", "prediction_");
        }

        @Override
        double[] predictions(float[] outputs) {
            return Task.MULTI_LABEL.activate(outputs);
        }

        @Override
        Map<String, Double> metrics(List<String> labels, double[][] truths, double[][] predictions) {
            int n = truths.length;
            int k = labels.size();
            boolean[][] t = new boolean[n][k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    t[i][j] = truths[i][j] > 0.5;
                }
            }
            return MultiLabelMetrics.evaluate(labels, t, predictions, ScoreKind.PROBABILITY).toMap();
        }
    };

    /** The layout of a task: the one place that maps a {@link Task} to how its predictions are recorded. */
    static PredictionLayout of(Task task) {
        return switch (task) {
            case REGRESSION -> REGRESSION;
            case SINGLE_LABEL -> SINGLE_LABEL;
            case MULTI_LABEL -> MULTI_LABEL;
        };
    }

    /** The truth and prediction columns of {@code PRED.csv}, after {@code id,condition,rate,seed}. */
    abstract List<String> columns(List<String> labels);

    /** The prediction columns of one sample from the network's raw outputs. */
    abstract double[] predictions(float[] outputs);

    /** The metrics of one condition from its truth and prediction columns, keyed and ordered as in {@code RESULTS.json}. */
    abstract Map<String, Double> metrics(List<String> labels, double[][] truths, double[][] predictions);

    private static List<String> perLabel(List<String> labels, String truth, String prediction) {
        List<String> h = new ArrayList<>();
        labels.forEach(l -> h.add(truth + l));
        labels.forEach(l -> h.add(prediction + l));
        return h;
    }
}
