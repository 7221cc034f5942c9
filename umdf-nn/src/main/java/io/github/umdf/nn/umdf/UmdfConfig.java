package io.github.umdf.nn.umdf;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import io.github.umdf.nn.block.AttentionDropoutUnit;
import io.github.umdf.nn.block.NormPlacement;
import io.github.umdf.nn.block.Resampling;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.config.Specs;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.loss.MmdEstimator;
import io.github.umdf.nn.model.InferenceMode;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.model.NetworkModel;

/**
 * Every setting of the UMDF network and its objective, with the paper's values and the SPEC
 * decisions (D1-D8) as defaults. An OLCUT component: configuration files override single fields,
 * unknown fields are errors, and Tribuo provenance records every field.
 *
 * <p>Ablations of paper Table 3: {@code lambdaFeature = 0} (without L_fea), {@code lambdaLogits = 0}
 * (without L_logits), {@code useMcim = false} (without MCIM), {@code useDfim = false} (without DFIM).
 */
public final class UmdfConfig implements ModelSpec {
    private static final long serialVersionUID = 1L;

    /** Registry name of the family. */
    public static final String FAMILY = "umdf";

    @Config(description = "Model dimension d of every modality after projection (paper: 40).")
    private int modelDim = 40;
    @Config(description = "Number of stacked MCIM layers D (paper: 4).")
    private int depth = 4;
    @Config(description = "Attention heads (paper: 10 for MOSI and IEMOCAP, 8 for MOSEI); must divide d.")
    private int heads = 10;
    @Config(description = "Layers of each transformer encoder, for H and for H-bar (SPEC D4).")
    private int encoderLayers = 2;
    @Config(description = "Temporal kernel of the modality projections (paper: 3).")
    private int projectionKernel = 3;
    @Config(description = "Temporal kernel of DFIM's gate convolution (paper: 3).")
    private int gateKernel = 3;

    @Config(description = "Dropout after the modality projections (MulT embed_dropout).")
    private float embedDropout = 0.25f;
    @Config(description = "Attention-weight dropout where language is the MCIM target (MulT attn_dropout).")
    private float attnDropoutLanguage = 0.1f;
    @Config(description = "Attention-weight dropout where audio is the MCIM target (MulT attn_dropout_a).")
    private float attnDropoutAudio = 0.0f;
    @Config(description = "Attention-weight dropout where vision is the MCIM target (MulT attn_dropout_v).")
    private float attnDropoutVision = 0.0f;
    @Config(description = "Attention-weight dropout in the two transformer encoders.")
    private float encoderAttnDropout = 0.1f;
    @Config(description = "What every attention dropout of the network drops: WEIGHT (each attention weight, MulT; default) or KEY "
            + "(each key of a head for all its queries: no attention map, so the Java training attention runs, at least twice as fast on a CPU; "
            + "a different regulariser, compared on validation loss in docs/performance.md).")
    private AttentionDropoutUnit attnDropoutUnit = AttentionDropoutUnit.WEIGHT;
    @Config(description = "Dropout inside feed-forward networks (MulT relu_dropout).")
    private float reluDropout = 0.1f;
    @Config(description = "Dropout on sub-layer outputs before residual sums (MulT res_dropout).")
    private float resDropout = 0.1f;
    @Config(description = "Dropout in the prediction MLP (MulT out_dropout).")
    private float outDropout = 0.0f;

    @Config(description = "D1: keys/values of every MCIM layer from the low-level Z (LOW_LEVEL) or the current layer (CURRENT_LAYER).")
    private KeySource keySource = KeySource.LOW_LEVEL;
    @Config(description = "D2: also exclude dropped (missing) frames from attention keys; padding is always excluded.")
    private boolean maskMissingKeys = false;
    @Config(description = "D4: LayerNorm placement of the MCIM and encoder layers: PRE (MulT's code; default: POST did not learn in our budgets) or POST (the paper's equations).")
    private NormPlacement norm = NormPlacement.PRE;
    @Config(description = "D4: pre-norm MCIM adds the residual to its fine-grained branches ONCE (Z^c + a_0 + a_1) or PER_BRANCH "
            + "((Z^c + a_0) + (Z^c + a_1), the first releases).")
    private FineResidual fineResidual = FineResidual.ONCE;
    @Config(description = "D3: how unaligned audio/vision reach the language length: ADAPTIVE_AVG_POOL or LINEAR.")
    private Resampling resampling = Resampling.ADAPTIVE_AVG_POOL;

