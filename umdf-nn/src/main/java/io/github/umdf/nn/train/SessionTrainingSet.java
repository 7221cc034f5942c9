package io.github.umdf.nn.train;

import ai.djl.ndarray.NDManager;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.TrainingSet;
import io.github.umdf.nn.ops.Engines;

import java.util.ArrayList;
import java.util.List;

/** The training samples of a run as {@link TrainingSet}: complete batches in sub-managers of the session. */
final class SessionTrainingSet implements TrainingSet {
    private final NetworkSession session;
    private final List<MultimodalSample> samples;
    private final long seed;

    SessionTrainingSet(NetworkSession session, List<MultimodalSample> samples, long seed) {
        this.session = session;
        this.samples = List.copyOf(samples);
        this.seed = seed;
    }

    @Override
    public int size() {
        return samples.size();
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public void forEachBatch(int batchSize, BatchVisitor visitor) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, found " + batchSize);
        }
        Engines.noGrad();
        for (int start = 0; start < samples.size(); start += batchSize) {
            List<MultimodalSample> batch = samples.subList(start, Math.min(samples.size(), start + batchSize));
            List<String> ids = new ArrayList<>(batch.size());
            batch.forEach(s -> ids.add(s.id()));
            try (NDManager step = session.manager().newSubManager()) {
                ModalityInputs in = session.batchBuilder().inputs(step, batch, BatchBuilder.completeMasks(batch));
                visitor.visit(session.parameterStore(), in, ids);
            }
        }
    }
}
