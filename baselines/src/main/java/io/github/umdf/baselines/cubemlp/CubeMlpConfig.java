package io.github.umdf.baselines.cubemlp;

import com.oracle.labs.mlrg.olcut.config.Config;
import io.github.umdf.baselines.BaselineSpec;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.model.NetworkModel;

/**
 * Every setting of CubeMLP (Sun et al., ACM MM 2022) with the values of kiva12138/CubeMLP's published
 * MOSI run as defaults ({@code README.md}: {@code --d_hiddens 50-3-128=10-3-32 --d_outs 50-3-128=10-3-32
 * --res_project 1-1 --bias --ln_first --dropout_mlp 0.1-0.1-0.1 --dropout 0.1-0.1-0.1-0.1}, with
 * {@code Parameters.py}'s {@code d_common 128}, {@code encoders gru}, {@code activate gelu},
 * {@code time_len 100}, and {@code Model.py}'s two-layer GRU): unimodal features of width 128, two
 * mixing blocks taking the cube {@code [100, 3, 128]} to {@code [50, 3, 128]} and {@code [10, 3, 32]}.
 *
 * <p>[adapt] The time sizes are derived from the data set's sequence length {@code T} (the language
 * length, or the first modality's without language) as {@code ceil(T / firstTimeDivisor)} and
 * {@code ceil(T / secondTimeDivisor)}: the original's 100 → 50 → 10 is {@code T/2, T/10} of its
 * {@code time_len = 100}, and the same fractions give 50 → 25 → 5 for the word-aligned {@code T = 50}
 * of MOSI and MOSEI here. The modality axis keeps the number of modalities the data set has (3 in the
 * original). See {@link CubeMlpModel} for the network and the departures from the original.
 */
public final class CubeMlpConfig extends BaselineSpec {
    private static final long serialVersionUID = 1L;

    /** Registry name of the family. */
    public static final String FAMILY = "cubemlp";

    @Config(description = "Width of every unimodal feature, the cube's feature axis on input (original d_common: 128).")
    private int commonDim = 128;
    @Config(description = "Stacked bidirectional GRU layers of the audio and vision extractors (original Model.py: nn.GRU(d, 128, 2, bidirectional=True)).")
    private int gruLayers = 2;
    @Config(description = "The first mixing block takes time T to ceil(T / firstTimeDivisor) [adapt: the original's 100 -> 50 is T/2].")
    private int firstTimeDivisor = 2;
    @Config(description = "Feature width after the first mixing block (original d_outs 50-3-128: 128).")
    private int firstFeatureDim = 128;
    @Config(description = "The second mixing block takes time to ceil(T / secondTimeDivisor) [adapt: the original's 100 -> 10 is T/10].")
    private int secondTimeDivisor = 10;
    @Config(description = "Feature width after the second mixing block (original d_outs 10-3-32: 32).")
    private int secondFeatureDim = 32;
    @Config(description = "Dropout on each unimodal feature before the cube is stacked (original dropout[0..2]: 0.1).")
    private float featureDropout = 0.1f;
    @Config(description = "Dropout on the output of each time, modality and feature MLP (original dropout_mlp: 0.1).")
    private float mixingDropout = 0.1f;
    @Config(description = "Dropout in the classifier, used only when the fused width exceeds 128 (original dropout[3]: 0.1).")
    private float classifierDropout = 0.1f;
    @Config(description = "Regression task loss: L1 (original loss: MAE) or MSE.")
    private RegressionLoss regressionLoss = RegressionLoss.L1;

    /** The original's defaults. */
    public CubeMlpConfig() {
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(new CubeMlpConfig());
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(validatedCopy(CubeMlpConfig.class));
    }

    @Override
    protected String problem() {
        return first(sizeProblem("commonDim", commonDim), sizeProblem("gruLayers", gruLayers),
                sizeProblem("firstTimeDivisor", firstTimeDivisor), sizeProblem("firstFeatureDim", firstFeatureDim),
                sizeProblem("secondTimeDivisor", secondTimeDivisor), sizeProblem("secondFeatureDim", secondFeatureDim),
                dropoutProblem("featureDropout", featureDropout), dropoutProblem("mixingDropout", mixingDropout),
                dropoutProblem("classifierDropout", classifierDropout), regressionLoss == null ? "regressionLoss must be set" : null);
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public NetworkModel build(DatasetSchema schema) {
        return new CubeMlpModel(this, schema);
    }

    /**
     * The cube's time axis after the first and after the second mixing block, for a sequence length
     * {@code T}: {@code [ceil(T / firstTimeDivisor), ceil(T / secondTimeDivisor)]} (100: 50, 10; 50: 25, 5).
     */
    public int[] timeSizes(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("CubeMLP needs a sequence length of at least 1, found " + length);
        }
        return new int[] {ceilDiv(length, firstTimeDivisor), ceilDiv(length, secondTimeDivisor)};
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** The feature axis after the first and after the second mixing block. */
    public int[] featureSizes() {
        return new int[] {firstFeatureDim, secondFeatureDim};
    }

    public int commonDim() { return commonDim; }
    public int gruLayers() { return gruLayers; }
    public float featureDropout() { return featureDropout; }
    public float mixingDropout() { return mixingDropout; }
    public float classifierDropout() { return classifierDropout; }

    @Override
    public RegressionLoss regressionLoss() {
        return regressionLoss;
    }

    @Override
    public String toString() {
        return "CubeMlpConfig(d=" + commonDim + ", gru layers=" + gruLayers + ", blocks [T/" + firstTimeDivisor + ", K, " + firstFeatureDim
                + "] -> [T/" + secondTimeDivisor + ", K, " + secondFeatureDim + "], loss=" + regressionLoss + ")";
    }

    /** Fluent construction in code; {@link #build()} validates. */
    public static final class Builder {
        private final CubeMlpConfig c;

        private Builder(CubeMlpConfig c) {
            this.c = c;
        }

        /** Width of the unimodal features and stacked GRU layers of the audio and vision extractors. */
        public Builder extractors(int commonDim, int gruLayers) {
            c.commonDim = commonDim;
            c.gruLayers = gruLayers;
            return this;
        }

        /** The first mixing block: time to {@code ceil(T / timeDivisor)}, features to {@code featureDim}. */
        public Builder firstBlock(int timeDivisor, int featureDim) {
            c.firstTimeDivisor = timeDivisor;
            c.firstFeatureDim = featureDim;
            return this;
        }

        /** The second mixing block: time to {@code ceil(T / timeDivisor)}, features to {@code featureDim}. */
        public Builder secondBlock(int timeDivisor, int featureDim) {
            c.secondTimeDivisor = timeDivisor;
            c.secondFeatureDim = featureDim;
            return this;
        }

        /** Dropout on the unimodal features, in the mixing MLPs and in the classifier. */
        public Builder dropouts(float feature, float mixing, float classifier) {
            c.featureDropout = feature;
            c.mixingDropout = mixing;
            c.classifierDropout = classifier;
            return this;
        }

        /** No dropout anywhere. */
        public Builder noDropout() {
            return dropouts(0f, 0f, 0f);
        }

        public Builder regressionLoss(RegressionLoss v) {
            c.regressionLoss = v;
            return this;
        }

        /** The validated configuration. */
        public CubeMlpConfig build() {
            return c.validatedCopy(CubeMlpConfig.class);
        }
    }
}
