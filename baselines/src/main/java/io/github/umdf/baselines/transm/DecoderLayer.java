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

    /**
     * @param dim            model dimension {@code d}
     * @param heads          attention heads, dividing {@code d}
     * @param ffnDim         feed-forward width {@code f}
     * @param dropout        dropout on each sub-layer's output before its residual sum
     * @param crossAttention whether the layer attends to encoder states (decoder) or not (encoder)
     */
    public DecoderLayer(int dim, int heads, int ffnDim, float dropout, boolean crossAttention) {
        super(VERSION);
        this.dim = dim;
        this.dropout = dropout;
        this.selfAttention = addChildBlock("selfAttention", new CrossmodalAttention(dim, heads, 0f));
        this.selfNorm = addChildBlock("selfNorm", LayerNorm.builder().axis(2).build());
        this.crossAttention = crossAttention ? addChildBlock("crossAttention", new CrossmodalAttention(dim, heads, 0f)) : null;
        this.crossNorm = crossAttention ? addChildBlock("crossNorm", LayerNorm.builder().axis(2).build()) : null;
        this.feedForward = addChildBlock("feedForward", new FeedForward(dim, ffnDim, 0f));
        this.feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
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
}
