package io.github.umdf.baselines.smil;

import com.oracle.labs.mlrg.olcut.config.Config;
import io.github.umdf.baselines.BaselineSpec;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.model.NetworkModel;

/**
 * Every setting of SMIL (Ma et al., AAAI 2021) with the values of mengmenm/SMIL at commit 0d0e827 as
 * defaults where the original has them ({@code train_missing_eval_missing.py}: inner learning rate
 * 1e-3 decayed ×0.1 every 1000 iterations, one inner step; {@code get_sound_mean_kmean.py}: 10
 * centres; {@code models/loss.py} {@code KDLossAlignTwo(alpha=0.01, beta=0.01)}; {@code SoundLenet5New}:
 * fusion width 64). The encoders for sequences are ours (the released code covers avMNIST only): an
 * LSTM per modality over its observed frames, mean-pooled. See {@link SmilModel} for the network and
 * every departure from the original.
 */
public final class SmilConfig extends BaselineSpec {
    private static final long serialVersionUID = 1L;

    /** Registry name of the family. */
    public static final String FAMILY = "smil";

    @Config(description = "Width of each modality's feature: the hidden size of its LSTM encoder, mean-pooled over observed frames (ours; "
            + "the original's LeNet-5 image feature has 160, its sound feature 320).")
    private int featureDim = 32;
    @Config(description = "Width of the fusion layer on the concatenated features (original SoundLenet5New fc1: 480 -> 64).")
    private int fusionDim = 64;
    @Config(description = "Number of k-means centres per modality (original n_clusters: 10).")
    private int clusters = 10;
    @Config(description = "Dropout on the fusion layer's output while training (original: nn.Dropout() declared, never active: "
            + "train_missing_eval_missing.py switches the network to eval mode at iteration 0 and never back).")
    private float dropout = 0.0f;
    @Config(description = "Learning rate of the inner (meta-train) gradient step (original lr_inner: 1e-3).")
    private double innerLearningRate = 1e-3;
    @Config(description = "The inner learning rate is multiplied by innerDecayFactor every innerDecaySteps optimisation steps "
            + "(original: 0.1 ** (iterate // 1000)).")
    private int innerDecaySteps = 1000;
    @Config(description = "Factor of the inner learning-rate decay (original: 0.1).")
    private double innerDecayFactor = 0.1;
    @Config(description = "First-order meta-learning: the inner gradient is a constant in the outer loss (original: false, "
            + "create_graph=True, second order).")
    private boolean firstOrder = false;
    @Config(description = "Weight of the MSE between the clean and the reconstructed fused features (original KDLossAlignTwo alpha: 0.01).")
    private double fusedAlignmentWeight = 0.01;
    @Config(description = "Weight of the MSE between the clean and the reconstructed fusion-layer outputs (original beta: 0.01).")
    private double hiddenAlignmentWeight = 0.01;
    @Config(description = "Recompute the k-means centres before every epoch from the current encoders (true), or once before the first "
            + "(the original computes them once, from a pre-trained extractor that then stays frozen).")
    private boolean recomputeCentres = true;
    @Config(description = "K-means restarts, the best inertia kept (scikit-learn's n_init at the time: 10).")
    private int kmeansRestarts = 10;
    @Config(description = "Most Lloyd iterations per restart (scikit-learn's max_iter: 300).")
    private int kmeansIterations = 300;
    @Config(description = "K-means relative tolerance (scikit-learn's tol: 1e-4).")
    private double kmeansTolerance = 1e-4;
    @Config(description = "Regression task loss: L1 or MSE (the original is classification only; L1 as the other comparators here).")
    private RegressionLoss regressionLoss = RegressionLoss.L1;

    /** The original's defaults. */
    public SmilConfig() {
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(new SmilConfig());
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(validatedCopy(SmilConfig.class));
    }