    @Config(description = "lambda1, weight of the feature distillation loss L_fea (0 = the 'w/o L_fea' ablation).")
    private double lambdaFeature = 0.1;
    @Config(description = "lambda2, weight of the logits distillation loss L_logits (0 = the 'w/o L_logits' ablation).")
    private double lambdaLogits = 1.0;
    @Config(description = "Weight of the task loss on the per-view logits f_y(h_a), f_y(h_b) (0 = paper-literal: f_y trained by L_logits only).")
    private double auxiliaryTaskWeight = 1.0;
    @Config(description = "D10: what the auxiliary task loss scores: VIEW_MEAN (the mean of the two views' logits, no logits "
            + "distillation in it) or EACH_VIEW (each view's logits, which distils them with weight auxiliaryTaskWeight/4).")
    private AuxiliaryTarget auxiliaryTarget = AuxiliaryTarget.VIEW_MEAN;
    @Config(description = "D9: f_y shares the prediction head (true) instead of being a linear layer of its own (false, the default).")
    private boolean sharedLogitsHead = false;
    @Config(description = "D5: MMD estimator, BIASED (eq. 2, V-statistic) or UNBIASED (U-statistic).")
    private MmdEstimator mmdEstimator = MmdEstimator.BIASED;
    @Config(description = "D5: number of Gaussian RBF kernels of the MMD.")
    private int mmdKernels = 5;
    @Config(description = "D5: bandwidth multiplier between successive kernels.")
    private float mmdKernelMultiplier = 2.0f;
    @Config(description = "Regression task loss: MSE (paper) or L1.")
    private RegressionLoss regressionLoss = RegressionLoss.MSE;

    @Config(description = "false = the 'w/o MCIM' ablation: every crossmodal attention becomes self-attention within the target.")
    private boolean useMcim = true;
    @Config(description = "false = the 'w/o DFIM' ablation: H_e = Linear([H_a; H_b]).")
    private boolean useDfim = true;
    @Config(description = "ONE_STREAM (default, equal to the paper's cloned two-stream input) or TWO_STREAM (literal).")
    private InferenceMode inference = InferenceMode.ONE_STREAM;

    /** The defaults (the paper's MOSI settings). */
    public UmdfConfig() {
    }

    /** The paper's settings for one of its data sets (heads differ: 10/8/10). */
    public static UmdfConfig paper(PaperDataset dataset) {
        return builder().heads(dataset.heads()).build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(new UmdfConfig());
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(copy());
    }

    private UmdfConfig copy() {
        return Specs.copy(this);
    }

    @Override
    public void postConfig() {
        String problem = problem();
        if (problem != null) {
            throw new PropertyException("", "UmdfConfig", problem);
        }
    }

