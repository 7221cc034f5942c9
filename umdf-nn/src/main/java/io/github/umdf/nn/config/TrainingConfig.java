package io.github.umdf.nn.config;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import io.github.umdf.nn.missing.MissingnessConfig;

import java.io.Serializable;

/**
 * How a network is trained: the one training loop's settings, shared by every model. Defaults are
 * the paper's MOSI settings (Adam, batch 128, learning rate 1e-3, 100 epochs) and MulT's training
 * details the paper does not give (gradient clipping at norm 0.8, learning rate divided by 10 after
 * a validation plateau). Model selection and early stopping use the validation loss only. Other
 * models' recipes are a setting away: element-wise gradient clipping ({@code gradClipValue}, PyTorch's
 * {@code clip_grad_value_}) instead of the norm, and a fixed step schedule ({@code lrStepEpochs},
 * PyTorch's {@code StepLR}) instead of the plateau.
 */
public final class TrainingConfig implements Configurable, Provenancable<ConfiguredObjectProvenance>, Serializable {
    private static final long serialVersionUID = 1L;

    @Config(description = "Samples per batch (paper: 128 MOSI, 16 MOSEI, 32 IEMOCAP).")
    private int batchSize = 128;
    @Config(description = "Adam learning rate (paper: 1e-3 MOSI and MOSEI, 2e-3 IEMOCAP).")
    private double learningRate = 1e-3;
    @Config(description = "Maximum number of epochs (paper: 100 MOSI, 30 MOSEI, 40 IEMOCAP).")
    private int epochs = 100;
    @Config(description = "Optimisation steps of linear learning-rate warm-up (step k uses learningRate x k / warmupSteps); 0 (default, the paper's setting) disables it.")
    private int warmupSteps = 0;
    @Config(description = "Clip the global gradient norm to this value (MulT: 0.8); 0 disables clipping.")
    private double gradClipNorm = 0.8;
    @Config(description = "Clip every gradient element to [-gradClipValue, gradClipValue] (PyTorch clip_grad_value_; CubeMLP: 1.0); 0 (default) disables it. An alternative to gradClipNorm: at most one of the two is non-zero.")
    private double gradClipValue = 0.0;
    @Config(description = "L2 weight decay added to the gradients (Adam).")
    private double weightDecay = 0.0;
    @Config(description = "Epochs without validation improvement before the learning rate is multiplied by lrDecayFactor (MulT: 20).")
    private int lrPlateauPatience = 20;
    @Config(description = "Factor applied to the learning rate on a plateau, or every lrStepEpochs epochs (MulT: 0.1).")
    private double lrDecayFactor = 0.1;
    @Config(description = "Multiply the learning rate by lrDecayFactor after every lrStepEpochs epochs (PyTorch StepLR; CubeMLP: 60) instead of on validation plateaus; 0 (default) keeps the plateau schedule.")
    private int lrStepEpochs = 0;
    @Config(description = "Epochs without validation improvement before training stops; 0 disables early stopping.")
    private int earlyStoppingPatience = 0;
    @Config(description = "How training views lose modalities and frames (SPEC D7); validation views follow the same distribution with fixed masks.")
    private MissingnessConfig missingness = MissingnessConfig.defaults();
    @Config(description = "AUTO (GPU when DJL sees one), CPU or GPU.")
    private DeviceChoice device = DeviceChoice.AUTO;
    @Config(description = "Seconds between progress lines within an epoch.")
    private int progressSeconds = 30;

    /** The defaults (paper, MOSI). */
    public TrainingConfig() {
    }

    /** The paper's settings for one of its data sets. */
    public static TrainingConfig paper(PaperDataset dataset) {
        return builder().batchSize(dataset.batchSize()).learningRate(dataset.learningRate()).epochs(dataset.epochs()).build();
    }

    public static Builder builder() {
        return new Builder(new TrainingConfig());
    }

    public Builder toBuilder() {
        return new Builder(Specs.copy(this));
    }

    @Override
    public void postConfig() {
        String p = problem();
        if (p != null) {
            throw new PropertyException("", "TrainingConfig", p);
        }
    }

