package io.github.umdf.baselines.transm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.baselines.PackedRecurrence;

/**
 * TransModality's per-modality embedding ({@code transmodality.py}, {@code trans_modality}):
 * <pre>
 *   d_m = drop_{0.3}(tanh(Dense_{100}(drop_{0.3}(BiGRU_{300}(drop_{0.5}(X_m))))))     (B, T, 100)
 * </pre>
 * with the GRU directions concatenated (600) and reading only the frames the mask keeps (Keras
 * {@code Masking}). The input dropout stands for the Keras GRU's {@code dropout=0.5}; Keras draws it
 * once per sequence, DJL per element, and the GRU's {@code recurrent_dropout=0.5} has no counterpart in
 * DJL's fused GRU.
 */
public final class RecurrentEmbedding extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputDim;
    private final float inputDropout;
    private final float rnnDropout;
    private final float denseDropout;
    private final PackedRecurrence gru;
    private final Linear dense;

    /**
     * @param inputDim     the modality's features {@code d_m}
     * @param units        GRU units per direction
     * @param dim          embedding width
     * @param inputDropout dropout on the GRU input
     * @param rnnDropout   dropout on the GRU output
     * @param denseDropout dropout on the embedding
     */
    public RecurrentEmbedding(int inputDim, int units, int dim, float inputDropout, float rnnDropout, float denseDropout) {
        super(VERSION);
        this.inputDim = inputDim;
        this.inputDropout = inputDropout;
        this.rnnDropout = rnnDropout;
        this.denseDropout = denseDropout;
        this.gru = addChildBlock("gru", new PackedRecurrence(PackedRecurrence.Cell.GRU, inputDim, units, true,
                PackedRecurrence.Merge.CONCAT));
        this.dense = addChildBlock("dense", Linear.builder().setUnits(dim).build());
    }

    /**
     * @param x    {@code (B, T, d_m)}
     * @param mask {@code (B, T)} frames to read, or null
     * @return {@code (B, T, dim)}
     */
    public NDArray embed(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
        NDArray g = gru.run(ps, drop(x, inputDropout, training), mask, training).sequence;
        NDArray d = dense.forward(ps, new NDList(drop(g, rnnDropout, training)), training).head().tanh();
        return drop(d, denseDropout, training);
    }

    private static NDArray drop(NDArray a, float rate, boolean training) {
        return training && rate > 0f ? Dropout.dropout(a, rate, true).head() : a;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(embed(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return dense.getOutputShapes(new Shape[] {new Shape(in.get(0), in.get(1), gru.outputDim())});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        gru.initialize(manager, dataType, new Shape(1, 1, inputDim));
        dense.initialize(manager, dataType, new Shape(1, 1, gru.outputDim()));
    }
}
