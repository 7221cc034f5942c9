package io.github.umdf.tools.toy;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelGroup;
import io.github.umdf.nn.model.ModelSpec;

/** The toy model's registry entry: registered by one line in this test source set's {@code META-INF/services}. */
public final class ToyFamily implements ModelFamily {
    @Override
    public String name() {
        return ToySpec.FAMILY;
    }

    @Override
    public String description() {
        return "A toy: per-modality means and a small perceptron (test sources only)";
    }

    @Override
    public String citation() {
        return "Nobody et al., TEST 2026";
    }

    @Override
    public ModelGroup group() {
        return ModelGroup.BASELINE;
    }

    @Override
    public ModelSpec defaultSpec(PaperDataset dataset) {
        return new ToySpec();
    }

    @Override
    public TrainingConfig defaultTraining(PaperDataset dataset) {
        return TrainingConfig.paper(dataset);
    }
}
