package io.github.umdf.baselines.transm;

import io.github.umdf.baselines.BaselineFamily;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.model.ModelSpec;

/**
 * TransM in the model registry. Training follows {@code transmodality.py}: Adam with Keras' default
 * learning rate 1e-3, batch 32, 100 epochs, no gradient clipping, no learning-rate schedule and no
 * early stopping (the best validation epoch is kept); missing modalities as the UMDF paper trained the
 * missing-modality methods: one random missing view per sample and epoch
 * ({@link MissingnessConfig#defaults()}). The same settings for every paper data set.
 */
public final class TransmFamily extends BaselineFamily {
    /** For {@link java.util.ServiceLoader}. */
    public TransmFamily() {
        super(TransmConfig.FAMILY, "TransModality: transformer translations text <-> vision and text <-> audio, "
                + "fusing encoder states and BiGRU embeddings", "Wang et al., WWW 2020");
    }

    @Override
    public ModelSpec defaultSpec(PaperDataset dataset) {
        return new TransmConfig();
    }

    @Override
    public TrainingConfig defaultTraining(PaperDataset dataset) {
        return originalTraining(32, 1e-3, 100, 0, MissingnessConfig.defaults()).build();
    }
}
