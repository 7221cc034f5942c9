package io.github.umdf.baselines.mctn;

import com.oracle.labs.mlrg.olcut.config.Config;
import io.github.umdf.baselines.BaselineSpec;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.NetworkModel;

/**
 * Every setting of MCTN (Pham et al., AAAI 2019) with the values of hainow/MCTN
 * {@code configs/hierarchical_mctn.yaml} as defaults: hidden size 32 for both translation levels and
 * for the regression LSTM, bidirectional encoders, the cycle on the first level, loss weights
 * 0.1 / 0.1 / 0.1 / 1.0, L2 0.01 on the regression kernel, MAE as the regression loss. See
 * {@link MctnModel} for the network and every departure from the original.
 */
public final class MctnConfig extends BaselineSpec {
    private static final long serialVersionUID = 1L;

    /** Registry name of the family. */
    public static final String FAMILY = "mctn";

    // The modalities are held by name (LANGUAGE, AUDIO, VISION): Modality prints as its key ("language"), and
    // OLCUT records an enum in provenance by toString but reads it back by name, so an enum-typed setting
    // would make every saved MCTN model unreadable ("No enum constant ...Modality.language").
    @Config(description = "Source modality (LANGUAGE, AUDIO or VISION); the prediction reads only this one (original: text).")
    private String source = Modality.LANGUAGE.name();
    @Config(description = "Target of the first, cyclic translation level (original trimodal order: text -> vision -> audio).")
    private String firstTarget = Modality.VISION.name();
    @Config(description = "Target of the second translation level, translated from the first level's encoder states.")
    private String secondTarget = Modality.AUDIO.name();
    @Config(description = "Hidden size of the encoders and decoders of both levels (original: 32).")
    private int hiddenDim = 32;
    @Config(description = "Hidden size of the regression LSTM (original reg_hidden_dim: 32).")
    private int regressionHiddenDim = 32;
    @Config(description = "Bidirectional encoders with the two directions summed (original: true, merge_mode='sum').")
    private boolean bidirectional = true;
    @Config(description = "Cycle consistency on the first level: translate the translation back to the source (original is_cycled: 1).")
    private boolean cycle = true;
    @Config(description = "Feed the previous frame to the decoders (teacher forcing while training); false = the Keras cell, fed the attention context only.")
    private boolean inputFeeding = true;
    @Config(description = "Dropout on the encoder states entering each decoder (original dropout: 0.0).")
    private float dropout = 0.0f;
    @Config(description = "Weight of the first translation's MSE (original translation1.loss_weight: 0.1).")
    private double translationWeight = 0.1;
    @Config(description = "Weight of the cycle's MSE (original translation1.cycle_loss_weight: 0.1).")
    private double cycleWeight = 0.1;
    @Config(description = "Weight of the second translation's MSE (original translation2.loss_weight: 0.1).")
    private double secondTranslationWeight = 0.1;
    @Config(description = "Weight of the task loss (original regression.loss_weight: 1.0).")
    private double taskWeight = 1.0;
    @Config(description = "L2 factor on the regression output kernel, added to the loss (original regression.l2_factor: 0.01).")
    private double l2 = 0.01;
    @Config(description = "Regression task loss: L1 (original loss_type 'mae') or MSE.")
    private RegressionLoss regressionLoss = RegressionLoss.L1;
    @Config(description = "Translation losses over observed target frames only (true) or over every existing frame, dropped ones as zeros (false).")
    private boolean maskMissingTargets = true;

    /** The original's defaults. */
    public MctnConfig() {
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(new MctnConfig());
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(validatedCopy(MctnConfig.class));
    }

    /** Writes the modalities by their names, whatever spelling the configuration file used ({@code language}, {@code l}). */
    @Override
    public void postConfig() {
        source = canonical(source);
        firstTarget = canonical(firstTarget);
        secondTarget = canonical(secondTarget);
        super.postConfig();
    }

    private static String canonical(String modality) {
        try {
            return modality == null ? null : Modality.parse(modality).name();
        } catch (IllegalArgumentException e) {
            return modality; // problem() names it
        }
    }

