package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.train.NetworkSession;

import java.util.List;

/** A {@link Predictor} over a {@link NetworkSession}. */
public final class SessionPredictor implements Predictor {
    private final NetworkSession session;
    private final int batchSize;

    public SessionPredictor(NetworkSession session, int batchSize) {
        this.session = session;
        this.batchSize = batchSize;
    }

    @Override
    public DatasetSchema schema() {
        return session.model().schema();
    }

    @Override
    public float[][] predict(List<MultimodalSample> samples, List<SampleMask> masks) {
        return session.predict(samples, masks, batchSize);
    }

    @Override
    public float[][] represent(List<MultimodalSample> samples, List<SampleMask> masks) {
        return session.represent(samples, masks, batchSize);
    }
}
