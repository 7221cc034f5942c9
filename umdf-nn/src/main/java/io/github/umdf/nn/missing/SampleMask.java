package io.github.umdf.nn.missing;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which frames of one sample the network observes: per modality a flag per frame. A frame is
 * observed when it is valid (not padding) and not dropped; everything else reaches the network as a
 * zero vector (paper: "raw features at the modality missing positions are replaced by zero
 * vectors"). A modality without an entry is wholly missing.
 */
public final class SampleMask {
    private final EnumMap<Modality, boolean[]> observed;

    /** @param observed per modality the observed flags; taken over without copying */
    public SampleMask(Map<Modality, boolean[]> observed) {
        this.observed = observed.isEmpty() ? new EnumMap<>(Modality.class) : new EnumMap<>(observed);
    }

    /** The mask that observes every valid frame of the sample: the complete condition without drops. */
    public static SampleMask complete(MultimodalSample s) {
        EnumMap<Modality, boolean[]> map = new EnumMap<>(Modality.class);
        for (Modality m : s.modalities()) {
            map.put(m, s.require(m).validityCopy());
        }
        return new SampleMask(map);
    }

    /** Whether frame {@code t} of modality {@code m} is observed. */
    public boolean observed(Modality m, int t) {
        boolean[] f = observed.get(m);
        return f != null && f[t];
    }

    /** Number of observed frames of a modality. */
    public int observedCount(Modality m) {
        boolean[] f = observed.get(m);
        if (f == null) {
            return 0;
        }
        int c = 0;
        for (boolean b : f) {
            if (b) {
                c++;
            }
        }
        return c;
    }

    /** Number of observed frames over all modalities. */
    public int observedCount() {
        int c = 0;
        for (Modality m : observed.keySet()) {
            c += observedCount(m);
        }
        return c;
    }

    /** The observed flags of a modality, or {@code null} when it is wholly missing. Do not modify. */
    public boolean[] flags(Modality m) {
        return observed.get(m);
    }

    /** The modalities with an entry (possibly with every frame dropped). */
    public java.util.Set<Modality> modalities() {
        return Collections.unmodifiableSet(observed.keySet());
    }

    /** Copies observed features of {@code seq} for modality {@code m} into {@code dst}, zeros elsewhere. */
    public void copyObserved(Modality m, FrameSequence seq, float[] dst, int offset) {
        boolean[] f = observed.get(m);
        int d = seq.dim();
        if (f == null) {
            java.util.Arrays.fill(dst, offset, offset + seq.length() * d, 0f);
            return;
        }
        seq.copyValuesTo(dst, offset);
        for (int t = 0; t < seq.length(); t++) {
            if (!f[t]) {
                java.util.Arrays.fill(dst, offset + t * d, offset + (t + 1) * d, 0f);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SampleMask)) {
            return false;
        }
        SampleMask s = (SampleMask) o;
        if (!observed.keySet().equals(s.observed.keySet())) {
            return false;
        }
        for (Modality m : observed.keySet()) {
            if (!java.util.Arrays.equals(observed.get(m), s.observed.get(m))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Map.Entry<Modality, boolean[]> e : observed.entrySet()) {
            h = 31 * h + e.getKey().hashCode() * 17 + java.util.Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SampleMask(");
        for (Modality m : observed.keySet()) {
            sb.append(m.letter()).append('=').append(observedCount(m)).append(' ');
        }
        return sb.append(')').toString();
    }
}
