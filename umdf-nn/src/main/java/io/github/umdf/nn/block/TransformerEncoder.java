package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@link EncoderLayer}s (SPEC D4: two layers, post-norm). Used for the joint
 * representation {@code H} and, inside DFIM, for {@code H̄}. Inputs {@code [x (B, T, D)]} or
 * {@code [x, keyMask (B, T)]}; output {@code [(B, T, D)]}. A pre-norm stack ends with a LayerNorm.
 *
 * <p>Built as DJL's blocks are: {@code TransformerEncoder.builder().setDim(120).setHeads(10).setDepth(2).build()}.
 */
public final class TransformerEncoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final List<EncoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;

    private TransformerEncoder(Builder builder) {
        super(VERSION);
        this.dim = builder.dim;
        for (int i = 0; i < builder.depth; i++) {
            layers.add(addChildBlock("layer" + i, EncoderLayer.builder().setDim(dim).setHeads(builder.heads)
                    .optAttentionDropout(builder.attentionDropout).optAttentionDropoutUnit(builder.attentionDropoutUnit)
                    .optReluDropout(builder.reluDropout)
                    .optResidualDropout(builder.residualDropout).optNorm(builder.norm).build()));
        }
        this.finalNorm = builder.norm == NormPlacement.PRE ? addChildBlock("finalNorm", LayerNorm.builder().axis(2).build()) : null;
    }

    /** A builder: {@link Builder#setDim}, {@link Builder#setHeads} and {@link Builder#setDepth} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    /** Runs every layer on {@code x} with the same key mask. */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray keyMask, boolean training) {
        NDArray h = x;
        for (EncoderLayer layer : layers) {
            h = layer.forward(ps, h, keyMask, training);
        }
        // cut at the output too, so that what reads the encoder's output besides the next layer's input is walked once
        return TrainingAttention.cut(finalNorm == null ? h : finalNorm.forward(ps, new NDList(h), training).head());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (EncoderLayer l : layers) {
            l.initialize(manager, dataType, new Shape(1, 1, dim));
        }
        if (finalNorm != null) {
            finalNorm.initialize(manager, dataType, new Shape(1, 1, dim));
        }
    }

    /** The settings of a {@link TransformerEncoder}: those of {@link AttentionLayerBuilder} and the depth. */
    public static final class Builder extends AttentionLayerBuilder<Builder> {
        private Integer depth;

        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The number of layers; required. */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /** The stack; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public TransformerEncoder build() {
            String block = "TransformerEncoder";
            checkShared(block);
            BuilderChecks.positive(block, "setDepth", depth);
            return new TransformerEncoder(this);
        }
    }
}
