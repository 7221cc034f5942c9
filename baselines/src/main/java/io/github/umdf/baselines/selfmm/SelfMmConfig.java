package io.github.umdf.baselines.selfmm;

import com.oracle.labs.mlrg.olcut.config.Config;
import io.github.umdf.baselines.BaselineSpec;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.NetworkModel;

/**
 * Every setting of the Self-MM-style comparator (Yu et al., AAAI 2021) with thuiar/MMSA's MOSI values
 * ({@code config_regression.json}, {@code self_mm}) as defaults: audio LSTM 16 to 16, vision LSTM 32
 * to 32, post-fusion width 128, unimodal head widths 32 / 16 / 32, head dropouts 0.0 / 0.1 / 0.1 /
 * 0.0, label bound H = 3. The text subnet replaces BERT [adapt]: MMSA's {@code TextSubNet} (an LSTM
 * over GloVe, final state, dropout, linear) with LF-DNN's MOSI widths, LSTM 128 and output 256.
 * See {@link SelfMmModel} for the network, the label generation and the departures.
 */
public final class SelfMmConfig extends BaselineSpec {
    private static final long serialVersionUID = 1L;

    /** Registry name of the family. */
    public static final String FAMILY = "selfmm";

    @Config(description = "Text LSTM hidden size [adapt: BERT replaced by MMSA's TextSubNet; LF-DNN MOSI hidden_dims[0]: 128].")
    private int textHidden = 128;
    @Config(description = "Text subnet output width [adapt: BERT's 768 replaced; LF-DNN MOSI text_out: 256].")
    private int textOut = 256;
    @Config(description = "Dropout on the text LSTM's final state (TextSubNet default: 0.2).")
    private float textSubnetDropout = 0.2f;
    @Config(description = "Audio LSTM hidden size (MMSA MOSI a_lstm_hidden_size: 16).")
    private int audioHidden = 16;
    @Config(description = "Audio subnet output width (MMSA MOSI audio_out: 16).")
    private int audioOut = 16;
    @Config(description = "Dropout on the audio LSTM's final state (MMSA MOSI a_lstm_dropout: 0.0).")
    private float audioSubnetDropout = 0.0f;
    @Config(description = "Vision LSTM hidden size (MMSA MOSI v_lstm_hidden_size: 32).")
    private int visionHidden = 32;
    @Config(description = "Vision subnet output width (MMSA MOSI video_out: 32).")
    private int visionOut = 32;
    @Config(description = "Dropout on the vision LSTM's final state (MMSA MOSI v_lstm_dropout: 0.0).")
    private float visionSubnetDropout = 0.0f;
    @Config(description = "Width of the fusion head and of its feature F_f (MMSA post_fusion_dim: 128).")
    private int fusionDim = 128;
    @Config(description = "Width of the text head and of its feature F_t (MMSA MOSI post_text_dim: 32).")
    private int textHeadDim = 32;
    @Config(description = "Width of the audio head and of its feature F_a (MMSA MOSI post_audio_dim: 16).")
    private int audioHeadDim = 16;
    @Config(description = "Width of the vision head and of its feature F_v (MMSA MOSI post_video_dim: 32).")
    private int visionHeadDim = 32;
    @Config(description = "Dropout on the fusion head's input (MMSA MOSI post_fusion_dropout: 0.0; MOSEI 0.1).")
    private float fusionDropout = 0.0f;
    @Config(description = "Dropout on the text head's input (MMSA MOSI post_text_dropout: 0.1; MOSEI 0.0).")
    private float textHeadDropout = 0.1f;
    @Config(description = "Dropout on the audio head's input (MMSA MOSI post_audio_dropout: 0.1; MOSEI 0.0).")
    private float audioHeadDropout = 0.1f;
    @Config(description = "Dropout on the vision head's input (MMSA MOSI post_video_dropout: 0.0).")
    private float visionHeadDropout = 0.0f;
    @Config(description = "Bound H of the generated unimodal labels, clamped to [-H, H] (MMSA MOSI/MOSEI: 3.0).")
    private double labelBound = 3.0;
    @Config(description = "0-based epoch from which unimodal labels are generated (original: epoch 2, the first being warm-up, i.e. 1).")
    private int labelStartEpoch = 1;
    @Config(description = "Class centres: positive from labels > 0 (true, MMSA excludeZero) or >= 0 (false, thuiar/Self-MM).")
    private boolean excludeZero = true;
    @Config(description = "Regression loss of every head: L1 (original) or MSE.")
    private RegressionLoss regressionLoss = RegressionLoss.L1;

    /** The MOSI defaults. */
    public SelfMmConfig() {
    }

    /** MMSA's settings for one of the paper's data sets (MOSEI differs in its dropouts; IEMOCAP has none and gets MOSI's). */
    public static SelfMmConfig paper(PaperDataset dataset) {
        Builder b = builder();
        if (dataset == PaperDataset.MOSEI) {
            b.fusionDropout(0.1f).headDropouts(0.0f, 0.0f, 0.0f);
        }
        return b.build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(new SelfMmConfig());
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(validatedCopy(SelfMmConfig.class));
    }

