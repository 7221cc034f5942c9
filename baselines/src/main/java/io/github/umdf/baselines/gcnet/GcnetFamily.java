package io.github.umdf.baselines.gcnet;

import io.github.umdf.baselines.BaselineFamily;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.model.ModelSpec;

/**
 * GCNet in the model registry. Training follows zeroQiaoba/GCNet's published commands
 * ({@code README.md}, {@code run.sh}: {@code --epoch=100 --lr=0.001}; {@code train_gcnet.py}: Adam with
 * {@code weight_decay} {@code --l2} 1e-5, batch 32): Adam with learning rate 1e-3 and weight decay 1e-5,
 * 32 conversations per batch ({@link GcnetModel#batches} counts the batch size in conversations), 100
 * epochs, no early stopping, no gradient clipping, no learning-rate schedule (the best validation epoch
 * is kept); missing modalities as the UMDF paper trained the missing-modality methods: one random
 * missing view per sample and epoch ({@link MissingnessConfig#defaults()}). The network has one speaker
 * for CMU-MOSI and MOSEI and two for IEMOCAP, as the original's {@code n_speakers}.
 */
public final class GcnetFamily extends BaselineFamily {
    /** For {@link java.util.ServiceLoader}. */
    public GcnetFamily() {
        super(GcnetConfig.FAMILY, "Graph Completion Network: segments of a video as a conversation, BiLSTM + temporal and speaker "
                + "graphs (RGCN), reconstructing the missing modalities", "Lian et al., TPAMI 2023");
    }

    @Override
    public ModelSpec defaultSpec(PaperDataset dataset) {
        return dataset == PaperDataset.IEMOCAP ? GcnetConfig.builder().speakers(2).build() : new GcnetConfig();
    }

    @Override
    public TrainingConfig defaultTraining(PaperDataset dataset) {
        return originalTraining(32, 1e-3, 100, 0, MissingnessConfig.defaults()).weightDecay(1e-5).build();
    }
}
