package io.github.umdf.baselines.selfmm;

import io.github.umdf.baselines.BaselineFamily;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.model.ModelSpec;

/**
 * The Self-MM-style comparator in the model registry. Training follows thuiar/MMSA
 * ({@code self_mm} in {@code config_regression.json}, {@code trains/multiTask/SELF_MM.py}) within what
 * the one training loop offers: one Adam group with the "others" learning rate 1e-3 and weight decay
 * 1e-3 (MOSEI: 1e-2), batches of 64 (MMSA: 16 with gradients accumulated over 4 batches; MOSEI 32 x 4
 * = 128), early stopping after 8 epochs without validation improvement (capped at 100 epochs), no
 * gradient clipping and no schedule. Self-MM is a complete-modality method: it trains on complete
 * data ({@link MissingnessConfig#complete()}).
 */
public final class SelfMmFamily extends BaselineFamily {
    /** For {@link java.util.ServiceLoader}. */
    public SelfMmFamily() {
        super(SelfMmConfig.FAMILY, "Self-MM-style multi-task network: LSTM subnets (GloVe text instead of BERT), fusion and "
                + "unimodal heads with self-supervised unimodal labels (ULGM); trained on complete data", "Yu et al., AAAI 2021");
    }

    @Override
    public ModelSpec defaultSpec(PaperDataset dataset) {
        return SelfMmConfig.paper(dataset);
    }

    @Override
    public TrainingConfig defaultTraining(PaperDataset dataset) {
        boolean mosei = dataset == PaperDataset.MOSEI;
        return originalTraining(mosei ? 128 : 64, 1e-3, 100, 8, MissingnessConfig.complete()).weightDecay(mosei ? 1e-2 : 1e-3).build();
    }
}