    @Override
    protected String problem() {
        if (!(innerLearningRate >= 0 && innerDecayFactor > 0 && innerDecayFactor <= 1)) {
            return "innerLearningRate must be >= 0 and innerDecayFactor in (0, 1], found " + innerLearningRate + " and " + innerDecayFactor;
        }
        if (!(fusedAlignmentWeight >= 0 && hiddenAlignmentWeight >= 0)) {
            return "alignment weights must be >= 0, found " + fusedAlignmentWeight + " and " + hiddenAlignmentWeight;
        }
        if (!(kmeansTolerance >= 0)) {
            return "kmeansTolerance must be >= 0, found " + kmeansTolerance;
        }
        return first(sizeProblem("featureDim", featureDim), sizeProblem("fusionDim", fusionDim), sizeProblem("clusters", clusters),
                sizeProblem("innerDecaySteps", innerDecaySteps), sizeProblem("kmeansRestarts", kmeansRestarts),
                sizeProblem("kmeansIterations", kmeansIterations), dropoutProblem("dropout", dropout),
                regressionLoss == null ? "regressionLoss must be set" : null);
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public NetworkModel build(DatasetSchema schema) {
        return new SmilModel(this, schema);
    }

    /** The inner learning rate at a 0-based optimisation step. */
    public double innerLearningRate(long step) {
        return innerLearningRate * Math.pow(innerDecayFactor, step / innerDecaySteps);
    }

    public int featureDim() { return featureDim; }
    public int fusionDim() { return fusionDim; }
    public int clusters() { return clusters; }
    public float dropout() { return dropout; }
    public double innerLearningRate() { return innerLearningRate; }
    public int innerDecaySteps() { return innerDecaySteps; }
    public double innerDecayFactor() { return innerDecayFactor; }
    public boolean firstOrder() { return firstOrder; }
    public double fusedAlignmentWeight() { return fusedAlignmentWeight; }
    public double hiddenAlignmentWeight() { return hiddenAlignmentWeight; }
    public boolean recomputeCentres() { return recomputeCentres; }
    public int kmeansRestarts() { return kmeansRestarts; }
    public int kmeansIterations() { return kmeansIterations; }
    public double kmeansTolerance() { return kmeansTolerance; }

    @Override
    public RegressionLoss regressionLoss() {
        return regressionLoss;
    }

    @Override
    public String toString() {
        return "SmilConfig(feature=" + featureDim + ", fusion=" + fusionDim + ", K=" + clusters + ", inner=" + innerLearningRate
                + (firstOrder ? ", first order" : "") + ")";
    }

    /** Fluent construction in code; {@link #build()} validates. */
    public static final class Builder {
        private final SmilConfig c;

        private Builder(SmilConfig c) {
            this.c = c;
        }

        public Builder featureDim(int v) { c.featureDim = v; return this; }
        public Builder fusionDim(int v) { c.fusionDim = v; return this; }
        public Builder clusters(int v) { c.clusters = v; return this; }
        public Builder dropout(float v) { c.dropout = v; return this; }
        public Builder innerLearningRate(double v) { c.innerLearningRate = v; return this; }
        public Builder innerDecaySteps(int v) { c.innerDecaySteps = v; return this; }
        public Builder innerDecayFactor(double v) { c.innerDecayFactor = v; return this; }
        public Builder firstOrder(boolean v) { c.firstOrder = v; return this; }
        public Builder fusedAlignmentWeight(double v) { c.fusedAlignmentWeight = v; return this; }
        public Builder hiddenAlignmentWeight(double v) { c.hiddenAlignmentWeight = v; return this; }
        public Builder recomputeCentres(boolean v) { c.recomputeCentres = v; return this; }
        public Builder kmeansRestarts(int v) { c.kmeansRestarts = v; return this; }
        public Builder kmeansIterations(int v) { c.kmeansIterations = v; return this; }
        public Builder kmeansTolerance(double v) { c.kmeansTolerance = v; return this; }
        public Builder regressionLoss(RegressionLoss v) { c.regressionLoss = v; return this; }

        /** The configuration; throws {@link IllegalArgumentException} naming an invalid setting. */
        public SmilConfig build() {
            return c.validatedCopy(SmilConfig.class);
        }
    }
}
