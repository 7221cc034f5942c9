package io.github.umdf.nn.model;

import java.util.List;

/**
 * Where a training batch stands: the ids of its samples (in row order of one view), the epoch and
 * the global step. Networks that keep per-sample state across epochs (Self-MM's generated unimodal
 * labels) key it by sample id.
 */
public final class BatchContext {
    private final List<String> sampleIds;
    private final int epoch;
    private final long step;

    /**
     * @param sampleIds ids of the batch's samples, in row order of one view
     * @param epoch     0-based epoch
     * @param step      0-based global step
     */
    public BatchContext(List<String> sampleIds, int epoch, long step) {
        this.sampleIds = List.copyOf(sampleIds);
        this.epoch = epoch;
        this.step = step;
    }

    /** A context for code that has no training position (tests, one-off evaluations). */
    public static BatchContext of(List<String> sampleIds) {
        return new BatchContext(sampleIds, 0, 0);
    }

    public List<String> sampleIds() {
        return sampleIds;
    }

    /** 0-based epoch. */
    public int epoch() {
        return epoch;
    }

    /** 0-based global step. */
    public long step() {
        return step;
    }
}
