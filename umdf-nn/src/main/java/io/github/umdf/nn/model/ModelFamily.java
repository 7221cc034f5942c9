package io.github.umdf.nn.model;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;

/**
 * One entry of the model registry: a named network configuration with its citation and its default
 * training regime. Registered once, through {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/io.github.umdf.nn.model.ModelFamily}); command-line choices,
 * configurations and the registry-wide tests all derive from {@link ModelRegistry}.
 *
 * <p>Adding a model means one class (its {@link ModelSpec} and network), one configuration file in
 * {@code configs/} and one registration.
 */
public interface ModelFamily {
    /** The registry name, used on the command line ({@code umdf}, {@code umdf-no-fea}, {@code mctn}, ...). */
    String name();

    /** One line: what the model is. */
    String description();

    /** The paper it comes from, e.g. {@code Li, Yang et al., AAAI 2024}. */
    String citation();

    /** What kind of entry this is: UMDF, one of its ablations or a baseline. */
    ModelGroup group();

    /** The network settings for one of the paper's data sets. */
    ModelSpec defaultSpec(PaperDataset dataset);

    /**
     * The training settings for one of the paper's data sets, including the missingness regime
     * (missing-modality methods train on random missing views, complete-modality methods on complete data).
     */
    TrainingConfig defaultTraining(PaperDataset dataset);

    /**
     * This family's network derived from a user's configuration of the same kind (an ablation applies
     * its change to the user's UMDF settings). Families that cannot derive from {@code base} return
     * their default for the paper data set.
     */
    default ModelSpec fromBase(ModelSpec base, PaperDataset dataset) {
        return base.getClass().equals(defaultSpec(dataset).getClass()) && name().equals(base.family()) ? base : defaultSpec(dataset);
    }

    /** This family's training settings derived from a user's training settings (complete-data training, say). */
    default TrainingConfig trainingFromBase(TrainingConfig base) {
        return base;
    }
}
