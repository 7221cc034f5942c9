package io.github.umdf.nn.train;

import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;

import java.util.List;

/**
 * The validation loss and metric computed from predictions in plain Java: the mean over all samples
 * and target values of the task's loss terms ({@link Task#losses}: for regression the network's own
 * training loss, MSE or L1, {@link io.github.umdf.nn.model.ModelSpec#regressionLoss()}; cross-entropy, per-label binary cross-entropy) and of its metric terms
 * ({@link Task#scores}: MAE for regression, accuracy for classification, the mean per-label accuracy
 * for multi-label).
 */
public final class ValidationScores {
    private ValidationScores() {
    }

    /** The task loss of predictions: the mean of every loss term of every sample. */
    public static double loss(Task task, RegressionLoss regression, List<MultimodalSample> samples, float[][] outputs) {
        boolean absoluteError = regression == RegressionLoss.L1;
        double sum = 0;
        int count = 0;
        for (int i = 0; i < samples.size(); i++) {
            for (double term : task.losses(outputs[i], samples.get(i).target(), absoluteError)) {
                sum += term;
                count++;
            }
        }
        return sum / Math.max(1, count);
    }

    /** Name of the validation metric of a task: {@code mae} or {@code accuracy}. */
    public static String metricName(Task task) {
        return task.scoreName();
    }

    /** MAE (regression) or accuracy (classification): the mean of every metric term of every sample. */
    public static double metric(Task task, List<MultimodalSample> samples, float[][] outputs) {
        double sum = 0;
        int count = 0;
        for (int i = 0; i < samples.size(); i++) {
            for (double term : task.scores(outputs[i], samples.get(i).target())) {
                sum += term;
                count++;
            }
        }
        return sum / Math.max(1, count);
    }
}
