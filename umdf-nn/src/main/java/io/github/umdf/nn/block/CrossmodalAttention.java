package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.ops.Layers;
import io.github.umdf.nn.ops.Masks;
import io.github.umdf.nn.ops.Scalars;

/**
 * Multi-head crossmodal attention, paper eq. (7):
 * {@code CA(X_s, X_t) = softmax(X_t W_Q (X_s W_K)^T / sqrt(d_k)) X_s W_V}, followed by an output
 * projection, with {@code heads} heads of size {@code d / heads}. Queries come from the target
 * sequence {@code X_t}, keys and values from the source {@code X_s}; with {@code X_s = X_t} it is
 * ordinary self-attention.
 *
 * <p>Inputs: {@code [query (B, Tq, d), source (B, Tk, d)]} or
 * {@code [query, source, keyMask (B, Tk)]} with 1 = attend, 0 = ignore. A query whose keys are all
 * masked yields a zero vector (SPEC D2), never NaN. Output: {@code [(B, Tq, d)]}.
 *
 * <p>Without autograd (inference, validation) and with heads of at most
 * {@value InferenceAttention#MAX_HEAD_DIM} channels the attention runs as a Java Vector API kernel that
 * reads the projections in place ({@link InferenceAttention}). In a training step of the training loop
 * (a {@link TrainingAttention} tape open), with such heads and without attention dropout or with
 * {@link AttentionDropoutUnit#KEY}, it runs as Java Vector API kernels forward and backward
 * ({@link TrainingAttention}). Otherwise, without attention dropout
 * (attentions whose rate is 0) it runs as PyTorch's fused kernel ({@link FusedAttention}), which never
 * stores the {@code B x heads x Tq x Tk} attention map. Attention dropout drops either single weights
 * ({@link AttentionDropoutUnit#WEIGHT}, the default: one TorchScript call that keeps only a boolean
 * dropout mask for the backward pass) or whole keys of a head ({@link AttentionDropoutUnit#KEY}: the
 * values are scaled by a per-key keep mask and the fused kernel runs). With {@code -Dumdf.attention=explicit} it is written out (matmul,
 * in-place mask add, softmax, DJL's dropout, matmul): the reference the fused paths are tested against.
 */
