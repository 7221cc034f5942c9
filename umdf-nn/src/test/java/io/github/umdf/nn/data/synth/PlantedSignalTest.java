package io.github.umdf.nn.data.synth;

import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.SplitName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Bayes-style sanity numbers of {@link PlantedSignal}, checked on the latents of all 22,856
 * samples of mosei-aligned (cheap: no frames are generated).
 */
class PlantedSignalTest {
    private static final List<SyntheticLatents> LATENTS = new ArrayList<>();
    private static final List<Float> LABELS = new ArrayList<>();

    @BeforeAll
    static void latents() {
        SyntheticGenerator g = SyntheticPresets.generator("mosei-aligned", 2L);
        for (SplitName s : SplitName.values()) {
            for (int i = 0; i < g.preset().fullSize(s); i++) {
                SyntheticLatents l = g.latents(s, i);
                LATENTS.add(l);
                LABELS.add(PlantedSignal.label(l.rawScore()));
            }
        }
    }

    private static List<Set<Modality>> conditions() {
        Modality l = Modality.LANGUAGE;
        Modality a = Modality.AUDIO;
        Modality v = Modality.VISION;
        return List.of(EnumSet.of(l), EnumSet.of(a), EnumSet.of(v), EnumSet.of(l, a), EnumSet.of(l, v), EnumSet.of(a, v),
                EnumSet.of(l, a, v));
    }

    /** {@code E[y* | latents of S]}. */
    private static double oracle(SyntheticLatents x, Set<Modality> s) {
        double p = 0;
        for (Modality m : s) {
            p += PlantedSignal.weight(m) * x.evidence(m)[0];
        }
        if (s.contains(Modality.AUDIO) && s.contains(Modality.VISION)) {
            p += PlantedSignal.INTERACTION * x.interactionAudio() * x.interactionVision();
        }
        return p;
    }

    /** {@code 1 - Var(target - prediction) / Var(target)}. */
    private static double explained(double[] target, double[] pred) {
        int n = target.length;
        double m = 0;
        double r = 0;
        for (int i = 0; i < n; i++) {
            m += target[i] / n;
            r += (target[i] - pred[i]) / n;
        }
        double vt = 0;
        double vr = 0;
        for (int i = 0; i < n; i++) {
            vt += (target[i] - m) * (target[i] - m);
            vr += (target[i] - pred[i] - r) * (target[i] - pred[i] - r);
        }
        return 1 - vr / vt;
    }

    @Test
    void analyticSharesAreTheDocumentedOnes() {
        assertEquals(2.06, PlantedSignal.rawScoreVariance(), 1e-12);
        double[] expected = {0.485, 0.175, 0.121, 0.660, 0.607, 0.471, 0.956};
        List<Set<Modality>> c = conditions();
        for (int i = 0; i < c.size(); i++) {
            assertEquals(expected[i], PlantedSignal.explainedShare(c.get(i)), 0.0006, c.get(i).toString());
        }
    }

    @Test
    void sampledSharesMatchTheAnalyticOnes() {
        double[] raw = LATENTS.stream().mapToDouble(SyntheticLatents::rawScore).toArray();
        for (Set<Modality> s : conditions()) {
            double[] pred = LATENTS.stream().mapToDouble(x -> oracle(x, s)).toArray();
            assertEquals(PlantedSignal.explainedShare(s), explained(raw, pred), 0.02, s.toString());
        }
    }

