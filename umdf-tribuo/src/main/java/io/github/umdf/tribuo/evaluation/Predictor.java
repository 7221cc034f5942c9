package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.missing.SampleMask;

import java.util.List;

/**
 * What the protocol needs from a trained model: raw outputs (regression values or logits) and joint
 * representations for samples under given masks.
 */
public interface Predictor {
    /** The schema the model was trained for. */
    DatasetSchema schema();

    /** Raw outputs per sample. */
    float[][] predict(List<MultimodalSample> samples, List<SampleMask> masks);

    /** Joint representations per sample (t-SNE). */
    float[][] represent(List<MultimodalSample> samples, List<SampleMask> masks);
}
