package io.github.umdf.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.block.TrainingAttention;
import io.github.umdf.nn.data.DatasetSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A network built for one data set, as the one training loop and the evaluation protocol use it.
 * UMDF, its ablations and every baseline implement it; nothing else about a model is needed to
 * train, evaluate, save or load it.
 */
public interface NetworkModel {
    /** The specification the network was built from. */
    ModelSpec spec();

    /** The data set schema the network was built for. */
    DatasetSchema schema();

    /** The root block holding every parameter (for saving, loading and counting). */
    Block block();

    /** Allocates and initialises every parameter on {@code manager} (draws from the engine's random state). */
    void initialize(NDManager manager);

    /**
     * The training objective of one batch.
     *
     * @param views   {@code viewsPerSample()} stacked views of {@code B} samples: rows {@code [v*B, (v+1)*B)} are view {@code v}
     * @param targets {@code (B, K)} targets
     * @param context the batch's sample ids, epoch and step
     */
    LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training);

    /**
     * The forward and backward pass of one training step: the batch's objective, back-propagated
     * through {@code collector} into the parameters' gradients. The training loop then clips the
     * gradients, lets the optimizer update every parameter and calls {@link #afterStep}. By default
     * {@link #loss} in training mode and one backward pass of its total; networks whose gradient is not
     * that of one loss at the current parameters override it (SMIL's meta-learning: an inner gradient
     * step, then the outer loss at the updated parameters, back-propagated to the parameters).
     *
     * @param views   as for {@link #loss}
     * @param targets {@code (B, K)} targets
     * @param context the batch's sample ids, epoch and step
     * @return the loss terms; their total is what was back-propagated
     */
    default LossTerms lossAndGradients(GradientCollector collector, ParameterStore ps, ModalityInputs views, NDArray targets,
                                       BatchContext context) {
        // the Java training attention records its steps on a tape, back-propagated after the loss (TrainingAttention);
        // without it this is one backward pass of the total, as collector.backward does
        try (TrainingAttention tape = TrainingAttention.open(backwardWalksEachPartOnce())) {
            LossTerms terms = loss(ps, views, targets, context, true);
            tape.backward(terms.total());
            return terms;
        }
    }

    /**
     * Whether, in the default training step with the Java training attention ({@code TrainingAttention}),
     * each part of this network's autograd graph is reached by one backward call only, so that each call may
     * free what it walked: true only when every tensor read both by an attention and by anything else is cut
     * where it is made ({@code TrainingAttention.cut}). False by default: the graph is then kept until the
     * step's arrays are freed, which is correct for any network and costs memory (1.8 GB at MOSI batch 128
     * for UMDF). A network that returns true wrongly fails its first training step with an error saying so.
     */
    default boolean backwardWalksEachPartOnce() {
        return false;
    }

    /**
     * Called before the first step of every training epoch with the training samples: networks with
     * state computed from the training data (SMIL's k-means centres of each modality's features)
     * compute it here. Does nothing by default.
     *
     * @param epoch 0-based epoch about to start
     * @param train the training samples, with every frame that exists observed
     */
    default void beforeEpoch(int epoch, TrainingSet train) {
    }

    /**
     * Whether the training objective compares with the batch as it was before the training view dropped
     * anything ({@link BatchContext#completeInputs()}): generative methods that reconstruct what a view
     * lost (GCNet) need it. False by default; the training loop then builds no complete inputs. Prediction
     * never sees them.
     */
    default boolean needsCompleteInputs() {
        return false;
    }

    /**
     * How rows are cut into batches, for training (the rows in their shuffled order) and for prediction
     * (the rows in the caller's order): each element holds the row indices of one batch, and every row is
     * in exactly one batch. By default consecutive runs of {@code batchSize} rows, in order. A network whose
     * output for a sample reads other samples of its batch (GCNet's conversation graph) keeps those samples
     * together here, may count {@code batchSize} in its own unit (GCNet: conversations), and says so.
     *
     * @param sampleIds the rows' sample ids, in order
     * @param batchSize the configured batch size
     */
    default List<int[]> batches(List<String> sampleIds, int batchSize) {
        return consecutiveBatches(sampleIds.size(), batchSize);
    }

    /** The rows {@code 0 .. n-1} in consecutive runs of {@code batchSize}, the last one possibly shorter. */
    static List<int[]> consecutiveBatches(int n, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("Expected a positive batch size, found " + batchSize);
        }
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < n; from += batchSize) {
            int[] rows = new int[Math.min(n, from + batchSize) - from];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = from + i;
            }
            out.add(rows);
        }
        return out;
    }

    /**
     * Called after the optimizer step of a batch, while the batch's arrays (including the
     * {@link LossTerms#extras()}) are still open: networks with state outside their parameters
     * (Self-MM's label generation) update it here. Does nothing by default.
     */
    default void afterStep(BatchContext context, LossTerms terms) {
    }

    /**
     * Number of parameters per component, in network order: by default one entry per top-level child
     * block of {@link #block()}, named as it was added ({@link ParameterCounts#byChild}). Networks may
     * give a finer breakdown.
     */
    default Map<String, Long> parameterCounts() {
        return ParameterCounts.byChild(block());
    }

    /** Predictions {@code (N, out)} in evaluation mode: regression values or logits. */
    NDArray predict(ParameterStore ps, ModalityInputs inputs);

    /** The joint representation {@code (N, D)} used for predictions (t-SNE, paper Figure 6). */
    NDArray represent(ParameterStore ps, ModalityInputs inputs);
}
