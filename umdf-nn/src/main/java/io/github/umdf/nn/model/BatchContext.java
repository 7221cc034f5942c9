package io.github.umdf.nn.model;

import java.util.List;

/**
 * Where a training batch stands: the ids of its samples (in row order of one view), the epoch and
 * the global step, and, for networks that ask for it ({@link NetworkModel#needsCompleteInputs()}), the
 * batch before the training view dropped anything. Networks that keep per-sample state across epochs
 * (Self-MM's generated unimodal labels) key it by sample id.
 */
public final class BatchContext {
    private final List<String> sampleIds;
    private final int epoch;
    private final long step;
    private final ModalityInputs completeInputs;

    /**
     * @param sampleIds ids of the batch's samples, in row order of one view
     * @param epoch     0-based epoch
     * @param step      0-based global step
     */
    public BatchContext(List<String> sampleIds, int epoch, long step) {
        this(sampleIds, epoch, step, null);
    }

    /**
     * @param sampleIds      ids of the batch's samples, in row order of one view
     * @param epoch          0-based epoch
     * @param step           0-based global step
     * @param completeInputs the batch's samples with every frame that exists observed (one row per sample,
     *                       in the order of {@code sampleIds}), or null
     */
    public BatchContext(List<String> sampleIds, int epoch, long step, ModalityInputs completeInputs) {
        this.sampleIds = List.copyOf(sampleIds);
        this.epoch = epoch;
        this.step = step;
        this.completeInputs = completeInputs;
        if (completeInputs != null && completeInputs.size() != this.sampleIds.size()) {
            throw new IllegalArgumentException("Expected complete inputs with one row per sample (" + this.sampleIds.size()
                    + "), got " + completeInputs.size() + " rows");
        }
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

    /**
     * The batch's samples with every frame that exists observed, one row per sample: what a generative
     * objective reconstructs. Its arrays live in the step's manager.
     *
     * @throws IllegalStateException when the batch carries none (the training loop builds them only for
     *                               networks whose {@link NetworkModel#needsCompleteInputs()} is true)
     */
    public ModalityInputs completeInputs() {
        if (completeInputs == null) {
            throw new IllegalStateException("This batch carries no complete inputs: the training loop builds them only for networks "
                    + "whose needsCompleteInputs() is true (tests: pass them to the BatchContext constructor)");
        }
        return completeInputs;
    }
}
