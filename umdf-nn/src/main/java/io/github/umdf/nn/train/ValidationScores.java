package io.github.umdf.nn.train;

import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.loss.TaskLoss;

import java.util.List;

/**
 * The validation loss and metric computed from predictions in plain Java: the task loss (MSE or L1
 * for regression as configured, cross-entropy, per-label binary cross-entropy) and MAE (regression)
 * or accuracy (classification; mean per-label accuracy for multi-label).
 */
public final class ValidationScores {
    private ValidationScores() {
    }

    /** The task loss of predictions. */
    public static double loss(Task task, TaskLoss.RegressionLoss regression, List<MultimodalSample> samples, float[][] outputs) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < samples.size(); i++) {
            MultimodalSample s = samples.get(i);
            float[] z = outputs[i];
            switch (task) {
                case REGRESSION:
                    for (int k = 0; k < z.length; k++) {
                        double d = z[k] - s.target(k);
                        sum += regression == TaskLoss.RegressionLoss.L1 ? Math.abs(d) : d * d;
                        count++;
                    }
                    break;
                case SINGLE_LABEL: {
                    double max = Double.NEGATIVE_INFINITY;
                    for (float v : z) {
                        max = Math.max(max, v);
                    }
                    double lse = 0;
                    for (float v : z) {
                        lse += Math.exp(v - max);
                    }
                    sum += max + Math.log(lse) - z[(int) s.target(0)];
                    count++;
                    break;
                }
                case MULTI_LABEL:
                    for (int k = 0; k < z.length; k++) {
                        double x = z[k];
                        sum += Math.max(x, 0) - x * s.target(k) + Math.log1p(Math.exp(-Math.abs(x)));
                        count++;
                    }
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
        return sum / Math.max(1, count);
    }

    /** Name of the validation metric of a task: {@code mae} or {@code accuracy}. */
    public static String metricName(Task task) {
        return task == Task.REGRESSION ? "mae" : "accuracy";
    }

    /** MAE (regression) or accuracy (classification). */
    public static double metric(Task task, List<MultimodalSample> samples, float[][] outputs) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < samples.size(); i++) {
            MultimodalSample s = samples.get(i);
            float[] z = outputs[i];
            switch (task) {
                case REGRESSION:
                    for (int k = 0; k < z.length; k++) {
                        sum += Math.abs(z[k] - s.target(k));
                        count++;
                    }
                    break;
                case SINGLE_LABEL: {
                    int best = 0;
                    for (int k = 1; k < z.length; k++) {
                        if (z[k] > z[best]) {
                            best = k;
                        }
                    }
                    sum += best == (int) s.target(0) ? 1 : 0;
                    count++;
                    break;
                }
                case MULTI_LABEL:
                    for (int k = 0; k < z.length; k++) {
                        sum += (z[k] > 0 ? 1f : 0f) == s.target(k) ? 1 : 0;
                        count++;
                    }
                    break;
                default:
                    throw new IllegalStateException();
            }
        }
        return sum / Math.max(1, count);
    }
}
