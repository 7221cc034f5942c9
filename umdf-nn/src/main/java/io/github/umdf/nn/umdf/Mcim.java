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
import io.github.umdf.nn.block.ModalityProjection;
import io.github.umdf.nn.block.NormPlacement;
import io.github.umdf.nn.block.TrainingAttention;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.ParameterCounts;
import io.github.umdf.nn.ops.Masks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Multi-grained Crossmodal Interaction Module: per modality a {@link ModalityProjection} to
 * {@code Z_m}, then {@code D} stacked {@link McimLayer}s per target modality (paper section
 * "Multi-grained Crossmodal Interaction Module"). Modalities are addressed by name; the module
 * works with the modalities the data set has (three in the paper), in canonical order whatever order
 * they are added in: child blocks {@code projection_<m>}, {@code layer<l>_<m>} and, pre-norm,
 * {@code finalNorm_<m>}.
 *
 * <p>Keys and values follow {@link KeySource} (SPEC D1). Concatenation order of a key source does
 * not change attention (a weighted sum over keys), so each pair source {@code [Z_m; Z_o]} is built
 * once and shared by both of its targets.
 *
 * <p>Built as DJL's blocks are: {@code Mcim.builder().addModality(Modality.LANGUAGE, 300).addModality(Modality.AUDIO, 5)
 * .setDim(40).setHeads(10).setDepth(4).build()}.
 */
public final class Mcim extends AbstractBlock {
    private static final byte VERSION = 1;

    private final List<Modality> modalities;
    private final int dim;
    private final KeySource keySource;
    private final EnumMap<Modality, ModalityProjection> projections = new EnumMap<>(Modality.class);
    private final List<EnumMap<Modality, McimLayer>> layers = new ArrayList<>();
    private final EnumMap<Modality, LayerNorm> finalNorms = new EnumMap<>(Modality.class);

    private Mcim(Builder builder) {
        super(VERSION);
        this.modalities = new ArrayList<>(builder.inputDims.keySet());
        this.dim = builder.dim;
        this.keySource = builder.keySource;
        for (Modality m : modalities) {
            projections.put(m, addChildBlock("projection_" + m.key(),
                    new ModalityProjection(builder.inputDims.get(m), dim, builder.projectionKernel, builder.embedDropout)));
        }
        for (int l = 0; l < builder.depth; l++) {
            EnumMap<Modality, McimLayer> perTarget = new EnumMap<>(Modality.class);
            for (Modality m : modalities) {
                perTarget.put(m, addChildBlock("layer" + l + "_" + m.key(), McimLayer.builder().setDim(dim).setHeads(builder.heads)
                        .setTarget(m).setModalities(modalities).optCrossmodal(builder.crossmodal)
                        .optAttentionDropout(builder.attentionDropout.getOrDefault(m, 0f))
                        .optAttentionDropoutUnit(builder.attentionDropoutUnit).optReluDropout(builder.reluDropout)
                        .optResidualDropout(builder.residualDropout).optNorm(builder.norm).optFineResidual(builder.fineResidual).build()));
            }
            layers.add(perTarget);
        }
        if (builder.norm == NormPlacement.PRE) {
            for (Modality m : modalities) {
                finalNorms.put(m, addChildBlock("finalNorm_" + m.key(), LayerNorm.builder().axis(2).build()));
            }
        }
    }

    /**
     * A builder: at least one {@link Builder#addModality}, {@link Builder#setDim}, {@link Builder#setHeads}
     * and {@link Builder#setDepth} are required.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the module.
     *
     * @param inputs   per modality the zero-filled features {@code (B, T_m, d_m)}
     * @param keyMasks per modality the key mask {@code (B, T_m)}, or no entry / null for "attend to every frame"
     * @return per modality {@code Z_m^h (B, T_m, d)}
     */
    public EnumMap<Modality, NDArray> forward(ParameterStore ps, Map<Modality, NDArray> inputs,
                                              Map<Modality, NDArray> keyMasks, boolean training) {
        EnumMap<Modality, NDArray> z = new EnumMap<>(Modality.class);
        for (Modality m : modalities) {
            // cuts at every layer's inputs keep each backward call of a training step inside one layer (TrainingAttention)
            z.put(m, TrainingAttention.cut(projections.get(m).forward(ps, new NDList(inputs.get(m)), training).head()));
        }
        EnumMap<Modality, NDArray> x = new EnumMap<>(z);
        Sources low = keySource == KeySource.LOW_LEVEL ? new Sources(z, keyMasks) : null;
        for (EnumMap<Modality, McimLayer> layer : layers) {
            if (layer != layers.get(0)) {
                x.replaceAll((m, a) -> TrainingAttention.cut(a));
            }
            Sources src = low != null ? low : new Sources(x, keyMasks);
            EnumMap<Modality, NDArray> next = new EnumMap<>(Modality.class);
            for (Modality m : modalities) {
                EnumMap<Modality, NDArray> fineSources = new EnumMap<>(Modality.class);
                EnumMap<Modality, NDArray> fineMasks = new EnumMap<>(Modality.class);
                for (Modality o : modalities) {
                    if (o != m) {
                        fineSources.put(o, src.pair(m, o));
                        fineMasks.put(o, src.pairMask(m, o));
                    }
                }
                next.put(m, layer.get(m).forward(ps, x.get(m), keyMasks.get(m), src.all, src.allMask, fineSources,
                        fineMasks, training));
            }
            x = next;
        }
        if (!finalNorms.isEmpty()) {
            for (Modality m : modalities) {
                x.put(m, finalNorms.get(m).forward(ps, new NDList(x.get(m)), training).head());
            }
        }
        x.replaceAll((m, a) -> TrainingAttention.cut(a)); // see TrainingAttention: each part of the graph walked once
        return x;
    }

