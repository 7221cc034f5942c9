package io.github.umdf.nn.umdf;

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
import io.github.umdf.nn.block.NormPlacement;
import io.github.umdf.nn.model.ParameterCounts;
import io.github.umdf.nn.ops.Layers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of the Multi-grained Crossmodal Interaction Module (MCIM) for one target modality m,
 * paper eqs. (8)-(9) and Figure 2(a):
 * <pre>
 *   Z_m^c = LN(CA(Z_LAV, X_m) + X_m)                                   coarse-grained
 *   Z_m^f = sum over o != m of LN(CA([Z_m; Z_o], Z_m^c) + Z_m^c)       fine-grained
 *   Z_m^h = LN(FFN(Z_m^f) + Z_m^f)
 * </pre>
 * where {@code X_m} is the target's running representation (Z_m for the first layer) and the
 * sources are concatenated along time. Attention outputs pass MulT's residual dropout before the
 * residual sum (post-norm, as the equations write it). With fewer than three modalities in a data
 * set there is one fine-grained branch per other modality.
 *
 * <p>Ablation "without MCIM" ({@code crossmodal = false}, paper Table 3): every crossmodal
 * attention is replaced by self-attention within the target, i.e. the coarse branch attends over
 * {@code X_m} and each fine branch over {@code Z_m^c}; the child blocks are then named
 * {@code *SelfAttention*} and no crossmodal attention parameters exist.
 */
