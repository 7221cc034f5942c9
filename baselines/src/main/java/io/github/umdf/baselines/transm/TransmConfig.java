package io.github.umdf.baselines.transm;

import com.oracle.labs.mlrg.olcut.config.Config;
import io.github.umdf.baselines.BaselineSpec;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.NetworkModel;

/**
 * Every setting of TransModality (Wang et al., WWW 2020) with the values of
 * hyeonJeongByeon/TransModality {@code transmodality.py} as defaults: BiGRU 300 per direction,
 * Dense(100, tanh) embeddings, 10 encoder and 5 decoder layers of width 100 with 5 heads, feed-forward
 * widths 200 (text-vision) and 120 (text-audio), dropouts 0.5 / 0.3 / 0.3 / 0.5, translation losses
 * weighted 10. See {@link TransmModel} for the network and the departures from the original.
 */
public final class TransmConfig extends BaselineSpec {
    private static final long serialVersionUID = 1L;

    /** Registry name of the family. */
    public static final String FAMILY = "transm";

    /** The source of every translation pair (the original's "main" modality, text). */
    public static final Modality SOURCE = Modality.LANGUAGE;

    @Config(description = "GRU units per direction of each modality's bidirectional GRU (original gru_units: 300).")
    private int gruUnits = 300;
    @Config(description = "Width of the per-modality Dense(tanh) embeddings and of every transformer layer (original dense_units: 100).")
    private int modelDim = 100;
    @Config(description = "Attention heads; must divide modelDim (original head_num: 5).")
    private int heads = 5;
    @Config(description = "Layers of each transformer encoder (original encoder_num: 10).")
    private int encoderLayers = 10;
    @Config(description = "Layers of each transformer decoder (original decoder_num: 5).")
    private int decoderLayers = 5;
    @Config(description = "Feed-forward width of the text-vision translations (original hidden_dim: 200).")
    private int textVisionFfnDim = 200;
    @Config(description = "Feed-forward width of the text-audio translations (original hidden_dim: 120).")
    private int textAudioFfnDim = 120;
    @Config(description = "Dropout on the GRU inputs (original GRU dropout: 0.5; its recurrent_dropout 0.5 is not available).")
    private float gruInputDropout = 0.5f;
    @Config(description = "Dropout after the bidirectional GRU (original drop_rnn: 0.3).")
    private float rnnDropout = 0.3f;
    @Config(description = "Dropout after the Dense(tanh) embedding (original drop_dense: 0.3).")
    private float denseDropout = 0.3f;
    @Config(description = "Residual dropout of every transformer sub-layer (original dropout_rate: 0.5).")
    private float transformerDropout = 0.5f;
    @Config(description = "Weight of each of the four translation MAEs (original loss_weights: 10).")
    private double translationWeight = 10.0;
    @Config(description = "Weight of the task loss (original: 1).")
    private double taskWeight = 1.0;
    @Config(description = "Regression task loss: L1 or MSE.")
    private RegressionLoss regressionLoss = RegressionLoss.L1;
    @Config(description = "Treat dropped (all-zero) frames as absent, as the original's Masking(mask_value=0) does (true), or only padding (false).")
    private boolean maskZeroFrames = true;

    /** The original's defaults. */
    public TransmConfig() {
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(new TransmConfig());
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(validatedCopy(TransmConfig.class));
    }

    @Override
    protected String problem() {
        String sizes = first(sizeProblem("gruUnits", gruUnits), sizeProblem("modelDim", modelDim), sizeProblem("heads", heads),
                sizeProblem("encoderLayers", encoderLayers), sizeProblem("decoderLayers", decoderLayers),
                sizeProblem("textVisionFfnDim", textVisionFfnDim), sizeProblem("textAudioFfnDim", textAudioFfnDim));
        if (sizes != null) {
            return sizes;
        }
        if (modelDim % heads != 0) {
            return "heads (" + heads + ") must divide modelDim (" + modelDim + ")";
        }
        if (!(translationWeight >= 0 && taskWeight >= 0)) {
            return "loss weights must be >= 0, found " + translationWeight + ", " + taskWeight;
        }
        return first(dropoutProblem("gruInputDropout", gruInputDropout), dropoutProblem("rnnDropout", rnnDropout),
                dropoutProblem("denseDropout", denseDropout), dropoutProblem("transformerDropout", transformerDropout),
                regressionLoss == null ? "regressionLoss must be set" : null);
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public NetworkModel build(DatasetSchema schema) {
        return new TransmModel(this, schema);
    }

    /** The feed-forward width of the translation pair (text, {@code target}). */
    public int ffnDim(Modality target) {
        return target == Modality.AUDIO ? textAudioFfnDim : textVisionFfnDim;
    }

    public int gruUnits() { return gruUnits; }
    public int modelDim() { return modelDim; }
    public int heads() { return heads; }
    public int encoderLayers() { return encoderLayers; }
    public int decoderLayers() { return decoderLayers; }
    public int textVisionFfnDim() { return textVisionFfnDim; }
    public int textAudioFfnDim() { return textAudioFfnDim; }
    public float gruInputDropout() { return gruInputDropout; }
    public float rnnDropout() { return rnnDropout; }
    public float denseDropout() { return denseDropout; }
    public float transformerDropout() { return transformerDropout; }
    public double translationWeight() { return translationWeight; }
    public double taskWeight() { return taskWeight; }
    public RegressionLoss regressionLoss() { return regressionLoss; }
    public boolean maskZeroFrames() { return maskZeroFrames; }

    @Override
    public String toString() {
        return "TransmConfig(gru=" + gruUnits + ", d=" + modelDim + ", heads=" + heads + ", encoders=" + encoderLayers
                + ", decoders=" + decoderLayers + ")";
    }

    /** Fluent construction in code; {@link #build()} validates. */
    public static final class Builder {
        private final TransmConfig c;

        private Builder(TransmConfig c) {
            this.c = c;
        }

        public Builder gruUnits(int v) { c.gruUnits = v; return this; }
        public Builder modelDim(int v) { c.modelDim = v; return this; }
        public Builder heads(int v) { c.heads = v; return this; }
        public Builder encoderLayers(int v) { c.encoderLayers = v; return this; }
        public Builder decoderLayers(int v) { c.decoderLayers = v; return this; }
        public Builder textVisionFfnDim(int v) { c.textVisionFfnDim = v; return this; }
        public Builder textAudioFfnDim(int v) { c.textAudioFfnDim = v; return this; }
        public Builder gruInputDropout(float v) { c.gruInputDropout = v; return this; }
        public Builder rnnDropout(float v) { c.rnnDropout = v; return this; }
        public Builder denseDropout(float v) { c.denseDropout = v; return this; }
        public Builder transformerDropout(float v) { c.transformerDropout = v; return this; }
        /** Sets every dropout rate to zero (tests of exact equalities). */
        public Builder noDropout() {
            c.gruInputDropout = 0f;
            c.rnnDropout = 0f;
            c.denseDropout = 0f;
            c.transformerDropout = 0f;
            return this;
        }
        public Builder translationWeight(double v) { c.translationWeight = v; return this; }
        public Builder taskWeight(double v) { c.taskWeight = v; return this; }
        public Builder regressionLoss(RegressionLoss v) { c.regressionLoss = v; return this; }
        public Builder maskZeroFrames(boolean v) { c.maskZeroFrames = v; return this; }

        /** The configuration; throws {@link IllegalArgumentException} naming an invalid setting. */
        public TransmConfig build() {
            return c.validatedCopy(TransmConfig.class);
        }
    }
}
