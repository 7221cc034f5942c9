package io.github.umdf.nn.missing;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.random.KeyedRandom;

import java.util.EnumMap;
import java.util.SplittableRandom;

/**
 * Evaluation masks (SPEC section 3): a pure function of (seed, condition, rate, sample id), so that
 * every model and every rerun sees exactly the same masks.
 *
 * <ul>
 *   <li>Inter-modality: modalities outside the condition are wholly missing.</li>
 *   <li>Intra-modality: every valid frame of every kept modality is dropped independently with
 *       probability {@code rate}.</li>
 * </ul>
 *
 * <p>Frame {@code t} of modality {@code m} carries one uniform number {@code u(seed, id, m, t)},
 * drawn from the stream keyed by {@code ("eval", seed, id, m)}, and is dropped when
 * {@code u < rate}. The numbers do not depend on the condition or the rate (common random numbers):
 * the frames dropped at rate 0.3 are a subset of those dropped at 0.5, and a condition only removes
 * whole modalities, which makes curves over rates and tables over conditions less noisy without
 * changing any marginal probability. No frame is restored: at rate 0.9 a short sequence may lose
 * every frame, which is what the condition asks for.
 */
public final class EvaluationMasks {
    private EvaluationMasks() {
    }

    /**
     * The mask of one sample.
     *
     * @param seed      the evaluation seed
     * @param condition the modalities kept
     * @param rate      frame drop probability in [0, 1]
     * @param sample    the sample (its id keys the draw; its validity says which frames exist)
     */
    public static SampleMask mask(long seed, ModalitySubset condition, double rate, MultimodalSample sample) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("Expected a drop rate in [0, 1], found " + rate);
        }
        EnumMap<Modality, boolean[]> map = new EnumMap<>(Modality.class);
        for (Modality m : sample.modalities()) {
            if (!condition.contains(m)) {
                continue;
            }
            FrameSequence seq = sample.require(m);
            SplittableRandom r = KeyedRandom.of("eval", seed, sample.id(), m.key());
            boolean[] keep = new boolean[seq.length()];
            for (int t = 0; t < seq.length(); t++) {
                double u = r.nextDouble();
                keep[t] = seq.isValid(t) && u >= rate;
            }
            map.put(m, keep);
        }
        return new SampleMask(map);
    }
}
