package io.github.umdf.baselines.smil;

import io.github.umdf.baselines.BaselineFamily;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.model.ModelSpec;

/**
 * SMIL in the model registry. Training follows mengmenm/SMIL {@code train_missing_eval_missing.py}
 * within the one loop: Adam with learning rate 1e-3 and weight decay 1e-4 (both of the original's
 * optimisers), batches of 128, no gradient clipping; missing modalities as the UMDF paper trained the
 * missing-modality methods: one random missing view per sample and epoch
 * ({@link MissingnessConfig#defaults()}). [adapt] The original runs 8000 iterations of 128 (about 730
 * MOSI epochs) and keeps the best test accuracy; here up to 200 epochs with early stopping after 20
 * without validation improvement (as MCTN's), the best validation epoch kept. The original's outer
 * StepLR(5000, 0.1) is not reproduced; the inner learning rate's decay is ({@link SmilConfig}).
 */
public final class SmilFamily extends BaselineFamily {
    /** For {@link java.util.ServiceLoader}. */
    public SmilFamily() {
        super(SmilConfig.FAMILY, "SMIL: missing modality features reconstructed as softplus-weighted k-means centres, learned feature "
                + "perturbations, meta-learning inner/outer updates; LSTM encoders (ours)", "Ma et al., AAAI 2021");
    }

    @Override
    public ModelSpec defaultSpec(PaperDataset dataset) {
        return new SmilConfig();
    }

    @Override
    public TrainingConfig defaultTraining(PaperDataset dataset) {
        return originalTraining(128, 1e-3, 200, 20, MissingnessConfig.defaults()).weightDecay(1e-4).build();
    }
}