public final class CrossmodalAttention extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final int heads;
    private final float attentionDropout;
    private final AttentionDropoutUnit dropoutUnit;
    private final Linear query;
    private final Linear keyValue;
    private final Linear output;

    /**
     * @param dim              model dimension {@code d}
     * @param heads            number of heads; must divide {@code dim}
     * @param attentionDropout dropout rate on the attention weights, each dropped independently
     */
    public CrossmodalAttention(int dim, int heads, float attentionDropout) {
        this(dim, heads, attentionDropout, AttentionDropoutUnit.WEIGHT);
    }

    /**
     * @param dim              model dimension {@code d}
     * @param heads            number of heads; must divide {@code dim}
     * @param attentionDropout dropout rate on the attention weights
     * @param dropoutUnit      what the attention dropout drops: single weights or whole keys of a head
     */
    public CrossmodalAttention(int dim, int heads, float attentionDropout, AttentionDropoutUnit dropoutUnit) {
        super(VERSION);
        if (dropoutUnit == null) {
            throw new IllegalArgumentException("Expected an attention dropout unit (WEIGHT or KEY), found null");
        }
        if (heads < 1 || dim % heads != 0) {
            throw new IllegalArgumentException("Expected heads dividing the model dimension " + dim + ", found " + heads);
        }
        this.dim = dim;
        this.heads = heads;
        this.attentionDropout = attentionDropout;
        this.dropoutUnit = dropoutUnit;
        this.query = addChildBlock("query", Linear.builder().setUnits(dim).build());
        this.keyValue = addChildBlock("keyValue", Linear.builder().setUnits(2L * dim).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(dim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray q = inputs.get(0);
        NDArray source = inputs.get(1);
        NDArray mask = inputs.size() > 2 ? inputs.get(2) : null;
        return new NDList(attend(ps, q, source, mask, training));
    }

    /** The attention output {@code (B, Tq, d)}; see the class comment. */
    public NDArray attend(ParameterStore ps, NDArray target, NDArray source, NDArray keyMask, boolean training) {
        long b = target.getShape().get(0);
        long tq = target.getShape().get(1);
        long tk = source.getShape().get(1);
        int dh = dim / heads;
        // scale the queries (B x Tq x d values) rather than the scores (B x heads x Tq x Tk values)
        NDArray qRows = Scalars.mul(query.forward(ps, new NDList(target), training).head(), 1f / (float) Math.sqrt(dh));
        NDArray kvRows = keyValue.forward(ps, new NDList(source), training).head(); // (B, Tk, 2d)
        boolean dropout = training && attentionDropout > 0f;
        // without autograd and dropout, small heads take the Java Vector API kernel (null when it does not apply)
        NDArray context = dropout ? null : InferenceAttention.attend(qRows, kvRows, keyMask, heads);
        if (context == null && training && (!dropout || dropoutUnit == AttentionDropoutUnit.KEY)) {
            // a training step with a tape open: the Java kernels forward and backward (null when they do not apply)
            context = TrainingAttention.attend(qRows, kvRows, keyMask, heads,
                    dropout ? kv -> keyDropout(kv, b, tk) : null);
        }
        if (context == null) {
            context = attendHeads(qRows.reshape(b, tq, heads, dh).transpose(0, 2, 1, 3), // (B, H, Tq, dh)
                    kvRows.reshape(b, tk, 2, heads, dh).transpose(2, 0, 3, 1, 4), // (2, B, H, Tk, dh)
                    keyMask, dropout)
                    .transpose(0, 2, 1, 3).reshape(b, tq, dim); // (B, Tq, d)
        }
        NDArray out = output.forward(ps, new NDList(context), training).head();
        if (keyMask != null) {
            // a sample whose keys are all masked attends to nothing: its output is zero (SPEC D2), never NaN;
            // done on the (B, Tq, d) output rather than on the attention weights
            out = out.mul(Masks.anyKept(keyMask).reshape(b, 1, 1));
        }
        return out;
    }

    /** {@code (B, H, Tq, dh)}: the heads' attention by the fused kernel or written out, with dropout when asked. */
    private NDArray attendHeads(NDArray q, NDArray kv, NDArray keyMask, boolean dropout) {
        long b = q.getShape().get(0);
        long tk = kv.getShape().get(3);
        NDArray k = kv.get(0);
        NDArray v = kv.get(1);
        // additive key mask (B, 1, 1, Tk): 0 = attend, MASKED_SCORE = ignore; no gradient flows into it
        NDArray bias = keyMask == null ? null : keyMask.sub(1f).mul(-Masks.MASKED_SCORE).reshape(b, 1, 1, tk);
        if (dropout && dropoutUnit == AttentionDropoutUnit.KEY) {
            // drop key j of a head for all its queries: sum_j w_ij m_j v_j / (1 - p) is the attention over
            // the values m_j v_j / (1 - p), so the values are scaled and no attention map is needed
            v = v.mul(keyKeepMask(v.getManager(), b, tk, v.getDataType()));
            dropout = false;
        }
        if (!FusedAttention.enabled()) {
            return writtenOut(q, k, v, bias, dropout);
        } else if (dropout) {
            return FusedAttention.attendWithDropout(q, k, v, bias, attentionDropout);
        }
        return FusedAttention.attend(q, k, v, bias);
    }

    /**
     * Keys and values {@code (B, Tk, 2d)} with the values scaled by {@link #keyKeepMask} (the same draw as
     * the other paths of {@link AttentionDropoutUnit#KEY}).
     */
    private NDArray keyDropout(NDArray kvRows, long b, long tk) {
        NDArray keep = keyKeepMask(kvRows.getManager(), b, tk, kvRows.getDataType()) // (B, H, Tk, 1)
                .transpose(0, 2, 1, 3).reshape(b, tk, 1, heads, 1);
        NDArray scale = keep.onesLike().concat(keep, 2); // (B, Tk, 2, H, 1): keys kept as they are
        return kvRows.reshape(b, tk, 2, heads, dim / heads).mul(scale).reshape(b, tk, 2L * dim);
    }

    /**
     * The per-key keep mask of {@link AttentionDropoutUnit#KEY}: {@code (B, H, Tk, 1)}, each entry 0 with
     * probability {@code p} and {@code 1 / (1 - p)} otherwise, drawn as DJL's dropout of a tensor of ones
     * (the engine's seeded generator).
     */
    NDArray keyKeepMask(NDManager manager, long b, long tk, DataType type) {
        return Layers.dropout(manager.ones(new Shape(b, heads, tk, 1), type), attentionDropout, true);
    }

    /** What the attention dropout of this block drops. */
    public AttentionDropoutUnit dropoutUnit() {
        return dropoutUnit;
    }

    /**
     * {@code dropout(softmax(q k^T + bias)) v}, written out: the reference for {@link FusedAttention} and
     * the path that drops attention weights. {@code (B, H, Tq, dh)}.
     */
    private NDArray writtenOut(NDArray q, NDArray k, NDArray v, NDArray bias, boolean dropout) {
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)); // (B, H, Tq, Tk)
        if (bias != null) {
            scores.addi(bias); // in place: matMul's backward does not need its output, and no second map is allocated
        }
        NDArray weights = scores.softmax(-1);
        if (dropout) {
            weights = Layers.dropout(weights, attentionDropout, true);
        }
        return weights.matMul(v);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = new Shape(1, 1, dim);
        query.initialize(manager, dataType, s);
        keyValue.initialize(manager, dataType, s);
        output.initialize(manager, dataType, s);
    }

    public int dim() {
        return dim;
    }

    public int heads() {
        return heads;
    }
}