    /** Key/value sources of one layer: the full concatenation and each unordered pair. */
    private final class Sources {
        final NDArray all;
        final NDArray allMask;
        final Map<String, NDArray> pairs = new java.util.HashMap<>();
        final Map<String, NDArray> pairMasks = new java.util.HashMap<>();
        final Map<Modality, NDArray> seq;
        final Map<Modality, NDArray> masks;

        Sources(Map<Modality, NDArray> seq, Map<Modality, NDArray> masks) {
            this.seq = seq;
            this.masks = masks;
            NDArray[] parts = modalities.stream().map(seq::get).toArray(NDArray[]::new);
            NDArray[] maskParts = modalities.stream().map(m -> maskOrOnes(m)).toArray(NDArray[]::new);
            this.all = Masks.concatTime(parts);
            this.allMask = anyMask() ? Masks.concatMasks(maskParts) : null;
        }

        private boolean anyMask() {
            return modalities.stream().anyMatch(m -> masks.get(m) != null);
        }

        private NDArray maskOrOnes(Modality m) {
            NDArray k = masks.get(m);
            if (k != null || !anyMask()) {
                return k;
            }
            NDArray s = seq.get(m);
            return s.getManager().ones(new Shape(s.getShape().get(0), s.getShape().get(1)));
        }

        private String key(Modality m, Modality o) {
            return m.compareTo(o) < 0 ? m.key() + o.key() : o.key() + m.key();
        }

        NDArray pair(Modality m, Modality o) {
            Modality a = m.compareTo(o) < 0 ? m : o;
            Modality b = a == m ? o : m;
            return pairs.computeIfAbsent(key(m, o), k -> Masks.concatTime(seq.get(a), seq.get(b)));
        }

        NDArray pairMask(Modality m, Modality o) {
            if (masks.get(m) == null && masks.get(o) == null) {
                return null;
            }
            Modality a = m.compareTo(o) < 0 ? m : o;
            Modality b = a == m ? o : m;
            return pairMasks.computeIfAbsent(key(m, o), k -> Masks.concatMasks(maskOrOnes(a), maskOrOnes(b)));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("Use Mcim.forward(ps, inputs, keyMasks, training)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] out = new Shape[inputShapes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = new Shape(inputShapes[i].get(0), inputShapes[i].get(1), dim);
        }
        return out;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Modality m : modalities) {
            projections.get(m).initialize(manager, dataType, new Shape(1, 8, 1));
        }
        for (EnumMap<Modality, McimLayer> layer : layers) {
            for (McimLayer l : layer.values()) {
                l.initialize(manager, dataType, new Shape(1, 1, dim));
            }
        }
        for (LayerNorm n : finalNorms.values()) {
            n.initialize(manager, dataType, new Shape(1, 1, dim));
        }
    }

