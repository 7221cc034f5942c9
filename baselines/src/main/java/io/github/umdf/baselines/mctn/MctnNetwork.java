package io.github.umdf.baselines.mctn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineNetwork;
import io.github.umdf.baselines.PackedRecurrence;
import io.github.umdf.baselines.Sequences;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The hierarchical MCTN network (hainow/MCTN {@code seq2seq/mctn_models.py}, {@code models/trimodals.py}):
 * one translation level per target modality the data set has, in the configured order. Level 1 has
 * encoder {@code E1} (a bidirectional LSTM, directions summed) over the source {@code X_S} giving
 * {@code H1}, and decoder {@code D1} ({@link AttentionDecoder}) translating {@code H1} to the first
 * target; with the cycle, the same {@code E1} and {@code D1} translate the translation back to the
 * source, which is why source and first target are zero-padded along the feature axis to the larger
 * of their widths. Level {@code k > 1} encodes {@code H_{k-1}} with {@code E_k} into {@code H_k} and
 * decodes the k-th target with {@code D_k}, without a cycle. The prediction head
 * ({@link AttentiveRegressionHead}) reads the last level's states, so a prediction needs nothing but
 * the source.
 *
 * <p>Child blocks: {@code encoder1}, {@code decoder1}, {@code encoder2}, {@code decoder2}, {@code head}.
 */
public final class MctnNetwork extends BaselineNetwork {
    private final MctnConfig config;
    private final Modality source;
    private final List<Modality> targets = new ArrayList<>();
    private final int sharedDim;
    private final List<PackedRecurrence> encoders = new ArrayList<>();
    private final List<AttentionDecoder> decoders = new ArrayList<>();
    private final AttentiveRegressionHead head;

    /**
     * @param config the settings
     * @param schema the data set; it must have the source and at least one target
     */
    public MctnNetwork(MctnConfig config, DatasetSchema schema) {
        super(schema, "MctnModel");
        this.config = config;
        this.source = config.source();
        if (!schema.has(source)) {
            throw new IllegalArgumentException("MCTN translates from its source modality " + source.key() + ", which data set '"
                    + schema.name() + "' lacks; it has " + schema.modalities());
        }
        for (Modality m : List.of(config.firstTarget(), config.secondTarget())) {
            if (schema.has(m)) {
                targets.add(m);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("MCTN needs a target modality (" + config.firstTarget().key() + " or "
                    + config.secondTarget().key() + ") besides its source; data set '" + schema.name() + "' has " + schema.modalities());
        }
        int dSource = schema.shape(source).dim();
        int dFirst = schema.shape(targets.get(0)).dim();
        this.sharedDim = config.cycle() ? Math.max(dSource, dFirst) : dSource;
        int h = config.hiddenDim();
        for (int k = 0; k < targets.size(); k++) {
            int in = k == 0 ? sharedDim : h;
            int out = k == 0 && config.cycle() ? sharedDim : schema.shape(targets.get(k)).dim();
            encoders.add(addChildBlock("encoder" + (k + 1), PackedRecurrence.builder().setCell(PackedRecurrence.Cell.LSTM)
                    .setInputDim(in).setHidden(h).optBidirectional(config.bidirectional()).optMerge(PackedRecurrence.Merge.SUM).build()));
            decoders.add(addChildBlock("decoder" + (k + 1), AttentionDecoder.builder().setMemoryDim(h).setHidden(h).setOutputDim(out)
                    .optInputFeeding(config.inputFeeding()).optDropout(config.dropout()).build()));
        }
        this.head = addChildBlock("head", new AttentiveRegressionHead(h, config.regressionHiddenDim(), schema.outputSize()));
    }

    /** The translation targets, level by level. */
    public List<Modality> targets() {
        return Collections.unmodifiableList(targets);
    }

    /** The source modality. */
    public Modality source() {
        return source;
    }

    /** The width source and first target are padded to when the first level is cyclic. */
    public int sharedDim() {
        return sharedDim;
    }

    /**
     * The encoder states of every level for a source sequence.
     *
     * @param x      the source features {@code (B, T, d_S)} (zero-padded here to {@link #sharedDim()})
     * @param mask   {@code (B, T)} steps that exist, or null
     * @param levels how many levels to run (1 for the cycle, which re-encodes a translation with {@code E1})
     * @return {@code [H1, H2, ...]}, each {@code (B, T, hidden)}
     */
    public List<NDArray> encode(ParameterStore ps, NDArray x, NDArray mask, int levels, boolean training) {
        List<NDArray> states = new ArrayList<>();
        NDArray in = Sequences.padFeatures(x, sharedDim);
        for (int k = 0; k < levels; k++) {
            in = encoders.get(k).run(ps, in, mask, training).sequence;
            states.add(in);
        }
        return states;
    }

    /**
     * Decodes with level {@code k}'s decoder (0-based).
     *
     * @param memory  that level's encoder states
     * @param teacher ground-truth frames for teacher forcing, already padded to the decoder's width, or null
     */
    public NDArray decode(int level, ParameterStore ps, NDArray memory, NDArray memoryMask, int steps, NDArray teacher,
                          boolean training) {
        return decoders.get(level).decode(ps, memory, memoryMask, steps, teacher, training);
    }

    /** The prediction head. */
    public AttentiveRegressionHead head() {
        return head;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape states = new Shape(1, 1, config.hiddenDim());
        for (int k = 0; k < encoders.size(); k++) {
            encoders.get(k).initialize(manager, dataType, k == 0 ? new Shape(1, 1, sharedDim) : states);
            decoders.get(k).initialize(manager, dataType, states);
        }
        head.initialize(manager, dataType, states);
    }

    public MctnConfig config() {
        return config;
    }
}
