package io.github.umdf.nn.train;

import java.util.List;

/**
 * A finished training run: the network holding the selected parameters (those of the epoch with
 * the lowest validation loss), the epoch history, the selected epoch.
 */
public final class TrainingResult {
    private final NetworkSession network;
    private final List<EpochSummary> history;
    private final int bestEpoch;
    private final double bestValidLoss;
    private final boolean stoppedEarly;

    public TrainingResult(NetworkSession network, List<EpochSummary> history, int bestEpoch, double bestValidLoss,
                          boolean stoppedEarly) {
        this.network = network;
        this.history = List.copyOf(history);
        this.bestEpoch = bestEpoch;
        this.bestValidLoss = bestValidLoss;
        this.stoppedEarly = stoppedEarly;
    }

    /** The trained network with the selected parameters; the caller closes it. */
    public NetworkSession network() { return network; }
    public List<EpochSummary> history() { return history; }
    /** 1-based epoch whose parameters were selected. */
    public int bestEpoch() { return bestEpoch; }
    public double bestValidLoss() { return bestValidLoss; }
    public boolean stoppedEarly() { return stoppedEarly; }
}
