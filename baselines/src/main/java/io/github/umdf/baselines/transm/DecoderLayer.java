package io.github.umdf.baselines.transm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.block.BuilderChecks;
import io.github.umdf.nn.block.CrossmodalAttention;
import io.github.umdf.nn.block.FeedForward;
import io.github.umdf.nn.ops.Layers;

/**
 * A post-norm transformer decoder layer as keras-transformer's {@code get_decoder_component}, which
 * TransModality uses (Vaswani et al. 2017, without a causal mask: {@code history_only=False}):
 * <pre>
 *   Y = LN(X + drop(SelfAttention(X)))
 *   Z = LN(Y + drop(CrossAttention(Y, M)))       queries Y, keys and values the encoder states M
 *   out = LN(Z + drop(FFN(Z)))                   FFN = Linear(d, f) - ReLU - Linear(f, d)
 * </pre>
 * Without cross-attention it is the encoder component ({@code get_encoder_component}). Both attentions
 * are {@link CrossmodalAttention} with key masks, so frames that do not take part are never attended
 * to. umdf-nn's {@code EncoderLayer} fixes the feed-forward width at {@code 4d}; TransModality's is
 * 200 (text-vision) or 120 (text-audio) on {@code d = 100}, hence this block for the encoders too.
 * keras-multi-head applies its {@code attention_activation} (ReLU in TransModality) to the query,
 * key, value and output projections; {@link CrossmodalAttention} has linear projections.
 *
 * <p>Built as DJL's blocks are: {@code DecoderLayer.builder().setDim(100).setHeads(10).setFfnDim(200).optCrossAttention(true).build()}.
 */
public final class DecoderLayer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final float dropout;
    private final CrossmodalAttention selfAttention;
    private final LayerNorm selfNorm;
    private final CrossmodalAttention crossAttention;
    private final LayerNorm crossNorm;
    private final FeedForward feedForward;
    private final LayerNorm feedForwardNorm;

    private DecoderLayer(Builder builder) {
        super(VERSION);
        this.dim = builder.dim;
        this.dropout = builder.dropout;
        int heads = builder.heads;
        this.selfAttention = addChildBlock("selfAttention", new CrossmodalAttention(dim, heads, 0f));
        this.selfNorm = addChildBlock("selfNorm", LayerNorm.builder().axis(2).build());
        this.crossAttention = builder.crossAttention ? addChildBlock("crossAttention", new CrossmodalAttention(dim, heads, 0f)) : null;
        this.crossNorm = builder.crossAttention ? addChildBlock("crossNorm", LayerNorm.builder().axis(2).build()) : null;
        this.feedForward = addChildBlock("feedForward", new FeedForward(dim, builder.ffnDim, 0f));
        this.feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
    }

    /** A builder: {@link Builder#setDim}, {@link Builder#setHeads} and {@link Builder#setFfnDim} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param x          {@code (B, T, d)}
     * @param mask       {@code (B, T)} frames of {@code x} that may be attended to, or null
     * @param memory     encoder states {@code (B, T_m, d)} (ignored without cross-attention)
     * @param memoryMask {@code (B, T_m)} or null
     */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray mask, NDArray memory, NDArray memoryMask, boolean training) {
        NDArray y = norm(ps, selfNorm, drop(selfAttention.attend(ps, x, x, mask, training), training).add(x), training);
        if (crossAttention != null) {
            y = norm(ps, crossNorm, drop(crossAttention.attend(ps, y, memory, memoryMask, training), training).add(y), training);
        }
        NDArray f = feedForward.forward(ps, new NDList(y), training).head();
        return norm(ps, feedForwardNorm, drop(f, training).add(y), training);
    }

    private NDArray drop(NDArray a, boolean training) {
        return Layers.dropout(a, dropout, training);
    }

    private static NDArray norm(ParameterStore ps, LayerNorm ln, NDArray a, boolean training) {
        return Layers.apply(ps, ln, a, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("Use DecoderLayer.forward(ps, x, mask, memory, memoryMask, training)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = new Shape(1, 1, dim);
        selfAttention.initialize(manager, dataType, s, s);
        selfNorm.initialize(manager, dataType, s);
        if (crossAttention != null) {
            crossAttention.initialize(manager, dataType, s, s);
            crossNorm.initialize(manager, dataType, s);
        }
        feedForward.initialize(manager, dataType, s);
        feedForwardNorm.initialize(manager, dataType, s);
    }

    /** The settings of a {@link DecoderLayer}. */
    public static final class Builder {
        private Integer dim;
        private Integer heads;
        private Integer ffnDim;
        private float dropout;
        private boolean crossAttention;

        private Builder() {
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

        /** The feed-forward width {@code f}; required. */
        public Builder setFfnDim(int ffnDim) {
            this.ffnDim = ffnDim;
            return this;
        }

        /** Dropout on each sub-layer's output before its residual sum; default 0. */
        public Builder optDropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /** Whether the layer attends to encoder states (decoder) or not (encoder, the default). */
        public Builder optCrossAttention(boolean crossAttention) {
            this.crossAttention = crossAttention;
            return this;
        }

        /** The layer; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public DecoderLayer build() {
            String block = "DecoderLayer";
            int d = BuilderChecks.positive(block, "setDim", dim);
            BuilderChecks.heads(block, "setHeads", heads, d);
            BuilderChecks.positive(block, "setFfnDim", ffnDim);
            BuilderChecks.rate(block, "optDropout", dropout);
            return new DecoderLayer(this);
        }
    }
}
