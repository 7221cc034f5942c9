package io.github.umdf.baselines.gcnet;

import com.oracle.labs.mlrg.olcut.config.Config;
import io.github.umdf.baselines.BaselineSpec;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.model.NetworkModel;

/**
 * Every setting of GCNet (Lian et al., IEEE TPAMI 2023) with the values of zeroQiaoba/GCNet
 * ({@code gcnet/train_gcnet.py}, {@code README.md}, {@code run.sh}) as defaults: hidden size 100 (the
 * code's {@code --hidden} default; the README's IEMOCAP runs use 200), graph width half of it, context
 * windows 2 past and 2 future ({@code --windowp=2 --windowf=2} in every published command), dropout 0.5
 * between LSTM layers, reconstruction loss on with weight 1 ({@code --loss-recon}: {@code loss1 + loss2}),
 * MSE as the regression loss ({@code MaskedMSELoss}), one speaker (the code sets {@code n_speakers = 1}
 * for CMU-MOSI and MOSEI, 2 for IEMOCAP: {@link GcnetFamily}). The last two settings are ours: what the
 * model does with sample ids that name no conversation. See {@link GcnetModel} for the network and
 * every departure from the original.
 */
public final class GcnetConfig extends BaselineSpec {
    private static final long serialVersionUID = 1L;

    /** Registry name of the family. */
    public static final String FAMILY = "gcnet";

    @Config(description = "Hidden size D_e of the conversation BiLSTM per direction (original --hidden, default 100); the graph layers have D_e / 2.")
    private int hiddenDim = 100;
    @Config(description = "How many segments before a segment its edges reach (original --windowp: 2 in every published run; -1: no limit).")
    private int windowPast = 2;
    @Config(description = "How many segments after a segment its edges reach (original --windowf: 2; -1: no limit).")
    private int windowFuture = 2;
    @Config(description = "Speakers S of the speaker graph, S*S relations (original n_speakers: 1 for CMU-MOSI/MOSEI, 2 for IEMOCAP).")
    private int speakers = 1;
    @Config(description = "Dropout between the layers of each two-layer BiLSTM (original --dropout 0.5).")
    private float dropout = 0.5f;
    @Config(description = "Weight of the reconstruction loss on the missing modalities (original --loss-recon: 1; 0 turns it off).")
    private double reconstructionWeight = 1.0;
    @Config(description = "Regression task loss: MSE (original MaskedMSELoss) or L1.")
    private RegressionLoss regressionLoss = RegressionLoss.MSE;
    @Config(description = "Sample ids that name no conversation: REFUSE, SYNTHETIC_RUNS (the synthetic presets' ids become "
            + "pseudo-conversations, other ids are refused) or INDEX_RUNS (any id ending in an index becomes one); ours.")
    private UngroupedIds ungroupedIds = UngroupedIds.SYNTHETIC_RUNS;
    @Config(description = "Consecutive indices per pseudo-conversation of ids that name no conversation (ours).")
    private int pseudoConversationLength = 20;

    /** The original's defaults for CMU-MOSI. */
    public GcnetConfig() {
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(new GcnetConfig());
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(validatedCopy(GcnetConfig.class));
    }

    @Override
    protected String problem() {
        if (hiddenDim < 2) {
            return "hiddenDim must be at least 2 (the graph layers have hiddenDim / 2), found " + hiddenDim;
        }
        if (windowPast < -1 || windowFuture < -1) {
            return "windowPast and windowFuture must be >= 0, or -1 for no limit, found " + windowPast + ", " + windowFuture;
        }
        if (!(reconstructionWeight >= 0)) {
            return "reconstructionWeight must be >= 0, found " + reconstructionWeight;
        }
        return first(sizeProblem("speakers", speakers), sizeProblem("pseudoConversationLength", pseudoConversationLength),
                dropoutProblem("dropout", dropout), regressionLoss == null ? "regressionLoss must be set" : null,
                ungroupedIds == null ? "ungroupedIds must be REFUSE, SYNTHETIC_RUNS or INDEX_RUNS" : null);
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public NetworkModel build(DatasetSchema schema) {
        return new GcnetModel(this, schema);
    }

    /** How this configuration reads sample ids. */
    public SegmentIds segmentIds() {
        return new SegmentIds(ungroupedIds, pseudoConversationLength, speakers);
    }

    public int hiddenDim() { return hiddenDim; }
    /** The graph layers' width: half the hidden size, as the original's {@code graph_h = args.hidden // 2}. */
    public int graphDim() { return hiddenDim / 2; }
    public int windowPast() { return windowPast; }
    public int windowFuture() { return windowFuture; }
    public int speakers() { return speakers; }
    public float dropout() { return dropout; }
    public double reconstructionWeight() { return reconstructionWeight; }
    @Override
    public RegressionLoss regressionLoss() { return regressionLoss; }
    public UngroupedIds ungroupedIds() { return ungroupedIds; }
    public int pseudoConversationLength() { return pseudoConversationLength; }

    @Override
    public String toString() {
        return "GcnetConfig(hidden=" + hiddenDim + ", windows=" + windowPast + "/" + windowFuture + ", speakers=" + speakers
                + ", ungroupedIds=" + ungroupedIds + ")";
    }

    /** Fluent construction in code; {@link #build()} validates. */
    public static final class Builder {
        private final GcnetConfig c;

        private Builder(GcnetConfig c) {
            this.c = c;
        }

        public Builder hiddenDim(int v) { c.hiddenDim = v; return this; }
        public Builder windows(int past, int future) { c.windowPast = past; c.windowFuture = future; return this; }
        public Builder speakers(int v) { c.speakers = v; return this; }
        public Builder dropout(float v) { c.dropout = v; return this; }
        public Builder reconstructionWeight(double v) { c.reconstructionWeight = v; return this; }
        public Builder regressionLoss(RegressionLoss v) { c.regressionLoss = v; return this; }
        public Builder ungroupedIds(UngroupedIds v) { c.ungroupedIds = v; return this; }
        public Builder pseudoConversationLength(int v) { c.pseudoConversationLength = v; return this; }

        /** The configuration; throws {@link IllegalArgumentException} naming an invalid setting. */
        public GcnetConfig build() {
            return c.validatedCopy(GcnetConfig.class);
        }
    }
}