    /** On the clipped, rounded labels too, every missing modality costs explained variance. */
    @Test
    void everyMissingModalityHurtsTheLabels() {
        double[] y = LABELS.stream().mapToDouble(Float::doubleValue).toArray();
        List<Set<Modality>> c = conditions();
        double[] share = new double[c.size()];
        for (int i = 0; i < c.size(); i++) {
            Set<Modality> s = c.get(i);
            double[] pred = LATENTS.stream().mapToDouble(x -> PlantedSignal.LABEL_SCALE * oracle(x, s)).toArray();
            share[i] = explained(y, pred);
            assertEquals(PlantedSignal.explainedShare(s), share[i], 0.03, "labels, " + s);
        }
        for (int i = 0; i < c.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                if (c.get(j).containsAll(c.get(i)) && !c.get(i).equals(c.get(j))) {
                    assertTrue(share[j] > share[i] + 0.05, c.get(i) + " -> " + c.get(j));
                }
            }
        }
    }

    @Test
    void labelsSpreadLikeMosi() {
        int n = LABELS.size();
        double mean = LABELS.stream().mapToDouble(Float::doubleValue).average().orElseThrow();
        double var = LABELS.stream().mapToDouble(y -> (y - mean) * (y - mean)).sum() / n;
        long zeros = LABELS.stream().filter(y -> y == 0f).count();
        long clipped = LABELS.stream().filter(y -> Math.abs(y) == 3f).count();
        assertEquals(0, mean, 0.05);
        assertEquals(1.49, Math.sqrt(var), 0.05);
        assertTrue(zeros > 0.03 * n && zeros < 0.08 * n, "zero labels " + zeros + " of " + n);
        assertTrue(clipped > 0.03 * n && clipped < 0.09 * n, "clipped labels " + clipped + " of " + n);
        int[] classes = new int[3];
        LABELS.forEach(y -> classes[PlantedSignal.sentimentClass(y)]++);
        for (int k = 0; k < 3; k++) {
            assertEquals(1 / 3.0, classes[k] / (double) n, 0.04, "class " + k);
        }
    }

    @Test
    void labelRoundingAndBinning() {
        assertEquals(0f, PlantedSignal.label(0.09 / 1.1));
        assertEquals(0.2f, PlantedSignal.label(0.11 / 1.1));
        assertEquals(3f, PlantedSignal.label(10));
        assertEquals(-3f, PlantedSignal.label(-10));
        assertEquals(0, PlantedSignal.sentimentClass(-0.8f));
        assertEquals(1, PlantedSignal.sentimentClass(-0.6f));
        assertEquals(1, PlantedSignal.sentimentClass(0.6f));
        assertEquals(2, PlantedSignal.sentimentClass(0.8f));
    }

    @Test
    void emotionPrevalencesAreRoughlyIemocaps() {
        SyntheticGenerator g = SyntheticPresets.generator("iemocap-aligned", 4L);
        int[] count = new int[4];
        int n = 0;
        for (SplitName s : SplitName.values()) {
            for (int i = 0; i < g.preset().fullSize(s); i++) {
                count[PlantedSignal.emotion(g.latents(s, i).emotionScores())]++;
                n++;
            }
        }
        double[] expected = {0.35, 0.25, 0.20, 0.20};
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], count[k] / (double) n, 0.03, "emotion " + k);
        }
    }

    @Test
    void gainsFavourLanguageAndScaleWithLength() {
        assertTrue(PlantedSignal.gain(Modality.LANGUAGE, 50) > PlantedSignal.gain(Modality.AUDIO, 50));
        assertTrue(PlantedSignal.gain(Modality.AUDIO, 50) > PlantedSignal.gain(Modality.VISION, 50));
        assertEquals(1.5 * Math.sqrt(50.0 / 375), PlantedSignal.gain(Modality.AUDIO, 375), 1e-12);
        assertEquals(1.2, PlantedSignal.gain(Modality.VISION, 20), 1e-12);
    }

    @Test
    void gaussianStreamIsStandardNormal() {
        GaussianStream g = new GaussianStream(new SplittableRandom(3));
        int n = 2_000_000;
        double s1 = 0;
        double s2 = 0;
        double s4 = 0;
        int below1 = 0;
        int tail3 = 0;
        for (int i = 0; i < n; i++) {
            double x = g.next();
            s1 += x;
            s2 += x * x;
            s4 += x * x * x * x;
            below1 += x < 1 ? 1 : 0;
            tail3 += Math.abs(x) > 3 ? 1 : 0;
        }
        assertEquals(0, s1 / n, 0.003);
        assertEquals(1, s2 / n, 0.005);
        assertEquals(3, s4 / n, 0.03);
        assertEquals(0.841345, below1 / (double) n, 0.001);
        assertEquals(0.0026998, tail3 / (double) n, 0.0002);
    }
}
