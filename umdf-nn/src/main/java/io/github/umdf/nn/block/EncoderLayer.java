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
import io.github.umdf.nn.ops.Layers;

/**
 * A transformer encoder layer (Vaswani et al. 2017) with LayerNorm over the feature axis, post-norm
 * {@code Y = LN(X + drop(SelfAttention(X))); out = LN(Y + drop(FFN(Y)))} or pre-norm
 * {@code Y = X + drop(SelfAttention(LN(X))); out = Y + drop(FFN(LN(Y)))}. Written here because
 * DJL's {@code TransformerEncoderBlock} normalises with BatchNorm. Inputs {@code [x (B, T, D)]} or
 * {@code [x, keyMask (B, T)]}.
 *
 * <p>Built as DJL's blocks are: {@code EncoderLayer.builder().setDim(120).setHeads(10).optNorm(NormPlacement.PRE).build()}.
 */
public final class EncoderLayer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final float resDropout;
    private final NormPlacement norm;
    private final CrossmodalAttention attention;
    private final LayerNorm attentionNorm;
    private final FeedForward feedForward;
    private final LayerNorm feedForwardNorm;

    private EncoderLayer(Builder builder) {
        super(VERSION);
        this.dim = builder.dim;
        this.norm = builder.norm;
        this.resDropout = builder.residualDropout;
        this.attention = addChildBlock("selfAttention", new CrossmodalAttention(dim, builder.heads, builder.attentionDropout,
                builder.attentionDropoutUnit));
        this.attentionNorm = addChildBlock("attentionNorm", LayerNorm.builder().axis(2).build());
        this.feedForward = addChildBlock("feedForward", new FeedForward(dim, 4 * dim, builder.reluDropout));
        this.feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
    }

    /** A builder: {@link Builder#setDim} and {@link Builder#setHeads} are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    /** The layer on {@code x (B, T, D)} with an optional key mask {@code (B, T)}. */
    public NDArray forward(ParameterStore ps, NDArray input, NDArray keyMask, boolean training) {
        NDArray x = TrainingAttention.cut(input); // a training step's backward walks this layer once (TrainingAttention)
        if (norm == NormPlacement.PRE) {
            NDArray n = attentionNorm.forward(ps, new NDList(x), training).head();
            NDArray y = x.add(drop(attention.attend(ps, n, n, keyMask, training), training));
            NDArray m = feedForwardNorm.forward(ps, new NDList(y), training).head();
            return y.add(drop(feedForward.forward(ps, new NDList(m), training).head(), training));
        }
        NDArray a = attention.attend(ps, x, x, keyMask, training);
        NDArray y = attentionNorm.forward(ps, new NDList(drop(a, training).add(x)), training).head();
        NDArray f = feedForward.forward(ps, new NDList(y), training).head();
        return feedForwardNorm.forward(ps, new NDList(drop(f, training).add(y)), training).head();
    }

    private NDArray drop(NDArray a, boolean training) {
        return Layers.dropout(a, resDropout, training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = new Shape(1, 1, dim);
        attention.initialize(manager, dataType, s, s);
        attentionNorm.initialize(manager, dataType, s);
        feedForward.initialize(manager, dataType, s);
        feedForwardNorm.initialize(manager, dataType, s);
    }

    /** The settings of an {@link EncoderLayer}: those of {@link AttentionLayerBuilder}. */
    public static final class Builder extends AttentionLayerBuilder<Builder> {
        private Builder() {
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The layer; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public EncoderLayer build() {
            checkShared("EncoderLayer");
            return new EncoderLayer(this);
        }
    }
}