    private String problem() {
        if (batchSize < 1 || epochs < 1) {
            return "batchSize and epochs must be positive, found " + batchSize + ", " + epochs;
        }
        if (warmupSteps < 0) {
            return "warmupSteps must be >= 0, found " + warmupSteps;
        }
        if (!(learningRate > 0) || !(gradClipNorm >= 0) || !(gradClipValue >= 0) || !(weightDecay >= 0)) {
            return "learningRate must be > 0 and gradClipNorm, gradClipValue, weightDecay >= 0, found " + learningRate + ", "
                    + gradClipNorm + ", " + gradClipValue + ", " + weightDecay;
        }
        if (gradClipNorm > 0 && gradClipValue > 0) {
            return "gradClipNorm and gradClipValue are alternatives, set one of them to 0; found gradClipNorm " + gradClipNorm
                    + " and gradClipValue " + gradClipValue;
        }
        if (lrPlateauPatience < 1 || !(lrDecayFactor > 0 && lrDecayFactor <= 1) || earlyStoppingPatience < 0 || lrStepEpochs < 0) {
            return "expected lrPlateauPatience >= 1, lrDecayFactor in (0, 1], earlyStoppingPatience >= 0, lrStepEpochs >= 0, found "
                    + lrPlateauPatience + ", " + lrDecayFactor + ", " + earlyStoppingPatience + ", " + lrStepEpochs;
        }
        if (missingness == null || device == null) {
            return "missingness and device must be set";
        }
        return null;
    }

    public int batchSize() { return batchSize; }
    public double learningRate() { return learningRate; }
    public int epochs() { return epochs; }
    public int warmupSteps() { return warmupSteps; }
    public double gradClipNorm() { return gradClipNorm; }
    public double gradClipValue() { return gradClipValue; }
    public double weightDecay() { return weightDecay; }
    public int lrPlateauPatience() { return lrPlateauPatience; }
    public double lrDecayFactor() { return lrDecayFactor; }
    public int lrStepEpochs() { return lrStepEpochs; }
    public int earlyStoppingPatience() { return earlyStoppingPatience; }
    public MissingnessConfig missingness() { return missingness; }
    public DeviceChoice device() { return device; }
    public int progressSeconds() { return progressSeconds; }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "TrainingConfig");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingConfig && getProvenance().equals(((TrainingConfig) o).getProvenance());
    }

    @Override
    public int hashCode() {
        return getProvenance().hashCode();
    }

    @Override
    public String toString() {
        return "TrainingConfig(batch=" + batchSize + ", lr=" + learningRate + (warmupSteps > 0 ? ", warmup=" + warmupSteps : "")
                + ", epochs=" + epochs + (gradClipValue > 0 ? ", clipValue=" + gradClipValue : ", clip=" + gradClipNorm)
                + (lrStepEpochs > 0 ? ", lr x" + lrDecayFactor + " every " + lrStepEpochs + " epochs" : "")
                + ", " + missingness + ", device=" + device + ")";
    }

    /** Fluent construction in code; {@link #build()} validates. */
    public static final class Builder {
        private final TrainingConfig c;

        private Builder(TrainingConfig c) {
            this.c = c;
        }

        public Builder batchSize(int v) { c.batchSize = v; return this; }
        public Builder learningRate(double v) { c.learningRate = v; return this; }
        public Builder epochs(int v) { c.epochs = v; return this; }
        public Builder warmupSteps(int v) { c.warmupSteps = v; return this; }
        public Builder gradClipNorm(double v) { c.gradClipNorm = v; return this; }
        public Builder gradClipValue(double v) { c.gradClipValue = v; return this; }
        public Builder weightDecay(double v) { c.weightDecay = v; return this; }
        public Builder lrPlateauPatience(int v) { c.lrPlateauPatience = v; return this; }
        public Builder lrDecayFactor(double v) { c.lrDecayFactor = v; return this; }
        public Builder lrStepEpochs(int v) { c.lrStepEpochs = v; return this; }
        public Builder earlyStoppingPatience(int v) { c.earlyStoppingPatience = v; return this; }
        public Builder missingness(MissingnessConfig v) { c.missingness = v; return this; }
        public Builder device(DeviceChoice v) { c.device = v; return this; }
        public Builder progressSeconds(int v) { c.progressSeconds = v; return this; }

        public TrainingConfig build() {
            String p = c.problem();
            if (p != null) {
                throw new IllegalArgumentException(p);
            }
            return Specs.copy(c);
        }
    }
}
