package io.github.umdf.baselines.transm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.block.BuilderChecks;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@link DecoderLayer}s (keras-transformer's {@code get_encoders} / {@code get_decoders}):
 * encoder layers when built without cross-attention, decoder layers attending to the same encoder
 * states in every layer otherwise. Input and output {@code (B, T, d)}.
 *
 * <p>Built as DJL's blocks are: {@code TransformerStack.builder().setDepth(2).setDim(100).setHeads(10).setFfnDim(200)
 * .optCrossAttention(true).build()}.
 */
public final class TransformerStack extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final List<DecoderLayer> layers = new ArrayList<>();

    private TransformerStack(Builder builder) {
        super(VERSION);
        this.dim = builder.dim;
        for (int i = 0; i < builder.depth; i++) {
            layers.add(addChildBlock("layer" + i, DecoderLayer.builder().setDim(dim).setHeads(builder.heads).setFfnDim(builder.ffnDim)
                    .optDropout(builder.dropout).optCrossAttention(builder.crossAttention).build()));
        }
    }

    /**
     * A builder: {@link Builder#setDepth}, {@link Builder#setDim}, {@link Builder#setHeads} and
     * {@link Builder#setFfnDim} are required.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs every layer; see {@link DecoderLayer#forward}. */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray mask, NDArray memory, NDArray memoryMask, boolean training) {
        NDArray h = x;
        for (DecoderLayer layer : layers) {
            h = layer.forward(ps, h, mask, memory, memoryMask, training);
        }
        return h;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("Use TransformerStack.forward(ps, x, mask, memory, memoryMask, training)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (DecoderLayer l : layers) {
            l.initialize(manager, dataType, new Shape(1, 1, dim));
        }
    }

    /** The settings of a {@link TransformerStack}. */
    public static final class Builder {
        private Integer depth;
        private Integer dim;
        private Integer heads;
        private Integer ffnDim;
        private float dropout;
        private boolean crossAttention;

        private Builder() {
        }

        /** The number of layers; required. */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /** The model dimension {@code d}; required. */
        public Builder setDim(int dim) {
            this.dim = dim;
            return this;
        }

        /** The attention heads, dividing {@code d}; required. */
        public Builder setHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /** The feed-forward width; required. */
        public Builder setFfnDim(int ffnDim) {
            this.ffnDim = ffnDim;
            return this;
        }

        /** Residual dropout; default 0. */
        public Builder optDropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /** Decoder layers (true) or encoder layers (false, the default). */
        public Builder optCrossAttention(boolean crossAttention) {
            this.crossAttention = crossAttention;
            return this;
        }

        /** The stack; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public TransformerStack build() {
            String block = "TransformerStack";
            BuilderChecks.positive(block, "setDepth", depth);
            int d = BuilderChecks.positive(block, "setDim", dim);
            BuilderChecks.heads(block, "setHeads", heads, d);
            BuilderChecks.positive(block, "setFfnDim", ffnDim);
            BuilderChecks.rate(block, "optDropout", dropout);
            return new TransformerStack(this);
        }
    }
}
