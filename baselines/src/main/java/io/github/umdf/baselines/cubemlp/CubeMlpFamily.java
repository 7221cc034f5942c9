package io.github.umdf.baselines.cubemlp;

import io.github.umdf.baselines.BaselineFamily;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.model.ModelSpec;

/**
 * CubeMLP in the model registry. Training follows kiva12138/CubeMLP's MOSI command ({@code README.md})
 * and {@code Parameters.py}: Adam with learning rate 4e-3 and no weight decay, batch 128, 70 epochs,
 * the learning rate ×0.1 after epoch 60 ({@code StepLR(60, 0.1)}), every gradient element clipped to
 * [-1, 1] ({@code clip_grad_value_(1.0)}), no early stopping (the best validation epoch is kept).
 * CubeMLP is a complete-modality method: it trains on complete data ({@link MissingnessConfig#complete()}),
 * as the UMDF paper compared it. The same settings for every paper data set (only the MOSI run is published).
 */
public final class CubeMlpFamily extends BaselineFamily {
    /** For {@link java.util.ServiceLoader}. */
    public CubeMlpFamily() {
        super(CubeMlpConfig.FAMILY, "CubeMLP: MLPs mixing the stacked unimodal features along time, modality and feature "
                + "(GloVe text instead of BERT); trained on complete data", "Sun et al., ACM MM 2022");
    }

    @Override
    public ModelSpec defaultSpec(PaperDataset dataset) {
        return new CubeMlpConfig();
    }

    @Override
    public TrainingConfig defaultTraining(PaperDataset dataset) {
        return originalTraining(128, 4e-3, 70, 0, MissingnessConfig.complete()).gradClipValue(1.0).lrStepEpochs(60).lrDecayFactor(0.1)
                .build();
    }
}
