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
import io.github.umdf.nn.block.ModalityProjection;
import io.github.umdf.nn.block.NormPlacement;
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
 * works with the modalities the data set has (three in the paper).
 *
 * <p>Keys and values follow {@link KeySource} (SPEC D1). Concatenation order of a key source does
 * not change attention (a weighted sum over keys), so each pair source {@code [Z_m; Z_o]} is built
 * once and shared by both of its targets.
 */
public final class Mcim extends AbstractBlock {
    private static final byte VERSION = 1;

    private final List<Modality> modalities;
    private final int dim;
    private final KeySource keySource;
    private final EnumMap<Modality, ModalityProjection> projections = new EnumMap<>(Modality.class);
    private final List<EnumMap<Modality, McimLayer>> layers = new ArrayList<>();
    private final EnumMap<Modality, LayerNorm> finalNorms = new EnumMap<>(Modality.class);

    /**
     * @param inputDims     feature dimension per modality of the data set
     * @param dim           model dimension {@code d}
     * @param heads         attention heads
     * @param depth         number of stacked layers {@code D}
     * @param kernel        projection kernel size
     * @param crossmodal    false for the "without MCIM" ablation
     * @param keySource     SPEC D1
     * @param embedDropout  dropout after the projection
     * @param attnDropout   attention-weight dropout per target modality
     * @param reluDropout   feed-forward dropout
     * @param resDropout    residual dropout
     * @param norm          post-norm, or pre-norm with a final LayerNorm per modality after the stack
     */
    public Mcim(Map<Modality, Integer> inputDims, int dim, int heads, int depth, int kernel, boolean crossmodal,
                KeySource keySource, float embedDropout, Map<Modality, Float> attnDropout, float reluDropout,
                float resDropout, NormPlacement norm) {
        super(VERSION);
        if (depth < 1) {
            throw new IllegalArgumentException("Expected at least one MCIM layer, found " + depth);
        }
        this.modalities = new ArrayList<>(new EnumMap<>(inputDims).keySet());
        this.dim = dim;
        this.keySource = keySource;
        for (Modality m : modalities) {
            projections.put(m, addChildBlock("projection_" + m.key(),
                    new ModalityProjection(inputDims.get(m), dim, kernel, embedDropout)));
        }
        for (int l = 0; l < depth; l++) {
            EnumMap<Modality, McimLayer> perTarget = new EnumMap<>(Modality.class);
            for (Modality m : modalities) {
                perTarget.put(m, addChildBlock("layer" + l + "_" + m.key(), new McimLayer(dim, heads,
                        modalities.size() - 1, crossmodal, attnDropout.getOrDefault(m, 0f), reluDropout, resDropout, norm)));
            }
            layers.add(perTarget);
        }
        if (norm == NormPlacement.PRE) {
            for (Modality m : modalities) {
                finalNorms.put(m, addChildBlock("finalNorm_" + m.key(), LayerNorm.builder().axis(2).build()));
            }
        }
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
            z.put(m, projections.get(m).forward(ps, new NDList(inputs.get(m)), training).head());
        }
        EnumMap<Modality, NDArray> x = new EnumMap<>(z);
        Sources low = keySource == KeySource.LOW_LEVEL ? new Sources(z, keyMasks) : null;
        for (EnumMap<Modality, McimLayer> layer : layers) {
            Sources src = low != null ? low : new Sources(x, keyMasks);
            EnumMap<Modality, NDArray> next = new EnumMap<>(Modality.class);
            for (Modality m : modalities) {
                List<NDArray> fineSources = new ArrayList<>();
                List<NDArray> fineMasks = new ArrayList<>();
                for (Modality o : modalities) {
                    if (o != m) {
                        fineSources.add(src.pair(m, o));
                        fineMasks.add(src.pairMask(m, o));
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
}
