package io.github.umdf.nn.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.ModalityInputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;

/**
 * The one conversion point from the plain-array data model to NDArrays. A batch of samples with a
 * mask per sample becomes {@link ModalityInputs}: observed features (zero vectors for dropped frames
 * and wholly missing modalities), validity and observation masks, and the samples' ids. A modality a
 * sample lacks altogether has no frames: zeros with validity 0.
 */
public final class BatchBuilder {
    private final DatasetSchema schema;

    public BatchBuilder(DatasetSchema schema) {
        this.schema = schema;
    }

    /**
     * The inputs of a batch.
     *
     * @param manager where the arrays are created (the step's manager)
     * @param samples the samples, in row order
     * @param masks   one mask per sample, in the same order
     */
    public ModalityInputs inputs(NDManager manager, List<MultimodalSample> samples, List<SampleMask> masks) {
        if (samples.size() != masks.size()) {
            throw new IllegalArgumentException("Expected one mask per sample, got " + samples.size() + " samples and " + masks.size() + " masks");
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("Expected a non-empty batch");
        }
        int n = samples.size();
        EnumMap<Modality, NDArray> features = new EnumMap<>(Modality.class);
        EnumMap<Modality, NDArray> valid = new EnumMap<>(Modality.class);
        EnumMap<Modality, NDArray> observed = new EnumMap<>(Modality.class);
        for (Modality m : schema.modalities()) {
            ModalityShape shape = schema.shape(m);
            int t = shape.length();
            int d = shape.dim();
            float[] x = new float[n * t * d];
            float[] v = new float[n * t];
            float[] o = new float[n * t];
            boolean allValid = true;
            boolean observedIsValid = true;
            for (int i = 0; i < n; i++) {
                MultimodalSample s = samples.get(i);
                FrameSequence seq = s.get(m).orElse(null);
                if (seq == null) {
                    allValid = false; // frames of an absent modality do not exist: zeros, validity 0
                    continue;
                }
                if (seq.length() != t || seq.dim() != d) {
                    throw new IllegalArgumentException("Sample '" + s.id() + "' has " + m.key() + " of shape (T=" + seq.length()
                            + ", d=" + seq.dim() + "), the network expects " + shape);
                }
                SampleMask mask = masks.get(i);
                mask.copyObserved(m, seq, x, i * t * d);
                for (int f = 0; f < t; f++) {
                    boolean exists = seq.isValid(f);
                    boolean seen = mask.observed(m, f) && exists;
                    v[i * t + f] = exists ? 1f : 0f;
                    o[i * t + f] = seen ? 1f : 0f;
                    allValid &= exists;
                    observedIsValid &= seen == exists;
                }
            }
            features.put(m, manager.create(x, new Shape(n, t, d)));
            if (!allValid) {
                valid.put(m, manager.create(v, new Shape(n, t)));
            }
            if (!observedIsValid) {
                observed.put(m, manager.create(o, new Shape(n, t)));
            }
        }
        List<String> ids = new ArrayList<>(n);
        samples.forEach(s -> ids.add(s.id()));
        return new ModalityInputs(features, valid, observed, ids);
    }

    /** Targets {@code (N, K)} of the samples. */
    public NDArray targets(NDManager manager, List<MultimodalSample> samples) {
        int k = schema.targetSize();
        float[] y = new float[samples.size() * k];
        for (int i = 0; i < samples.size(); i++) {
            MultimodalSample s = samples.get(i);
            for (int j = 0; j < k; j++) {
                y[i * k + j] = s.target(j);
            }
        }
        return manager.create(y, new Shape(samples.size(), k));
    }

    /** Complete masks (every valid frame observed) for the samples. */
    public static List<SampleMask> completeMasks(List<MultimodalSample> samples) {
        SampleMask[] out = new SampleMask[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = SampleMask.complete(samples.get(i));
        }
        return Arrays.asList(out);
    }
}
