package io.github.umdf.nn.missing;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.random.KeyedRandom;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws the missing views of a training sample (SPEC D7). A view keeps a subset of the sample's
 * modalities (those with at least one valid frame) drawn by the configured
 * {@link SubsetDistribution}, then drops every valid frame of a kept modality with a rate drawn
 * uniformly from {@code [minFrameRate, maxFrameRate]}.
 *
 * <p>Draws are a pure function of (seed, epoch, sample id, view): a resumed or repeated run sees
 * the same views. No view loses every modality: when the frame drops remove every observed frame,
 * one valid frame of a kept modality (chosen by the same stream) is restored. The number of
 * restorations is counted in {@link #restorations()}.
 */
public final class TrainingViewSampler {
    private final MissingnessConfig config;
    private final java.util.concurrent.atomic.AtomicLong restorations = new java.util.concurrent.atomic.AtomicLong();

    public TrainingViewSampler(MissingnessConfig config) {
        this.config = Objects.requireNonNull(config);
    }

    public MissingnessConfig config() {
        return config;
    }

    /** How many views had one frame restored so that they kept at least one observed frame. */
    public long restorations() {
        return restorations.get();
    }

    /**
     * The {@code count} views of one sample in one epoch.
     *
     * @param seed   the training seed
     * @param epoch  the epoch (0-based)
     * @param sample the sample
     * @param count  number of views (2 for UMDF's self-distillation, 1 for single-view training)
     */
    public SampleMask[] views(long seed, int epoch, MultimodalSample sample, int count) {
        SplittableRandom r = KeyedRandom.of("train", seed, epoch, sample.id());
        Set<Modality> available = EnumSet.noneOf(Modality.class);
        for (Modality m : sample.modalities()) {
            if (sample.hasValidFrames(m)) {
                available.add(m);
            }
        }
        SampleMask[] out = new SampleMask[count];
        ModalitySubset first = null;
        for (int v = 0; v < count; v++) {
            if (available.isEmpty()) {
                out[v] = new SampleMask(new EnumMap<>(Modality.class));
                continue;
            }
            ModalitySubset subset = drawSubset(r, available);
            if (v > 0 && config.viewsMustDiffer() && available.size() > 1) {
                for (int tries = 0; subset.equals(first) && tries < 64; tries++) {
                    subset = drawSubset(r, available);
                }
            }
            if (v == 0) {
                first = subset;
            }
            double rate = config.minFrameRate() + r.nextDouble() * (config.maxFrameRate() - config.minFrameRate());
            out[v] = dropFrames(r, sample, subset, rate);
        }
        return out;
    }

    private ModalitySubset drawSubset(SplittableRandom r, Set<Modality> available) {
        switch (config.subsetDistribution()) {
            case COMPLETE:
                return ModalitySubset.of(available);
            case UNIFORM_SUBSETS: {
                List<ModalitySubset> subsets = ModalitySubset.nonEmptySubsetsOf(available);
                return subsets.get(r.nextInt(subsets.size()));
            }
            case INDEPENDENT_MODALITIES: {
                while (true) {
                    EnumSet<Modality> kept = EnumSet.noneOf(Modality.class);
                    for (Modality m : available) {
                        if (r.nextDouble() < config.modalityKeepProbability()) {
                            kept.add(m);
                        }
                    }
                    if (!kept.isEmpty()) {
                        return ModalitySubset.of(kept);
                    }
                }
            }
            default:
                throw new IllegalStateException("Unknown subset distribution " + config.subsetDistribution());
        }
    }

    private SampleMask dropFrames(SplittableRandom r, MultimodalSample sample, ModalitySubset subset, double rate) {
        EnumMap<Modality, boolean[]> map = new EnumMap<>(Modality.class);
        int observed = 0;
        for (Modality m : subset.modalities()) {
            FrameSequence seq = sample.require(m);
            boolean[] keep = new boolean[seq.length()];
            for (int t = 0; t < seq.length(); t++) {
                double u = r.nextDouble();
                keep[t] = seq.isValid(t) && u >= rate;
                if (keep[t]) {
                    observed++;
                }
            }
            map.put(m, keep);
        }
        if (observed == 0) {
            // Restore one valid frame of one kept modality: a view must not lose every modality.
            List<Modality> kept = new ArrayList<>(subset.modalities());
            Modality m = kept.get(r.nextInt(kept.size()));
            FrameSequence seq = sample.require(m);
            int k = r.nextInt(seq.validCount());
            for (int t = 0; t < seq.length(); t++) {
                if (seq.isValid(t) && k-- == 0) {
                    map.get(m)[t] = true;
                    break;
                }
            }
            restorations.incrementAndGet();
        }
        return new SampleMask(map);
    }
}
