package io.github.umdf.nn.testing;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.SplittableRandom;

/** Random samples for network tests (no planted signal; see the synthetic presets for that). */
public final class TestSamples {
    private TestSamples() {
    }

    /** A small aligned schema: L (T, 6), A (T, 3), V (T, 4). */
    public static DatasetSchema schema(Task task, int length) {
        DatasetSchema.Builder b = DatasetSchema.builder("test-" + task.key(), task)
                .modality(Modality.LANGUAGE, length, 6).modality(Modality.AUDIO, length, 3).modality(Modality.VISION, length, 4);
        switch (task) {
            case REGRESSION: return b.labels("sentiment").labelRange(-3, 3).build();
            case SINGLE_LABEL: return b.labels("negative", "neutral", "positive").build();
            default: return b.labels("neutral", "happy", "sad", "angry").build();
        }
    }

    /** An unaligned schema: L (6, 6), A (9, 3), V (11, 4). */
    public static DatasetSchema unalignedSchema() {
        return DatasetSchema.builder("test-unaligned", Task.REGRESSION).labels("sentiment").labelRange(-3, 3)
                .modality(Modality.LANGUAGE, 6, 6).modality(Modality.AUDIO, 9, 3).modality(Modality.VISION, 11, 4).build();
    }

    /** {@code n} random samples with random valid lengths (end padding) and random targets. */
    public static List<MultimodalSample> random(DatasetSchema schema, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<MultimodalSample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EnumMap<Modality, FrameSequence> mods = new EnumMap<>(Modality.class);
            for (Modality m : schema.modalities()) {
                ModalityShape s = schema.shape(m);
                float[] x = new float[s.length() * s.dim()];
                int len = 1 + r.nextInt(s.length());
                for (int t = 0; t < len; t++) {
                    for (int j = 0; j < s.dim(); j++) {
                        x[t * s.dim() + j] = (float) (r.nextGaussian());
                    }
                }
                mods.put(m, FrameSequence.withLength(s.length(), s.dim(), x, len));
            }
            float[] y;
            switch (schema.task()) {
                case REGRESSION: y = new float[] {(float) (r.nextDouble() * 6 - 3)}; break;
                case SINGLE_LABEL: y = new float[] {r.nextInt(schema.labelNames().size())}; break;
                default:
                    y = new float[schema.labelNames().size()];
                    y[r.nextInt(y.length)] = 1f;
            }
            out.add(new MultimodalSample("s" + seed + "-" + i, mods, y));
        }
        return out;
    }
}