public final class McimLayer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final int fineBranches;
    private final boolean crossmodal;
    private final float resDropout;
    private final NormPlacement norm;
    private final CrossmodalAttention coarse;
    private final LayerNorm coarseNorm;
    private final List<CrossmodalAttention> fine = new ArrayList<>();
    private final List<LayerNorm> fineNorms = new ArrayList<>();
    private final FeedForward feedForward;
    private final LayerNorm feedForwardNorm;

    /**
     * @param dim          model dimension {@code d}
     * @param heads        attention heads
     * @param fineBranches number of fine-grained branches (other modalities; 2 for L, A, V)
     * @param crossmodal   false for the "without MCIM" ablation (self-attention only)
     * @param attnDropout  dropout on attention weights (MulT: 0.1 for language targets, 0 otherwise)
     * @param reluDropout  dropout inside the feed-forward network
     * @param resDropout   dropout on each sub-layer output before its residual sum
     * @param norm         post-norm (the paper's equations) or pre-norm (MulT's code)
     */
    public McimLayer(int dim, int heads, int fineBranches, boolean crossmodal, float attnDropout, float reluDropout,
                     float resDropout, NormPlacement norm) {
        super(VERSION);
        this.dim = dim;
        this.norm = norm;
        this.fineBranches = fineBranches;
        this.crossmodal = crossmodal;
        this.resDropout = resDropout;
        String kind = crossmodal ? "CrossmodalAttention" : "SelfAttention";
        this.coarse = addChildBlock("coarse" + kind, new CrossmodalAttention(dim, heads, attnDropout));
        this.coarseNorm = addChildBlock("coarseNorm", LayerNorm.builder().axis(2).build());
        for (int i = 0; i < fineBranches; i++) {
            fine.add(addChildBlock("fine" + kind + i, new CrossmodalAttention(dim, heads, attnDropout)));
            fineNorms.add(addChildBlock("fineNorm" + i, LayerNorm.builder().axis(2).build()));
        }
        this.feedForward = addChildBlock("feedForward", new FeedForward(dim, 4 * dim, reluDropout));
        this.feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
    }

    /**
     * One layer for one target.
     *
     * @param x            running target representation {@code (B, T_m, d)}
     * @param targetMask   key mask of the target {@code (B, T_m)} or null (used by the ablation)
     * @param coarseSource {@code Z_LAV (B, sum T, d)}
     * @param coarseMask   its key mask or null
     * @param fineSources  per other modality o, {@code [Z_m; Z_o] (B, T_m + T_o, d)}
     * @param fineMasks    their key masks (entries may be null)
     * @return {@code Z_m^h (B, T_m, d)}
     */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray targetMask, NDArray coarseSource, NDArray coarseMask,
                           List<NDArray> fineSources, List<NDArray> fineMasks, boolean training) {
        if (norm == NormPlacement.PRE) {
            return forwardPreNorm(ps, x, targetMask, coarseSource, coarseMask, fineSources, fineMasks, training);
        }
        NDArray zc = crossmodal
                ? coarse.attend(ps, x, coarseSource, coarseMask, training)
                : coarse.attend(ps, x, x, targetMask, training);
        zc = norm(ps, coarseNorm, residualDropout(zc, training).add(x), training);
        NDArray zf = null;
        for (int i = 0; i < fineBranches; i++) {
            NDArray a = crossmodal
                    ? fine.get(i).attend(ps, zc, fineSources.get(i), fineMasks.get(i), training)
                    : fine.get(i).attend(ps, zc, zc, targetMask, training);
            NDArray branch = norm(ps, fineNorms.get(i), residualDropout(a, training).add(zc), training);
            zf = zf == null ? branch : zf.add(branch);
        }
        if (zf == null) {
            zf = zc; // a data set with a single modality has no fine-grained branch
        }
        NDArray ff = feedForward.forward(ps, new NDList(zf), training).head();
        return norm(ps, feedForwardNorm, residualDropout(ff, training).add(zf), training);
    }

    /** Pre-norm: {@code x + CA(LN(source), LN(x))}, each LN shared by its query and its source (MulT). */
    private NDArray forwardPreNorm(ParameterStore ps, NDArray x, NDArray targetMask, NDArray coarseSource, NDArray coarseMask,
                                   List<NDArray> fineSources, List<NDArray> fineMasks, boolean training) {
        NDArray q = norm(ps, coarseNorm, x, training);
        NDArray a = crossmodal
                ? coarse.attend(ps, q, norm(ps, coarseNorm, coarseSource, training), coarseMask, training)
                : coarse.attend(ps, q, q, targetMask, training);
        NDArray zc = x.add(residualDropout(a, training));
        NDArray zf = null;
        for (int i = 0; i < fineBranches; i++) {
            NDArray qi = norm(ps, fineNorms.get(i), zc, training);
            NDArray ai = crossmodal
                    ? fine.get(i).attend(ps, qi, norm(ps, fineNorms.get(i), fineSources.get(i), training), fineMasks.get(i), training)
                    : fine.get(i).attend(ps, qi, qi, targetMask, training);
            NDArray branch = zc.add(residualDropout(ai, training));
            zf = zf == null ? branch : zf.add(branch);
        }
        if (zf == null) {
            zf = zc;
        }
        NDArray ff = feedForward.forward(ps, new NDList(norm(ps, feedForwardNorm, zf, training)), training).head();
        return zf.add(residualDropout(ff, training));
    }

    private NDArray residualDropout(NDArray a, boolean training) {
        return Layers.dropout(a, resDropout, training);
    }

    private static NDArray norm(ParameterStore ps, LayerNorm ln, NDArray a, boolean training) {
        return Layers.apply(ps, ln, a, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("Use McimLayer.forward(ps, x, targetMask, coarseSource, ...)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = new Shape(1, 1, dim);
        coarse.initialize(manager, dataType, s, s);
        coarseNorm.initialize(manager, dataType, s);
        for (int i = 0; i < fineBranches; i++) {
            fine.get(i).initialize(manager, dataType, s, s);
            fineNorms.get(i).initialize(manager, dataType, s);
        }
        feedForward.initialize(manager, dataType, s);
        feedForwardNorm.initialize(manager, dataType, s);
    }

    /**
     * Number of parameters per kind of sub-layer, in the order the layer adds them:
     * {@code coarseAttention}, {@code layerNorm} (every LayerNorm of the layer), {@code fineAttention}
     * (all branches; absent without a fine-grained branch) and {@code feedForward}.
     */
    public Map<String, Long> parameterCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.merge("coarseAttention", ParameterCounts.of(coarse), Long::sum);
        counts.merge("layerNorm", ParameterCounts.of(coarseNorm), Long::sum);
        for (int i = 0; i < fineBranches; i++) {
            counts.merge("fineAttention", ParameterCounts.of(fine.get(i)), Long::sum);
            counts.merge("layerNorm", ParameterCounts.of(fineNorms.get(i)), Long::sum);
        }
        counts.merge("feedForward", ParameterCounts.of(feedForward), Long::sum);
        counts.merge("layerNorm", ParameterCounts.of(feedForwardNorm), Long::sum);
        return counts;
    }

    /** Whether this layer attends across modalities (false in the "without MCIM" ablation). */
    public boolean crossmodal() {
        return crossmodal;
    }
}