    private static String modalityProblem(String setting, String value) {
        if (value == null) {
            return setting + " must be set";
        }
        try {
            Modality.parse(value);
            return null;
        } catch (IllegalArgumentException e) {
            return setting + ": " + e.getMessage();
        }
    }

    @Override
    protected String problem() {
        String named = first(modalityProblem("source", source), modalityProblem("firstTarget", firstTarget),
                modalityProblem("secondTarget", secondTarget));
        if (named != null) {
            return named;
        }
        if (source().equals(firstTarget()) || source().equals(secondTarget()) || firstTarget().equals(secondTarget())) {
            return "source, firstTarget and secondTarget must differ, found " + source() + ", " + firstTarget() + ", " + secondTarget();
        }
        if (!(translationWeight >= 0 && cycleWeight >= 0 && secondTranslationWeight >= 0 && taskWeight >= 0 && l2 >= 0)) {
            return "loss weights and l2 must be >= 0, found " + translationWeight + ", " + cycleWeight + ", "
                    + secondTranslationWeight + ", " + taskWeight + ", " + l2;
        }
        return first(sizeProblem("hiddenDim", hiddenDim), sizeProblem("regressionHiddenDim", regressionHiddenDim),
                dropoutProblem("dropout", dropout), regressionLoss == null ? "regressionLoss must be set" : null);
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public NetworkModel build(DatasetSchema schema) {
        return new MctnModel(this, schema);
    }

    public Modality source() { return Modality.parse(source); }
    public Modality firstTarget() { return Modality.parse(firstTarget); }
    public Modality secondTarget() { return Modality.parse(secondTarget); }
    public int hiddenDim() { return hiddenDim; }
    public int regressionHiddenDim() { return regressionHiddenDim; }
    public boolean bidirectional() { return bidirectional; }
    public boolean cycle() { return cycle; }
    public boolean inputFeeding() { return inputFeeding; }
    public float dropout() { return dropout; }
    public double translationWeight() { return translationWeight; }
    public double cycleWeight() { return cycleWeight; }
    public double secondTranslationWeight() { return secondTranslationWeight; }
    public double taskWeight() { return taskWeight; }
    public double l2() { return l2; }
    public RegressionLoss regressionLoss() { return regressionLoss; }
    public boolean maskMissingTargets() { return maskMissingTargets; }

    @Override
    public String toString() {
        return "MctnConfig(" + source() + " -> " + firstTarget() + (cycle ? " (cycle)" : "") + " -> " + secondTarget()
                + ", hidden=" + hiddenDim + ", reg=" + regressionHiddenDim + ")";
    }

    /** Fluent construction in code; {@link #build()} validates. */
    public static final class Builder {
        private final MctnConfig c;

        private Builder(MctnConfig c) {
            this.c = c;
        }

        public Builder source(Modality v) { c.source = v == null ? null : v.name(); return this; }
        public Builder firstTarget(Modality v) { c.firstTarget = v == null ? null : v.name(); return this; }
        public Builder secondTarget(Modality v) { c.secondTarget = v == null ? null : v.name(); return this; }
        public Builder hiddenDim(int v) { c.hiddenDim = v; return this; }
        public Builder regressionHiddenDim(int v) { c.regressionHiddenDim = v; return this; }
        public Builder bidirectional(boolean v) { c.bidirectional = v; return this; }
        public Builder cycle(boolean v) { c.cycle = v; return this; }
        public Builder inputFeeding(boolean v) { c.inputFeeding = v; return this; }
        public Builder dropout(float v) { c.dropout = v; return this; }
        public Builder translationWeight(double v) { c.translationWeight = v; return this; }
        public Builder cycleWeight(double v) { c.cycleWeight = v; return this; }
        public Builder secondTranslationWeight(double v) { c.secondTranslationWeight = v; return this; }
        public Builder taskWeight(double v) { c.taskWeight = v; return this; }
        public Builder l2(double v) { c.l2 = v; return this; }
        public Builder regressionLoss(RegressionLoss v) { c.regressionLoss = v; return this; }
        public Builder maskMissingTargets(boolean v) { c.maskMissingTargets = v; return this; }

        /** The configuration; throws {@link IllegalArgumentException} naming an invalid setting. */
        public MctnConfig build() {
            return c.validatedCopy(MctnConfig.class);
        }
    }
}
