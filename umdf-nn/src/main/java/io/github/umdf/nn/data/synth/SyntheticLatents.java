package io.github.umdf.nn.data.synth;

import io.github.umdf.nn.data.Modality;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The latent factors of one synthetic sample ({@link PlantedSignal}): evidence per modality (one
 * value for sentiment presets, one per emotion for IEMOCAP), the interaction pair
 * {@code z_a, z_v}, the label noise and the valid length of each modality. Exposed so that tests
 * and notebooks can compare what a model learns with what was planted.
 */
public final class SyntheticLatents {
    private final double[][] evidence;
    private final double interactionAudio;
    private final double interactionVision;
    private final double[] noise;
    private final EnumMap<Modality, Integer> lengths;

    SyntheticLatents(double[][] evidence, double za, double zv, double[] noise, Map<Modality, Integer> lengths) {
        this.evidence = evidence;
        this.interactionAudio = za;
        this.interactionVision = zv;
        this.noise = noise;
        this.lengths = new EnumMap<>(lengths);
    }

    /** Evidence {@code s_m} of a modality (length 1, or 4 for emotions), a copy. */
    public double[] evidence(Modality m) {
        return evidence[m.ordinal()].clone();
    }

    double[][] evidenceMatrix() {
        return evidence;
    }

    /** {@code z_a}. */
    public double interactionAudio() {
        return interactionAudio;
    }

    /** {@code z_v}. */
    public double interactionVision() {
        return interactionVision;
    }

    /** {@code z} of a modality: {@code z_a}, {@code z_v}, or 0 for language. */
    public double interaction(Modality m) {
        return m == Modality.AUDIO ? interactionAudio : m == Modality.VISION ? interactionVision : 0;
    }

    /** The label noise {@code eps} (length 1, or 4 for emotions), a copy. */
    public double[] noise() {
        return noise.clone();
    }

    /** Valid frames of a modality. */
    public int validLength(Modality m) {
        return lengths.get(m);
    }

    /** {@code y*} of a sentiment sample. */
    public double rawScore() {
        return PlantedSignal.rawScore(evidence[0][0], evidence[1][0], evidence[2][0], interactionAudio, interactionVision, noise[0]);
    }

    /** The emotion scores {@code e_k} of an IEMOCAP-like sample. */
    public double[] emotionScores() {
        return PlantedSignal.emotionScores(evidence, interactionAudio, interactionVision, noise);
    }

    @Override
    public String toString() {
        return "SyntheticLatents(s=" + Arrays.deepToString(evidence) + ", z_a=" + interactionAudio + ", z_v=" + interactionVision
                + ", eps=" + Arrays.toString(noise) + ", lengths=" + lengths + ")";
    }
}
