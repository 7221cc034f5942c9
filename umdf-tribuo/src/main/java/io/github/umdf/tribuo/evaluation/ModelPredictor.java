package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.tribuo.MultimodalModel;

import java.util.List;

/**
 * A {@link Predictor} over a Tribuo {@link MultimodalModel}, with output columns in the label
 * order of the data set being evaluated (Tribuo's output ids may order labels differently).
 */
public final class ModelPredictor implements Predictor {
    private final MultimodalModel<?> model;
    private final DatasetSchema dataSchema;

    /**
     * @param model      the trained model
     * @param dataSchema the schema of the data set being evaluated: its label order is the column order
     */
    public ModelPredictor(MultimodalModel<?> model, DatasetSchema dataSchema) {
        this.model = model;
        this.dataSchema = dataSchema;
        if (!model.schema().modalities().equals(dataSchema.modalities())) {
            throw new IllegalArgumentException("The model was trained on modalities " + model.schema().modalities()
                    + ", the data set has " + dataSchema.modalities());
        }
        for (var m : dataSchema.modalities()) {
            if (!model.schema().shape(m).equals(dataSchema.shape(m))) {
                throw new IllegalArgumentException("The model expects " + m.key() + " of shape " + model.schema().shape(m)
                        + ", the data set has " + dataSchema.shape(m));
            }
        }
    }

    @Override
    public DatasetSchema schema() {
        return dataSchema;
    }

    @Override
    public float[][] predict(List<MultimodalSample> samples, List<SampleMask> masks) {
        return model.rawOutputs(samples, masks, dataSchema.labelNames());
    }

    @Override
    public float[][] represent(List<MultimodalSample> samples, List<SampleMask> masks) {
        return model.representations(samples, masks);
    }
}
