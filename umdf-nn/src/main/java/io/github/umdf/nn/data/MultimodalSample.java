package io.github.umdf.nn.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One labelled sample: per named modality a {@link FrameSequence}, its target and an id.
 *
 * <p>A modality may be absent from a sample (a data set without vision, or a Tribuo example that
 * lacks audio); the network then sees it as missing. The target's meaning depends on the
 * {@link Task}: regression values, a class index (single-label), or 0/1 per label (multi-label).
 */
public final class MultimodalSample {
    private final String id;
    private final Map<Modality, FrameSequence> modalities;
    private final float[] target;

    /**
     * @param id         unique id within the data set (video id and segment, for example)
     * @param modalities the sequences present; copied into an unmodifiable map
     * @param target     the label values; copied
     */
    public MultimodalSample(String id, Map<Modality, FrameSequence> modalities, float[] target) {
        this.id = Objects.requireNonNull(id, "id");
        EnumMap<Modality, FrameSequence> copy = new EnumMap<>(Modality.class);
        copy.putAll(modalities);
        this.modalities = Collections.unmodifiableMap(copy);
        this.target = target.clone();
    }

    /** The sample's id. */
    public String id() {
        return id;
    }

    /** The modalities present in this sample. */
    public Set<Modality> modalities() {
        return modalities.keySet();
    }

    /** The sequence of a modality, if present. */
    public Optional<FrameSequence> get(Modality m) {
        return Optional.ofNullable(modalities.get(m));
    }

    /** The sequence of a modality, or an exception naming the sample and the modality. */
    public FrameSequence require(Modality m) {
        FrameSequence s = modalities.get(m);
        if (s == null) {
            throw new IllegalStateException("Sample '" + id + "' has no " + m.key() + " modality; present: " + modalities.keySet());
        }
        return s;
    }

    /** Whether the modality is present with at least one valid frame. */
    public boolean hasValidFrames(Modality m) {
        FrameSequence s = modalities.get(m);
        return s != null && s.validCount() > 0;
    }

    /** A copy of the target values. */
    public float[] target() {
        return target.clone();
    }

    /** Target value {@code k}. */
    public float target(int k) {
        return target[k];
    }

    /** Number of target values. */
    public int targetSize() {
        return target.length;
    }

    /** The same sample with another set of modalities (used to drop a modality altogether). */
    public MultimodalSample withModalities(Map<Modality, FrameSequence> replacement) {
        return new MultimodalSample(id, replacement, target);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MultimodalSample)) {
            return false;
        }
        MultimodalSample that = (MultimodalSample) o;
        return id.equals(that.id) && modalities.equals(that.modalities) && Arrays.equals(target, that.target);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, modalities, Arrays.hashCode(target));
    }

    @Override
    public String toString() {
        return "MultimodalSample(" + id + ", " + modalities + ", target=" + Arrays.toString(target) + ")";
    }
}
