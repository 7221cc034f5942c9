package io.github.umdf.baselines;

import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelGroup;

/**
 * A baseline's registry entry: its name, one-line description and citation, in the
 * {@code baseline} group of {@link io.github.umdf.nn.model.ModelRegistry}. Subclasses give the
 * specification and the training regime of the original codebase.
 */
public abstract class BaselineFamily implements ModelFamily {
    private final String name;
    private final String description;
    private final String citation;

    /**
     * @param name        registry name
     * @param description what the model is, in one line
     * @param citation    the paper
     */
    protected BaselineFamily(String name, String description, String citation) {
        this.name = name;
        this.description = description;
        this.citation = citation;
    }

    /**
     * The training settings of an original codebase: Adam with its learning rate and batch size, its
     * epochs and early-stopping patience (0: none), without gradient clipping or learning-rate schedule;
     * a family whose original has them adds them (CubeMLP's value clipping and step schedule).
     */
    protected static TrainingConfig.Builder originalTraining(int batchSize, double learningRate, int epochs, int patience,
                                                             MissingnessConfig missingness) {
        return TrainingConfig.builder().batchSize(batchSize).learningRate(learningRate).epochs(epochs).earlyStoppingPatience(patience)
                .gradClipNorm(0).lrDecayFactor(1.0).missingness(missingness);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String citation() {
        return citation;
    }

    @Override
    public final ModelGroup group() {
        return ModelGroup.BASELINE;
    }
}
