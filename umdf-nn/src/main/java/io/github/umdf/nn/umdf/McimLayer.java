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
import io.github.umdf.nn.block.AttentionDropoutUnit;
import io.github.umdf.nn.block.BuilderChecks;
import io.github.umdf.nn.block.CrossmodalAttention;
import io.github.umdf.nn.block.FeedForward;
import io.github.umdf.nn.block.NormPlacement;
import io.github.umdf.nn.block.TrainingAttention;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.ParameterCounts;
import io.github.umdf.nn.ops.Layers;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

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
 * <p>The fine-grained branches are keyed by their source modality {@code o}: the layer holds them in
 * an {@link EnumMap}, {@link #forward} takes their sources and masks by modality, and the branches
 * are summed in canonical modality order (language, audio, vision). Their child blocks are named
 * {@code fine*Attention<i>} and {@code fineNorm<i>}, where {@code i} is the rank of {@code o} among
 * the target's sources in canonical order (target language: audio 0, vision 1; target audio:
 * language 0, vision 1): the names saved models have, fixed by the modalities, not by the order a
 * caller lists them in.
 *
 * <p>Ablation "without MCIM" ({@code crossmodal = false}, paper Table 3): every crossmodal
 * attention is replaced by self-attention within the target, i.e. the coarse branch attends over
 * {@code X_m} and each fine branch over {@code Z_m^c}; the child blocks are then named
 * {@code *SelfAttention*} and no crossmodal attention parameters exist.
 *
 * <p>Built as DJL's blocks are:
 * {@code McimLayer.builder().setDim(40).setHeads(10).setTarget(Modality.AUDIO).setModalities(schema.modalities()).build()}.
 */
