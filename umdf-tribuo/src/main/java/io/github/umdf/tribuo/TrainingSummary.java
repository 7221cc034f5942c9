package io.github.umdf.tribuo;

import io.github.umdf.nn.train.EpochSummary;
import io.github.umdf.nn.train.TrainingResult;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What training did, kept inside a {@link MultimodalModel}: the epochs run, the selected (best)
 * epoch, the validation loss and metric of every epoch, whether early stopping ended the run, and
 * the training and validation sample counts. Model selection used the validation loss only.
 */
public final class TrainingSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int bestEpoch;
    private final boolean stoppedEarly;
    private final double[] validationLosses;
    private final String validationMetricName;
    private final double[] validationMetrics;
    private final int trainingSamples;
    private final int validationSamples;

    /**
     * @param bestEpoch            1-based epoch whose parameters were kept
     * @param stoppedEarly         whether early stopping ended the run
     * @param validationLosses     validation loss per epoch run
     * @param validationMetricName name of the validation metric ({@code mae} or {@code accuracy})
     * @param validationMetrics    validation metric per epoch run
     * @param trainingSamples      number of training samples
     * @param validationSamples    number of validation samples
     */
    public TrainingSummary(int bestEpoch, boolean stoppedEarly, double[] validationLosses, String validationMetricName,
                           double[] validationMetrics, int trainingSamples, int validationSamples) {
        if (validationLosses.length != validationMetrics.length) {
            throw new IllegalArgumentException("Expected one metric per validation loss, found " + validationLosses.length
                    + " losses and " + validationMetrics.length + " metrics");
        }
        if (bestEpoch < 1 || bestEpoch > validationLosses.length) {
            throw new IllegalArgumentException("Expected a best epoch in [1, " + validationLosses.length + "], found " + bestEpoch);
        }
        this.bestEpoch = bestEpoch;
        this.stoppedEarly = stoppedEarly;
        this.validationLosses = validationLosses.clone();
        this.validationMetricName = validationMetricName;
        this.validationMetrics = validationMetrics.clone();
        this.trainingSamples = trainingSamples;
        this.validationSamples = validationSamples;
    }

    /** The summary of a training loop's result. */
    public static TrainingSummary of(TrainingResult result, int trainingSamples, int validationSamples) {
        List<EpochSummary> history = result.history();
        double[] losses = new double[history.size()];
        double[] metrics = new double[history.size()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = history.get(i).validLoss();
            metrics[i] = history.get(i).validMetric();
        }
        String metric = history.isEmpty() ? "" : history.get(0).validMetricName();
        return new TrainingSummary(result.bestEpoch(), result.stoppedEarly(), losses, metric, metrics, trainingSamples, validationSamples);
    }

    /** Number of epochs run. */
    public int epochs() {
        return validationLosses.length;
    }

    /** The 1-based epoch whose parameters the model holds (lowest validation loss). */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The validation loss of the selected epoch. */
    public double bestValidationLoss() {
        return validationLosses[bestEpoch - 1];
    }

    /** Whether early stopping ended the run before the configured number of epochs. */
    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** The validation loss of every epoch run, in order. */
    public double[] validationLosses() {
        return validationLosses.clone();
    }

    /** The name of the validation metric: {@code mae} (regression) or {@code accuracy}. */
    public String validationMetricName() {
        return validationMetricName;
    }

    /** The validation metric of every epoch run, in order. */
    public double[] validationMetrics() {
        return validationMetrics.clone();
    }

    /** Number of training samples. */
    public int trainingSamples() {
        return trainingSamples;
    }

    /** Number of validation samples. */
    public int validationSamples() {
        return validationSamples;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TrainingSummary)) {
            return false;
        }
        TrainingSummary s = (TrainingSummary) o;
        return bestEpoch == s.bestEpoch && stoppedEarly == s.stoppedEarly && Arrays.equals(validationLosses, s.validationLosses)
                && validationMetricName.equals(s.validationMetricName) && Arrays.equals(validationMetrics, s.validationMetrics)
                && trainingSamples == s.trainingSamples && validationSamples == s.validationSamples;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * bestEpoch + Arrays.hashCode(validationLosses)) + trainingSamples;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "TrainingSummary(epochs=%d, best=%d, best valid loss=%.6f, %s=%.4f, train=%d, valid=%d%s)",
                epochs(), bestEpoch, bestValidationLoss(), validationMetricName, validationMetrics[bestEpoch - 1],
                trainingSamples, validationSamples, stoppedEarly ? ", stopped early" : "");
    }
}
