package io.github.umdf.nn.data.synth;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.SplitName;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One synthetic preset: its name, schema, label kind, split sizes at scale 1 (those of the real
 * data set it imitates) and the key of its planted signal. Presets are registered in
 * {@link SyntheticPresets}; {@link SyntheticGenerator} turns one into data.
 */
public final class SyntheticPreset {
    /** What the labels are. */
    public enum Labels {
        /** Sentiment regression in [-3, 3], multiples of 0.2. */
        SENTIMENT,
        /** Negative / neutral / positive classes of the same sentiment. */
        SENTIMENT_3CLASS,
        /** One of four emotions per sample, as a one-hot multi-label target. */
        EMOTIONS
    }

    /** Scaled splits never shrink below this many samples. */
    public static final int MIN_SPLIT_SIZE = 8;

    private final String name;
    private final String description;
    private final Labels labels;
    private final boolean alignedLengths;
    private final String signalKey;
    private final DatasetSchema schema;
    private final EnumMap<SplitName, Integer> fullSizes = new EnumMap<>(SplitName.class);

    SyntheticPreset(String name, String description, Labels labels, boolean alignedLengths, String signalKey, DatasetSchema schema,
                    int train, int valid, int test) {
        this.name = Objects.requireNonNull(name);
        this.description = Objects.requireNonNull(description);
        this.labels = Objects.requireNonNull(labels);
        this.alignedLengths = alignedLengths;
        this.signalKey = Objects.requireNonNull(signalKey);
        this.schema = Objects.requireNonNull(schema);
        fullSizes.put(SplitName.TRAIN, train);
        fullSizes.put(SplitName.VALID, valid);
        fullSizes.put(SplitName.TEST, test);
    }

    /** The preset name, {@code mosi-aligned} for example; also the schema's name. */
    public String name() {
        return name;
    }

    /** One line saying what the preset imitates. */
    public String description() {
        return description;
    }

    /** The kind of labels. */
    public Labels labels() {
        return labels;
    }

    /** Whether all modalities share one valid length per sample (word-aligned presets). */
    public boolean alignedLengths() {
        return alignedLengths;
    }

    /**
     * The key of the planted signal: the world and the per-sample latents are drawn from streams
     * keyed by it. {@code mosi-aligned-3class} shares {@code mosi-aligned}'s key, so its features are
     * those of {@code mosi-aligned} and its classes are that preset's labels, binned.
     */
    public String signalKey() {
        return signalKey;
    }

    /** The schema of the generated data sets. */
    public DatasetSchema schema() {
        return schema;
    }

    /** Evidence components per modality: 1, or 4 (one per emotion). */
    int evidencePerModality() {
        return labels == Labels.EMOTIONS ? schema.labelNames().size() : 1;
    }

    /** The split's size at scale 1. */
    public int fullSize(SplitName split) {
        return fullSizes.get(split);
    }

    /**
     * The split's size at a scale: {@code min(N, max(ceil(scale * N), 8))}, computed without
     * generating anything. A product within 1e-9 of an integer counts as that integer.
     *
     * @throws IllegalArgumentException unless {@code 0 < scale <= 1}
     */
    public int splitSize(SplitName split, double scale) {
        checkScale(scale);
        int n = fullSize(split);
        if (scale == 1.0) {
            return n;
        }
        int k = (int) Math.ceil(scale * n - 1e-9);
        return Math.min(n, Math.max(MIN_SPLIT_SIZE, k));
    }

    /** All three split sizes at a scale. */
    public Map<SplitName, Integer> splitSizes(double scale) {
        EnumMap<SplitName, Integer> out = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            out.put(s, splitSize(s, scale));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Checks {@code 0 < scale <= 1}. */
    public static void checkScale(double scale) {
        if (!(scale > 0 && scale <= 1)) {
            throw new IllegalArgumentException("Expected a scale in (0, 1], found " + scale);
        }
    }

    @Override
    public String toString() {
        return name + " " + schema.shapes() + " " + fullSizes;
    }
}
