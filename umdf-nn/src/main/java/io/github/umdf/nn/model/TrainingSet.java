package io.github.umdf.nn.model;

import ai.djl.training.ParameterStore;

import java.util.List;

/**
 * The training samples as a network sees them between two epochs ({@link NetworkModel#beforeEpoch}):
 * complete-modality batches (every frame that exists is observed, nothing dropped), run without
 * gradients, for state a network computes from the training data.
 */
public interface TrainingSet {
    /** Number of training samples. */
    int size();

    /** The run's seed: keyed random draws of such state derive from it. */
    long seed();

    /**
     * Runs {@code visitor} on consecutive batches of the training samples, in their order, without
     * gradients; every array of a batch is closed when the visitor returns.
     *
     * @param batchSize at most this many samples per batch
     */
    void forEachBatch(int batchSize, BatchVisitor visitor);

    /** What runs on one batch. */
    @FunctionalInterface
    interface BatchVisitor {
        /**
         * @param ps        the network's parameters
         * @param inputs    the batch, complete
         * @param sampleIds the ids of its samples, in row order
         */
        void visit(ParameterStore ps, ModalityInputs inputs, List<String> sampleIds);
    }
}
