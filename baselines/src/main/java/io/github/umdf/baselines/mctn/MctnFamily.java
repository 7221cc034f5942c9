package io.github.umdf.baselines.mctn;

import io.github.umdf.baselines.BaselineFamily;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.model.ModelSpec;

/**
 * MCTN in the model registry. Training follows hainow/MCTN ({@code models/trimodals.py},
 * {@code configs/hierarchical_mctn.yaml}): Adam with learning rate 1e-4, batch 32, up to 200 epochs,
 * early stopping after 20 epochs without validation improvement, no gradient clipping and no
 * learning-rate schedule; missing modalities as the UMDF paper trained the missing-modality methods:
 * one random missing view per sample and epoch ({@link MissingnessConfig#defaults()}). The original
 * has no per-data-set settings, so every paper data set gets the same. Short runs may raise the
 * learning rate of 1e-4 ({@link TrainingConfig#learningRate()}); results must then say so.
 */
public final class MctnFamily extends BaselineFamily {
    /** For {@link java.util.ServiceLoader}. */
    public MctnFamily() {
        super(MctnConfig.FAMILY, "Multimodal Cyclic Translation Network: text -> vision (cyclic) -> audio seq2seq translations, "
                + "prediction from the text encoder alone", "Pham et al., AAAI 2019");
    }

    @Override
    public ModelSpec defaultSpec(PaperDataset dataset) {
        return new MctnConfig();
    }

    @Override
    public TrainingConfig defaultTraining(PaperDataset dataset) {
        return originalTraining(32, 1e-4, 200, 20, MissingnessConfig.defaults()).build();
    }
}
