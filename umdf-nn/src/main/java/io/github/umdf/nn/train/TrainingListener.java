package io.github.umdf.nn.train;

import io.github.umdf.nn.config.TrainingConfig;

/** Receives training progress; the default implementation logs through java.util.logging. */
public interface TrainingListener {
    /** After every epoch. */
    void onEpoch(EpochSummary summary);

    /** Within long epochs, every {@link TrainingConfig#progressSeconds()} seconds. */
    default void onProgress(int epoch, int batch, int batches, double secondsSoFar) {
    }

    /** Logs epoch lines at INFO and progress at FINE... INFO for long epochs. */
    TrainingListener LOG = new TrainingListener() {
        private final java.util.logging.Logger logger = java.util.logging.Logger.getLogger(TrainingLoop.class.getName());

        @Override
        public void onEpoch(EpochSummary summary) {
            logger.info(summary.line());
        }

        @Override
        public void onProgress(int epoch, int batch, int batches, double secondsSoFar) {
            logger.info(String.format(java.util.Locale.ROOT, "epoch %d: batch %d/%d, %.0f s, about %.0f s left in the epoch",
                    epoch, batch, batches, secondsSoFar, secondsSoFar / batch * (batches - batch)));
        }
    };

    /** Discards everything. */
    TrainingListener SILENT = summary -> {
    };
}