public final class McimLayer extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final Modality target;
    private final boolean crossmodal;
    private final float resDropout;
    private final NormPlacement norm;
    private final FineResidual fineResidual;
    private final CrossmodalAttention coarse;
    private final LayerNorm coarseNorm;
    private final EnumMap<Modality, CrossmodalAttention> fine = new EnumMap<>(Modality.class);
    private final EnumMap<Modality, LayerNorm> fineNorms = new EnumMap<>(Modality.class);
    private final FeedForward feedForward;
    private final LayerNorm feedForwardNorm;

    private McimLayer(Builder builder) {
        super(VERSION);
        this.dim = builder.dim;
        this.target = builder.target;
        this.norm = builder.norm;
        this.fineResidual = builder.fineResidual;
        this.crossmodal = builder.crossmodal;
        this.resDropout = builder.residualDropout;
        int heads = builder.heads;
        float attnDropout = builder.attentionDropout;
        String kind = crossmodal ? "CrossmodalAttention" : "SelfAttention";
        this.coarse = addChildBlock("coarse" + kind, new CrossmodalAttention(dim, heads, attnDropout,
                builder.attentionDropoutUnit));
        this.coarseNorm = addChildBlock("coarseNorm", LayerNorm.builder().axis(2).build());
        int rank = 0;
        for (Modality o : builder.modalities) { // an EnumSet: canonical order
            if (o != target) {
                fine.put(o, addChildBlock("fine" + kind + rank, new CrossmodalAttention(dim, heads, attnDropout,
                        builder.attentionDropoutUnit)));
                fineNorms.put(o, addChildBlock("fineNorm" + rank, LayerNorm.builder().axis(2).build()));
                rank++;
            }
        }
        this.feedForward = addChildBlock("feedForward", new FeedForward(dim, 4 * dim, builder.reluDropout));
        this.feedForwardNorm = addChildBlock("feedForwardNorm", LayerNorm.builder().axis(2).build());
    }

    /**
     * A builder: {@link Builder#setDim}, {@link Builder#setHeads}, {@link Builder#setTarget} and
     * {@link Builder#setModalities} are required.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * One layer for one target.
     *
     * @param x            running target representation {@code (B, T_m, d)}
     * @param targetMask   key mask of the target {@code (B, T_m)} or null (used by the ablation)
     * @param coarseSource {@code Z_LAV (B, sum T, d)}
     * @param coarseMask   its key mask or null
     * @param fineSources  per source modality o, {@code [Z_m; Z_o] (B, T_m + T_o, d)} (unused by the ablation)
     * @param fineMasks    per source modality o, the key mask of {@code [Z_m; Z_o]}; no entry or null
     *                     for "attend to every frame"
     * @return {@code Z_m^h (B, T_m, d)}
     */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray targetMask, NDArray coarseSource, NDArray coarseMask,
                           Map<Modality, NDArray> fineSources, Map<Modality, NDArray> fineMasks, boolean training) {
        if (crossmodal && !fineSources.keySet().containsAll(fine.keySet())) {
            throw new IllegalArgumentException("McimLayer for " + target.key() + ": expected a fine-grained source for each of "
                    + fine.keySet() + ", found " + fineSources.keySet());
        }
        if (norm == NormPlacement.PRE) {
            return forwardPreNorm(ps, x, targetMask, coarseSource, coarseMask, fineSources, fineMasks, training);
        }
        NDArray zc = crossmodal
                ? coarse.attend(ps, x, coarseSource, coarseMask, training)
                : coarse.attend(ps, x, x, targetMask, training);
        zc = TrainingAttention.cut(norm(ps, coarseNorm, residualDropout(zc, training).add(x), training));
        NDArray zf = null;
        for (Map.Entry<Modality, CrossmodalAttention> branch : fine.entrySet()) {
            Modality o = branch.getKey();
            NDArray a = crossmodal
                    ? branch.getValue().attend(ps, zc, fineSources.get(o), fineMasks.get(o), training)
                    : branch.getValue().attend(ps, zc, zc, targetMask, training);
            NDArray z = norm(ps, fineNorms.get(o), residualDropout(a, training).add(zc), training);
            zf = zf == null ? z : zf.add(z);
        }
        if (zf == null) {
            zf = zc; // a data set with a single modality has no fine-grained branch
        }
        NDArray ff = feedForward.forward(ps, new NDList(zf), training).head();
        return norm(ps, feedForwardNorm, residualDropout(ff, training).add(zf), training);
    }

    /**
     * Pre-norm: {@code x + CA(LN(source), LN(x))}, each LN shared by its query and its source (MulT); the
     * fine-grained branches add to {@code Z^c} once ({@link FineResidual#ONCE}) or once each.
     */
    private NDArray forwardPreNorm(ParameterStore ps, NDArray x, NDArray targetMask, NDArray coarseSource, NDArray coarseMask,
                                   Map<Modality, NDArray> fineSources, Map<Modality, NDArray> fineMasks, boolean training) {
        NDArray q = norm(ps, coarseNorm, x, training);
        NDArray a = crossmodal
                ? coarse.attend(ps, q, norm(ps, coarseNorm, coarseSource, training), coarseMask, training)
                : coarse.attend(ps, q, q, targetMask, training);
        NDArray zc = TrainingAttention.cut(x.add(residualDropout(a, training))); // see TrainingAttention
        NDArray zf = null;
        for (Map.Entry<Modality, CrossmodalAttention> branch : fine.entrySet()) {
            Modality o = branch.getKey();
            LayerNorm ln = fineNorms.get(o);
            NDArray qo = norm(ps, ln, zc, training);
            NDArray ao = crossmodal
                    ? branch.getValue().attend(ps, qo, norm(ps, ln, fineSources.get(o), training), fineMasks.get(o), training)
                    : branch.getValue().attend(ps, qo, qo, targetMask, training);
            NDArray r = residualDropout(ao, training);
            if (fineResidual == FineResidual.PER_BRANCH) {
                NDArray z = zc.add(r);
                zf = zf == null ? z : zf.add(z);
            } else {
                zf = (zf == null ? zc : zf).add(r); // Z^c + a_0 + a_1
            }
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
        for (Modality o : fine.keySet()) {
            fine.get(o).initialize(manager, dataType, s, s);
            fineNorms.get(o).initialize(manager, dataType, s);
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
        for (Modality o : fine.keySet()) {
            counts.merge("fineAttention", ParameterCounts.of(fine.get(o)), Long::sum);
            counts.merge("layerNorm", ParameterCounts.of(fineNorms.get(o)), Long::sum);
        }
        counts.merge("feedForward", ParameterCounts.of(feedForward), Long::sum);
        counts.merge("layerNorm", ParameterCounts.of(feedForwardNorm), Long::sum);
        return counts;
    }

    /** Whether this layer attends across modalities (false in the "without MCIM" ablation). */
    public boolean crossmodal() {
        return crossmodal;
    }

    /** The target modality m. */
    public Modality target() {
        return target;
    }

    /** The source modalities of the fine-grained branches (every other modality), in canonical order. */
    public Set<Modality> sources() {
        return Collections.unmodifiableSet(fine.keySet());
    }

    /** The settings of an {@link McimLayer}. */
    public static final class Builder {
        private Integer dim;
        private Integer heads;
        private Modality target;
        private EnumSet<Modality> modalities;
        private boolean crossmodal = true;
        private float attentionDropout;
        private AttentionDropoutUnit attentionDropoutUnit = AttentionDropoutUnit.WEIGHT;
        private float reluDropout;
        private float residualDropout;
        private NormPlacement norm = NormPlacement.POST;
        private FineResidual fineResidual = FineResidual.ONCE;

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

        /** The target modality m whose representation the layer updates; required. */
        public Builder setTarget(Modality target) {
            this.target = target;
            return this;
        }

        /**
         * The data set's modalities, the target among them, in any order: one fine-grained branch per
         * other modality; required.
         */
        public Builder setModalities(Collection<Modality> modalities) {
            this.modalities = modalities.isEmpty() ? EnumSet.noneOf(Modality.class) : EnumSet.copyOf(modalities);
            return this;
        }

        /** False for the "without MCIM" ablation (self-attention only); default true. */
        public Builder optCrossmodal(boolean crossmodal) {
            this.crossmodal = crossmodal;
            return this;
        }

        /** Dropout on attention weights (MulT: 0.1 for language targets, 0 otherwise); default 0. */
        public Builder optAttentionDropout(float rate) {
            this.attentionDropout = rate;
            return this;
        }

        /** What the attention dropout drops: single weights (the default, MulT) or whole keys of a head. */
        public Builder optAttentionDropoutUnit(AttentionDropoutUnit unit) {
            this.attentionDropoutUnit = unit;
            return this;
        }

        /** Dropout inside the feed-forward network; default 0. */
        public Builder optReluDropout(float rate) {
            this.reluDropout = rate;
            return this;
        }

        /** Dropout on each sub-layer output before its residual sum; default 0. */
        public Builder optResidualDropout(float rate) {
            this.residualDropout = rate;
            return this;
        }

        /** Post-norm (the paper's equations; the default) or pre-norm (MulT's code). */
        public Builder optNorm(NormPlacement norm) {
            this.norm = norm;
            return this;
        }

        /** Pre-norm only: the residual once for all fine-grained branches (the default) or once per branch. */
        public Builder optFineResidual(FineResidual fineResidual) {
            this.fineResidual = fineResidual;
            return this;
        }

        /** The layer; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public McimLayer build() {
            String block = "McimLayer";
            int d = BuilderChecks.positive(block, "setDim", dim);
            BuilderChecks.heads(block, "setHeads", heads, d);
            BuilderChecks.required(block, "setTarget", "a target modality", target);
            BuilderChecks.required(block, "setModalities", "the data set's modalities", modalities);
            BuilderChecks.check(modalities.contains(target), block, "setModalities",
                    "modalities including the target " + target.key(), modalities);
            BuilderChecks.rate(block, "optAttentionDropout", attentionDropout);
            BuilderChecks.required(block, "optAttentionDropoutUnit", "an attention dropout unit", attentionDropoutUnit);
            BuilderChecks.rate(block, "optReluDropout", reluDropout);
            BuilderChecks.rate(block, "optResidualDropout", residualDropout);
            BuilderChecks.required(block, "optNorm", "a norm placement", norm);
            BuilderChecks.required(block, "optFineResidual", "a fine-grained residual rule", fineResidual);
            return new McimLayer(this);
        }
    }
}
