package io.github.umdf.nn.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What one epoch did: mean training loss parts, the validation loss (the task loss of the model's
 * predictions on validation views) and metric, the learning rate, time.
 */
public final class EpochSummary {
    private final int epoch;
    private final int epochs;
    private final Map<String, Double> trainLoss;
    private final double validLoss;
    private final String validMetricName;
    private final double validMetric;
    private final double learningRate;
    private final double seconds;
    private final boolean improved;

    public EpochSummary(int epoch, int epochs, Map<String, Double> trainLoss, double validLoss, String validMetricName,
                        double validMetric, double learningRate, double seconds, boolean improved) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.trainLoss = Collections.unmodifiableMap(new LinkedHashMap<>(trainLoss));
        this.validLoss = validLoss;
        this.validMetricName = validMetricName;
        this.validMetric = validMetric;
        this.learningRate = learningRate;
        this.seconds = seconds;
        this.improved = improved;
    }

    /** 1-based epoch. */
    public int epoch() { return epoch; }
    public int epochs() { return epochs; }
    /** Mean training loss parts over the epoch's batches (total, task, aux, logits, feature ...). */
    public Map<String, Double> trainLoss() { return trainLoss; }
    public double validLoss() { return validLoss; }
    public String validMetricName() { return validMetricName; }
    public double validMetric() { return validMetric; }
    public double learningRate() { return learningRate; }
    public double seconds() { return seconds; }
    /** Whether this epoch improved the best validation loss (and became the selected model). */
    public boolean improved() { return improved; }

    /** The log line: {@code epoch 3/100 | train total 0.81 task 0.62 ... | valid loss 0.73 mae 0.70 * | lr 1e-3 | 12.3 s}. */
    public String line() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "epoch %d/%d | train", epoch, epochs));
        trainLoss.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.4f", k, v)));
        sb.append(String.format(Locale.ROOT, " | valid loss %.4f %s %.4f%s | lr %.1e | %.1f s", validLoss, validMetricName,
                validMetric, improved ? " *" : "", learningRate, seconds));
        return sb.toString();
    }

    @Override
    public String toString() {
        return line();
    }
}
