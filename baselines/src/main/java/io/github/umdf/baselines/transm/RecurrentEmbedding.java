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
import io.github.umdf.nn.block.BuilderChecks;

/**
 * TransModality's per-modality embedding ({@code transmodality.py}, {@code trans_modality}):
 * <pre>
 *   d_m = drop_{0.3}(tanh(Dense_{100}(drop_{0.3}(BiGRU_{300}(drop_{0.5}(X_m))))))     (B, T, 100)
 * </pre>
 * with the GRU directions concatenated (600) and reading only the frames the mask keeps (Keras
 * {@code Masking}). The input dropout stands for the Keras GRU's {@code dropout=0.5}; Keras draws it
 * once per sequence, DJL per element, and the GRU's {@code recurrent_dropout=0.5} has no counterpart in
 * DJL's fused GRU.
 *
 * <p>Built as DJL's blocks are: {@code RecurrentEmbedding.builder().setInputDim(300).setUnits(300).setDim(100)
 * .optInputDropout(0.5f).build()}.
 */
public final class RecurrentEmbedding extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputDim;
    private final float inputDropout;
    private final float rnnDropout;
    private final float denseDropout;
    private final PackedRecurrence gru;
    private final Linear dense;

    private RecurrentEmbedding(Builder builder) {
        super(VERSION);
        this.inputDim = builder.inputDim;
        this.inputDropout = builder.inputDropout;
        this.rnnDropout = builder.rnnDropout;
        this.denseDropout = builder.denseDropout;
        this.gru = addChildBlock("gru", PackedRecurrence.builder().setCell(PackedRecurrence.Cell.GRU).setInputDim(inputDim)
                .setHidden(builder.units).optBidirectional(true).optMerge(PackedRecurrence.Merge.CONCAT).build());
        this.dense = addChildBlock("dense", Linear.builder().setUnits(builder.dim).build());
    }

    /** A builder: {@link Builder#setInputDim}, {@link Builder#setUnits} and {@link Builder#setDim} are required. */
    public static Builder builder() {
        return new Builder();
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

    /** The settings of a {@link RecurrentEmbedding}. */
    public static final class Builder {
        private Integer inputDim;
        private Integer units;
        private Integer dim;
        private float inputDropout;
        private float rnnDropout;
        private float denseDropout;

        private Builder() {
        }

        /** The modality's features {@code d_m}; required. */
        public Builder setInputDim(int inputDim) {
            this.inputDim = inputDim;
            return this;
        }

        /** GRU units per direction; required. */
        public Builder setUnits(int units) {
            this.units = units;
            return this;
        }

        /** The embedding width; required. */
        public Builder setDim(int dim) {
            this.dim = dim;
            return this;
        }

        /** Dropout on the GRU input; default 0. */
        public Builder optInputDropout(float rate) {
            this.inputDropout = rate;
            return this;
        }

        /** Dropout on the GRU output; default 0. */
        public Builder optRnnDropout(float rate) {
            this.rnnDropout = rate;
            return this;
        }

        /** Dropout on the embedding; default 0. */
        public Builder optDenseDropout(float rate) {
            this.denseDropout = rate;
            return this;
        }

        /** The embedding; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public RecurrentEmbedding build() {
            String block = "RecurrentEmbedding";
            BuilderChecks.positive(block, "setInputDim", inputDim);
            BuilderChecks.positive(block, "setUnits", units);
            BuilderChecks.positive(block, "setDim", dim);
            BuilderChecks.rate(block, "optInputDropout", inputDropout);
            BuilderChecks.rate(block, "optRnnDropout", rnnDropout);
            BuilderChecks.rate(block, "optDenseDropout", denseDropout);
            return new RecurrentEmbedding(this);
        }
    }
}
