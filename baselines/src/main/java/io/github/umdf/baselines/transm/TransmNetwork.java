package io.github.umdf.baselines.transm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineNetwork;
import io.github.umdf.baselines.Sequences;
import io.github.umdf.nn.block.Resampling;
import io.github.umdf.nn.block.TemporalResampler;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.ModalityInputs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The TransModality network: a {@link RecurrentEmbedding} per modality, a {@link TranslationPair}
 * (text, m) per other modality m the data set has (vision first, then audio, as the original), and
 * the fusion
 * <pre>
 *   F = [E1_tv ‖ E2_vt ‖ E1_ta ‖ E2_at ‖ d_t ‖ d_a ‖ d_v]       (B, T_t, 7·100), feature-wise
 *   ŷ = Linear(mean of F over the steps that take part)          [adapt]: per step in the original
 * </pre>
 * Streams of another length than the text (unaligned data) are resampled to the text's steps by
 * masked adaptive average pooling ({@link TemporalResampler}, as UMDF's SPEC D3) before the
 * concatenation. A step takes part in the pooling when any modality's frame there does.
 *
 * <p>Child blocks: {@code embedding_<modality>}, {@code pair_<target>}, {@code output}.
 */
public final class TransmNetwork extends BaselineNetwork {
    private final TransmConfig config;
    private final List<Modality> modalities;
    private final List<Modality> targets = new ArrayList<>();
    private final int fusedDim;
    private final EnumMap<Modality, RecurrentEmbedding> embeddings = new EnumMap<>(Modality.class);
    private final EnumMap<Modality, TranslationPair> pairs = new EnumMap<>(Modality.class);
    private final Linear output;

    /** Everything one forward pass computes. */
    public static final class Encoded {
        /** The pooled fusion {@code (B, F)}: the joint representation. */
        public final NDArray pooled;
        /** Per target modality, its pair's states and translations. */
        public final Map<Modality, TranslationPair.Result> pairs;
        /** Per modality the frames that took part {@code (B, T_m)} (null: all). */
        public final Map<Modality, NDArray> masks;

        Encoded(NDArray pooled, Map<Modality, TranslationPair.Result> pairs, Map<Modality, NDArray> masks) {
            this.pooled = pooled;
            this.pairs = pairs;
            this.masks = masks;
        }
    }

    /**
     * @param config the settings
     * @param schema the data set; it must have the text
     */
    public TransmNetwork(TransmConfig config, DatasetSchema schema) {
        super(schema, "TransmModel");
        this.config = config;
        if (!schema.has(TransmConfig.SOURCE)) {
            throw new IllegalArgumentException("TransM translates from " + TransmConfig.SOURCE.key() + ", which data set '"
                    + schema.name() + "' lacks; it has " + schema.modalities());
        }
        this.modalities = new ArrayList<>(schema.modalities());
        for (Modality m : List.of(Modality.VISION, Modality.AUDIO)) {
            if (schema.has(m)) {
                targets.add(m);
            }
        }
        int d = config.modelDim();
        this.fusedDim = d * (2 * targets.size() + modalities.size());
        for (Modality m : modalities) {
            embeddings.put(m, addChildBlock("embedding_" + m.key(), RecurrentEmbedding.builder().setInputDim(schema.shape(m).dim())
                    .setUnits(config.gruUnits()).setDim(d).optInputDropout(config.gruInputDropout()).optRnnDropout(config.rnnDropout())
                    .optDenseDropout(config.denseDropout()).build()));
        }
        for (Modality m : targets) {
            pairs.put(m, addChildBlock("pair_" + m.key(), new TranslationPair(config, config.ffnDim(m),
                    schema.shape(TransmConfig.SOURCE).dim(), schema.shape(m).dim())));
        }
        this.output = addChildBlock("output", Linear.builder().setUnits(schema.outputSize()).build());
    }

    /** The whole network up to the pooled fusion. */
    public Encoded encode(ParameterStore ps, ModalityInputs in, boolean training) {
        Map<Modality, NDArray> masks = new EnumMap<>(Modality.class);
        Map<Modality, NDArray> embedded = new EnumMap<>(Modality.class);
        for (Modality m : modalities) {
            NDArray mask = config.maskZeroFrames() ? in.observed(m) : in.valid(m);
            masks.put(m, mask);
            embedded.put(m, embeddings.get(m).embed(ps, in.features(m), mask, training));
        }
        Modality text = TransmConfig.SOURCE;
        int steps = schema.shape(text).length();
        NDList fused = new NDList();
        List<NDArray> fusedMasks = new ArrayList<>();
        Map<Modality, TranslationPair.Result> results = new EnumMap<>(Modality.class);
        for (Modality m : targets) {
            TranslationPair.Result r = pairs.get(m).translate(ps, embedded.get(text), masks.get(text), embedded.get(m), masks.get(m),
                    training);
            results.put(m, r);
            addResampled(fused, fusedMasks, r.forwardEncoded, masks.get(text), steps);
            addResampled(fused, fusedMasks, r.backwardEncoded, masks.get(m), steps);
        }
        for (Modality m : modalities) {
            addResampled(fused, fusedMasks, embedded.get(m), masks.get(m), steps);
        }
        NDArray f = NDArrays.concat(fused, 2); // (B, T_t, F)
        return new Encoded(Sequences.maskedMean(f, Sequences.union(fusedMasks)), results, masks);
    }

    private static void addResampled(NDList fused, List<NDArray> fusedMasks, NDArray x, NDArray mask, int steps) {
        TemporalResampler.Resampled r = TemporalResampler.resample(Resampling.ADAPTIVE_AVG_POOL, x, mask, steps);
        fused.add(r.sequence());
        fusedMasks.add(r.valid());
    }

    /** The output layer on the pooled fusion: {@code (B, out)}. */
    public NDArray predictFrom(ParameterStore ps, NDArray pooled, boolean training) {
        return output.forward(ps, new NDList(pooled), training).head();
    }

    /** The translation targets, in fusion order. */
    public List<Modality> targets() {
        return java.util.Collections.unmodifiableList(targets);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Modality m : modalities) {
            embeddings.get(m).initialize(manager, dataType, new Shape(1, 1, schema.shape(m).dim()));
        }
        Shape s = new Shape(1, 1, config.modelDim());
        for (TranslationPair p : pairs.values()) {
            p.initialize(manager, dataType, s, s);
        }
        output.initialize(manager, dataType, new Shape(1, fusedDim));
    }
}