    /** The first invalid setting, or null. */
    private String problem() {
        if (modelDim < 1 || depth < 1 || heads < 1 || encoderLayers < 1) {
            return "modelDim, depth, heads and encoderLayers must be positive, found " + modelDim + ", " + depth + ", " + heads + ", " + encoderLayers;
        }
        if (modelDim % heads != 0) {
            return "heads (" + heads + ") must divide modelDim (" + modelDim + ")";
        }
        if (projectionKernel % 2 == 0 || gateKernel % 2 == 0 || projectionKernel < 1 || gateKernel < 1) {
            return "kernels must be odd and positive, found projectionKernel=" + projectionKernel + ", gateKernel=" + gateKernel;
        }
        for (float p : new float[] {embedDropout, attnDropoutLanguage, attnDropoutAudio, attnDropoutVision, encoderAttnDropout,
                reluDropout, resDropout, outDropout}) {
            if (!(p >= 0f && p < 1f)) {
                return "dropout rates must be in [0, 1), found " + p;
            }
        }
        if (attnDropoutUnit == null) {
            return "attnDropoutUnit must be WEIGHT or KEY, found null";
        }
        if (!(lambdaFeature >= 0 && lambdaLogits >= 0 && auxiliaryTaskWeight >= 0)) {
            return "lambdaFeature, lambdaLogits and auxiliaryTaskWeight must be >= 0, found " + lambdaFeature + ", " + lambdaLogits + ", " + auxiliaryTaskWeight;
        }
        if (mmdKernels < 1 || !(mmdKernelMultiplier > 1f)) {
            return "mmdKernels must be >= 1 and mmdKernelMultiplier > 1, found " + mmdKernels + ", " + mmdKernelMultiplier;
        }
        return null;
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public int viewsPerSample() {
        return 2;
    }

    @Override
    public NetworkModel build(DatasetSchema schema) {
        return new UmdfModel(this, schema);
    }

    /** The width of the joint representation for a data set: {@code d} times its number of modalities. */
    public int jointDim(DatasetSchema schema) {
        return modelDim * schema.modalities().size();
    }

    /** Heads of the encoders over the joint representation: {@link #heads()} when it divides the joint width, else the largest divisor below it. */
    public int encoderHeads(DatasetSchema schema) {
        int dj = jointDim(schema);
        int h = heads;
        while (dj % h != 0) {
            h--;
        }
        return h;
    }

    public int modelDim() { return modelDim; }
    public int depth() { return depth; }
    public int heads() { return heads; }
    public int encoderLayers() { return encoderLayers; }
    public int projectionKernel() { return projectionKernel; }
    public int gateKernel() { return gateKernel; }
    public float embedDropout() { return embedDropout; }
    public float attnDropoutLanguage() { return attnDropoutLanguage; }
    public float attnDropoutAudio() { return attnDropoutAudio; }
    public float attnDropoutVision() { return attnDropoutVision; }
    public float encoderAttnDropout() { return encoderAttnDropout; }
    public AttentionDropoutUnit attnDropoutUnit() { return attnDropoutUnit; }
    public float reluDropout() { return reluDropout; }
    public float resDropout() { return resDropout; }
    public float outDropout() { return outDropout; }
    public KeySource keySource() { return keySource; }
    public boolean maskMissingKeys() { return maskMissingKeys; }
    public Resampling resampling() { return resampling; }
    public NormPlacement norm() { return norm; }
    public FineResidual fineResidual() { return fineResidual; }
    public double lambdaFeature() { return lambdaFeature; }
    public double lambdaLogits() { return lambdaLogits; }
    public double auxiliaryTaskWeight() { return auxiliaryTaskWeight; }
    public AuxiliaryTarget auxiliaryTarget() { return auxiliaryTarget; }
    public boolean sharedLogitsHead() { return sharedLogitsHead; }
    public MmdEstimator mmdEstimator() { return mmdEstimator; }
    public int mmdKernels() { return mmdKernels; }
    public float mmdKernelMultiplier() { return mmdKernelMultiplier; }
    public RegressionLoss regressionLoss() { return regressionLoss; }
    public boolean useMcim() { return useMcim; }
    public boolean useDfim() { return useDfim; }
    public InferenceMode inference() { return inference; }

    /** Configurations saved before {@code attnDropoutUnit} existed dropped single attention weights. */
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (attnDropoutUnit == null) {
            attnDropoutUnit = AttentionDropoutUnit.WEIGHT;
        }
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "ModelSpec");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UmdfConfig && getProvenance().equals(((UmdfConfig) o).getProvenance());
    }

    @Override
    public int hashCode() {
        return getProvenance().hashCode();
    }

    @Override
    public String toString() {
        return "UmdfConfig(d=" + modelDim + ", D=" + depth + ", heads=" + heads + ", lambda1=" + lambdaFeature + ", lambda2="
                + lambdaLogits + ", aux=" + auxiliaryTaskWeight + (auxiliaryTarget == AuxiliaryTarget.VIEW_MEAN ? "" : " (each view)")
                + (sharedLogitsHead ? ", f_y = prediction head" : "")
                + (attnDropoutUnit == AttentionDropoutUnit.KEY ? ", attention dropout per key" : "") + (useMcim ? "" : ", w/o MCIM") + (useDfim ? "" : ", w/o DFIM") + ")";
    }

    /** Fluent construction in code; {@link #build()} validates. */
    public static final class Builder {
        private final UmdfConfig c;

        private Builder(UmdfConfig c) {
            this.c = c;
        }

        public Builder modelDim(int v) { c.modelDim = v; return this; }
        public Builder depth(int v) { c.depth = v; return this; }
        public Builder heads(int v) { c.heads = v; return this; }
        public Builder encoderLayers(int v) { c.encoderLayers = v; return this; }
        public Builder projectionKernel(int v) { c.projectionKernel = v; return this; }
        public Builder gateKernel(int v) { c.gateKernel = v; return this; }
        public Builder embedDropout(float v) { c.embedDropout = v; return this; }
        public Builder attnDropout(float language, float audio, float vision) {
            c.attnDropoutLanguage = language;
            c.attnDropoutAudio = audio;
            c.attnDropoutVision = vision;
            return this;
        }
        public Builder encoderAttnDropout(float v) { c.encoderAttnDropout = v; return this; }
        public Builder attnDropoutUnit(AttentionDropoutUnit v) { c.attnDropoutUnit = v; return this; }
        public Builder reluDropout(float v) { c.reluDropout = v; return this; }
        public Builder resDropout(float v) { c.resDropout = v; return this; }
        public Builder outDropout(float v) { c.outDropout = v; return this; }
        /** Sets every dropout rate to zero (tests of exact equalities). */
        public Builder noDropout() {
            c.embedDropout = 0f;
            c.attnDropoutLanguage = 0f;
            c.attnDropoutAudio = 0f;
            c.attnDropoutVision = 0f;
            c.encoderAttnDropout = 0f;
            c.reluDropout = 0f;
            c.resDropout = 0f;
            c.outDropout = 0f;
            return this;
        }
        public Builder keySource(KeySource v) { c.keySource = v; return this; }
        public Builder maskMissingKeys(boolean v) { c.maskMissingKeys = v; return this; }
        public Builder resampling(Resampling v) { c.resampling = v; return this; }
        public Builder norm(NormPlacement v) { c.norm = v; return this; }
        public Builder fineResidual(FineResidual v) { c.fineResidual = v; return this; }
        public Builder lambdaFeature(double v) { c.lambdaFeature = v; return this; }
        public Builder lambdaLogits(double v) { c.lambdaLogits = v; return this; }
        public Builder auxiliaryTaskWeight(double v) { c.auxiliaryTaskWeight = v; return this; }
        public Builder auxiliaryTarget(AuxiliaryTarget v) { c.auxiliaryTarget = v; return this; }
        public Builder sharedLogitsHead(boolean v) { c.sharedLogitsHead = v; return this; }
        public Builder mmdEstimator(MmdEstimator v) { c.mmdEstimator = v; return this; }
        public Builder mmdKernels(int v) { c.mmdKernels = v; return this; }
        public Builder mmdKernelMultiplier(float v) { c.mmdKernelMultiplier = v; return this; }
        public Builder regressionLoss(RegressionLoss v) { c.regressionLoss = v; return this; }
        public Builder useMcim(boolean v) { c.useMcim = v; return this; }
        public Builder useDfim(boolean v) { c.useDfim = v; return this; }
        public Builder inference(InferenceMode v) { c.inference = v; return this; }

        /** The configuration; throws {@link IllegalArgumentException} naming an invalid setting. */
        public UmdfConfig build() {
            String problem = c.problem();
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            return c.copy();
        }
    }
}