    @Override
    protected String problem() {
        String p = first(sizeProblem("textHidden", textHidden), sizeProblem("textOut", textOut), sizeProblem("audioHidden", audioHidden),
                sizeProblem("audioOut", audioOut), sizeProblem("visionHidden", visionHidden), sizeProblem("visionOut", visionOut),
                sizeProblem("fusionDim", fusionDim), sizeProblem("textHeadDim", textHeadDim), sizeProblem("audioHeadDim", audioHeadDim),
                sizeProblem("visionHeadDim", visionHeadDim));
        if (p != null) {
            return p;
        }
        for (float rate : new float[] {textSubnetDropout, audioSubnetDropout, visionSubnetDropout, fusionDropout, textHeadDropout,
                audioHeadDropout, visionHeadDropout}) {
            String d = dropoutProblem("dropout rates", rate);
            if (d != null) {
                return d;
            }
        }
        if (!(labelBound > 0) || labelStartEpoch < 1) {
            return "labelBound must be > 0 and labelStartEpoch >= 1 (the first epoch is warm-up), found " + labelBound + ", " + labelStartEpoch;
        }
        return regressionLoss == null ? "regressionLoss must be set" : null;
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public NetworkModel build(DatasetSchema schema) {
        return new SelfMmModel(this, schema);
    }

    /** LSTM hidden size of a modality's subnet. */
    public int subnetHidden(Modality m) {
        return pick(m, textHidden, audioHidden, visionHidden);
    }

    /** Output width of a modality's subnet. */
    public int subnetOut(Modality m) {
        return pick(m, textOut, audioOut, visionOut);
    }

    /** Dropout on a modality's LSTM final state. */
    public float subnetDropout(Modality m) {
        return m == Modality.LANGUAGE ? textSubnetDropout : m == Modality.AUDIO ? audioSubnetDropout : visionSubnetDropout;
    }

    /** Width of a modality's head and feature {@code F_s}. */
    public int headDim(Modality m) {
        return pick(m, textHeadDim, audioHeadDim, visionHeadDim);
    }

    /** Dropout on a modality's head input. */
    public float headDropout(Modality m) {
        return m == Modality.LANGUAGE ? textHeadDropout : m == Modality.AUDIO ? audioHeadDropout : visionHeadDropout;
    }

    private static int pick(Modality m, int language, int audio, int vision) {
        return m == Modality.LANGUAGE ? language : m == Modality.AUDIO ? audio : vision;
    }

    public int fusionDim() { return fusionDim; }
    public float fusionDropout() { return fusionDropout; }
    public double labelBound() { return labelBound; }
    public int labelStartEpoch() { return labelStartEpoch; }
    public boolean excludeZero() { return excludeZero; }
    public RegressionLoss regressionLoss() { return regressionLoss; }

    @Override
    public String toString() {
        return "SelfMmConfig(subnets t=" + textHidden + "->" + textOut + ", a=" + audioHidden + "->" + audioOut + ", v=" + visionHidden
                + "->" + visionOut + ", fusion=" + fusionDim + ", heads=" + textHeadDim + "/" + audioHeadDim + "/" + visionHeadDim + ")";
    }

    /** Fluent construction in code; {@link #build()} validates. */
    public static final class Builder {
        private final SelfMmConfig c;

        private Builder(SelfMmConfig c) {
            this.c = c;
        }

        /** Text subnet: LSTM hidden size, output width, dropout on the final state. */
        public Builder textSubnet(int hidden, int out, float dropout) {
            c.textHidden = hidden;
            c.textOut = out;
            c.textSubnetDropout = dropout;
            return this;
        }

        /** Audio subnet: LSTM hidden size, output width, dropout on the final state. */
        public Builder audioSubnet(int hidden, int out, float dropout) {
            c.audioHidden = hidden;
            c.audioOut = out;
            c.audioSubnetDropout = dropout;
            return this;
        }

        /** Vision subnet: LSTM hidden size, output width, dropout on the final state. */
        public Builder visionSubnet(int hidden, int out, float dropout) {
            c.visionHidden = hidden;
            c.visionOut = out;
            c.visionSubnetDropout = dropout;
            return this;
        }

        /** Widths of the fusion head and of the text, audio and vision heads. */
        public Builder headDims(int fusion, int text, int audio, int vision) {
            c.fusionDim = fusion;
            c.textHeadDim = text;
            c.audioHeadDim = audio;
            c.visionHeadDim = vision;
            return this;
        }

        public Builder fusionDropout(float v) { c.fusionDropout = v; return this; }

        /** Dropouts on the inputs of the text, audio and vision heads. */
        public Builder headDropouts(float text, float audio, float vision) {
            c.textHeadDropout = text;
            c.audioHeadDropout = audio;
            c.visionHeadDropout = vision;
            return this;
        }

        /** Sets every dropout rate to zero (tests of exact equalities). */
        public Builder noDropout() {
            c.textSubnetDropout = 0f;
            c.audioSubnetDropout = 0f;
            c.visionSubnetDropout = 0f;
            c.fusionDropout = 0f;
            return headDropouts(0f, 0f, 0f);
        }

        public Builder labelBound(double v) { c.labelBound = v; return this; }
        public Builder labelStartEpoch(int v) { c.labelStartEpoch = v; return this; }
        public Builder excludeZero(boolean v) { c.excludeZero = v; return this; }
        public Builder regressionLoss(RegressionLoss v) { c.regressionLoss = v; return this; }

        /** The configuration; throws {@link IllegalArgumentException} naming an invalid setting. */
        public SelfMmConfig build() {
            return c.validatedCopy(SelfMmConfig.class);
        }
    }
}