    /**
     * Number of parameters per component, in the order the module adds them: {@code projection.<modality>}
     * per modality, then the layers' sub-layers summed over layers and target modalities by kind
     * ({@link McimLayer#parameterCounts()}), the final LayerNorms of a pre-norm stack counted with
     * {@code layerNorm}.
     */
    public Map<String, Long> parameterCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Modality m : modalities) {
            counts.put("projection." + m.key(), ParameterCounts.of(projections.get(m)));
        }
        for (EnumMap<Modality, McimLayer> layer : layers) {
            for (McimLayer l : layer.values()) {
                l.parameterCounts().forEach((kind, n) -> counts.merge(kind, n, Long::sum));
            }
        }
        for (LayerNorm n : finalNorms.values()) {
            counts.merge("layerNorm", ParameterCounts.of(n), Long::sum);
        }
        return counts;
    }

    /** The modalities, in canonical order. */
    public List<Modality> modalities() {
        return java.util.Collections.unmodifiableList(modalities);
    }

    /** The settings of an {@link Mcim}. */
    public static final class Builder {
        private final EnumMap<Modality, Integer> inputDims = new EnumMap<>(Modality.class);
        private final List<Modality> added = new ArrayList<>();
        private Integer dim;
        private Integer heads;
        private Integer depth;
        private int projectionKernel = 3;
        private boolean crossmodal = true;
        private KeySource keySource = KeySource.LOW_LEVEL;
        private float embedDropout;
        private final EnumMap<Modality, Float> attentionDropout = new EnumMap<>(Modality.class);
        private AttentionDropoutUnit attentionDropoutUnit = AttentionDropoutUnit.WEIGHT;
        private float reluDropout;
        private float residualDropout;
        private NormPlacement norm = NormPlacement.POST;
        private FineResidual fineResidual = FineResidual.ONCE;

        private Builder() {
        }

        /** A modality of the data set with its feature dimension {@code d_m}; at least one is required, each once. */
        public Builder addModality(Modality modality, int inputDim) {
            added.add(modality);
            inputDims.put(modality, inputDim);
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

        /** The number of stacked layers {@code D}; required. */
        public Builder setDepth(int depth) {
            this.depth = depth;
            return this;
        }

        /** The temporal kernel of the projections (odd); default 3, the paper's. */
        public Builder optProjectionKernel(int kernel) {
            this.projectionKernel = kernel;
            return this;
        }

        /** False for the "without MCIM" ablation (self-attention only); default true. */
        public Builder optCrossmodal(boolean crossmodal) {
            this.crossmodal = crossmodal;
            return this;
        }

        /** Where keys and values come from (SPEC D1); default {@link KeySource#LOW_LEVEL}. */
        public Builder optKeySource(KeySource keySource) {
            this.keySource = keySource;
            return this;
        }

        /** Dropout after the projection; default 0. */
        public Builder optEmbedDropout(float rate) {
            this.embedDropout = rate;
            return this;
        }

        /** Attention-weight dropout of the layers whose target is {@code modality}; default 0. */
        public Builder optAttentionDropout(Modality modality, float rate) {
            this.attentionDropout.put(modality, rate);
            return this;
        }

        /** What the attention dropout drops: single weights (the default, MulT) or whole keys of a head. */
        public Builder optAttentionDropoutUnit(AttentionDropoutUnit unit) {
            this.attentionDropoutUnit = unit;
            return this;
        }

        /** Feed-forward dropout; default 0. */
        public Builder optReluDropout(float rate) {
            this.reluDropout = rate;
            return this;
        }

        /** Residual dropout; default 0. */
        public Builder optResidualDropout(float rate) {
            this.residualDropout = rate;
            return this;
        }

        /** Pre-norm only: how the fine-grained branches add the residual ({@link FineResidual}); default once. */
        public Builder optFineResidual(FineResidual fineResidual) {
            this.fineResidual = fineResidual;
            return this;
        }

        /** Post-norm (the default), or pre-norm with a final LayerNorm per modality after the stack. */
        public Builder optNorm(NormPlacement norm) {
            this.norm = norm;
            return this;
        }

        /** The module; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public Mcim build() {
            String block = "Mcim";
            BuilderChecks.check(!inputDims.isEmpty(), block, "addModality", "at least one modality", "none");
            BuilderChecks.check(added.size() == inputDims.size(), block, "addModality", "each modality once", added);
            inputDims.forEach((m, d) -> BuilderChecks.check(d != null && d > 0, block, "addModality",
                    "a positive feature dimension for " + m.key(), d));
            int d = BuilderChecks.positive(block, "setDim", dim);
            BuilderChecks.heads(block, "setHeads", heads, d);
            BuilderChecks.positive(block, "setDepth", depth);
            BuilderChecks.oddKernel(block, "optProjectionKernel", projectionKernel);
            BuilderChecks.required(block, "optKeySource", "a key source", keySource);
            BuilderChecks.rate(block, "optEmbedDropout", embedDropout);
            attentionDropout.values().forEach(p -> BuilderChecks.rate(block, "optAttentionDropout", p));
            BuilderChecks.required(block, "optAttentionDropoutUnit", "an attention dropout unit", attentionDropoutUnit);
            BuilderChecks.rate(block, "optReluDropout", reluDropout);
            BuilderChecks.rate(block, "optResidualDropout", residualDropout);
            BuilderChecks.required(block, "optNorm", "a norm placement", norm);
            return new Mcim(this);
        }
    }
}
