package io.github.umdf.nn.missing;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training views of SPEC D7: their drop rates, their independence, and views that must differ. */
class TrainingViewSamplerTest {
    private static final int FRAMES = 400;
    private static final int SAMPLES = 2000;

    /** Samples whose three modalities have {@code FRAMES} valid frames each. */
    private static List<MultimodalSample> samples() {
        List<MultimodalSample> out = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            EnumMap<Modality, FrameSequence> m = new EnumMap<>(Modality.class);
            for (Modality x : Modality.values()) {
                m.put(x, FrameSequence.allValid(FRAMES, 1, new float[FRAMES]));
            }
            out.add(new MultimodalSample("s" + i, m, new float[] {0f}));
        }
        return out;
    }

    /** The fraction of the kept modalities' frames a view dropped: its drop rate, within about ±0.03. */
    private static double dropped(SampleMask view) {
        int kept = view.modalities().size() * FRAMES;
        return 1.0 - (double) view.observedCount() / kept;
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void dropRatesAreUniformOnZeroToAHalf() {
        TrainingViewSampler sampler = new TrainingViewSampler(MissingnessConfig.defaults());
        double[] rates = new double[2 * SAMPLES];
        int i = 0;
        for (MultimodalSample s : samples()) {
            for (SampleMask v : sampler.views(7, 0, s, 2)) {
                rates[i++] = dropped(v);
            }
        }
        double mean = 0;
        int belowEighth = 0;
        int belowThreeEighths = 0;
        double max = 0;
        for (double r : rates) {
            mean += r / rates.length;
            belowEighth += r < 0.125 ? 1 : 0;
            belowThreeEighths += r < 0.375 ? 1 : 0;
            max = Math.max(max, r);
        }
        // U(0, 0.5): mean 0.25, quartiles at 0.125 and 0.375, nothing much above 0.5 (measurement noise ~0.03)
        assertEquals(0.25, mean, 0.01, "mean drop rate");
        assertEquals(0.25, (double) belowEighth / rates.length, 0.04, "share below 0.125");
        assertEquals(0.75, (double) belowThreeEighths / rates.length, 0.04, "share below 0.375");
        assertTrue(max < 0.5 + 0.12, "a view dropped " + max + " of its frames");
    }

    @Test
    void theTwoViewsAreDrawnIndependently() {
        TrainingViewSampler sampler = new TrainingViewSampler(MissingnessConfig.defaults());
        double[] rateA = new double[SAMPLES];
        double[] rateB = new double[SAMPLES];
        double[] sizeA = new double[SAMPLES];
        double[] sizeB = new double[SAMPLES];
        int same = 0;
        int i = 0;
        for (MultimodalSample s : samples()) {
            SampleMask[] v = sampler.views(7, 0, s, 2);
            rateA[i] = dropped(v[0]);
            rateB[i] = dropped(v[1]);
            sizeA[i] = v[0].modalities().size();
            sizeB[i] = v[1].modalities().size();
            same += v[0].modalities().equals(v[1].modalities()) ? 1 : 0;
            i++;
        }
        // 2000 pairs: an independent pair's sample correlation has standard deviation ~0.022
        assertEquals(0.0, correlation(rateA, rateB), 0.08, "drop rates of the two views");
        assertEquals(0.0, correlation(sizeA, sizeB), 0.08, "subset sizes of the two views");
        // seven subsets drawn uniformly and independently: equal with probability 1/7
        assertEquals(1.0 / 7, (double) same / SAMPLES, 0.03, "share of pairs keeping the same subset");
    }

    @Test
    void viewsMustDifferMakesTheTwoSubsetsDiffer() {
        MissingnessConfig differ = new MissingnessConfig(SubsetDistribution.UNIFORM_SUBSETS, 0.5, 0.0, 0.5, true);
        TrainingViewSampler sampler = new TrainingViewSampler(differ);
        List<MultimodalSample> all = samples().subList(0, 500);
        for (MultimodalSample s : all) {
            SampleMask[] v = sampler.views(3, 1, s, 2);
            assertNotEquals(v[0].modalities(), v[1].modalities(), s.id());
        }
        // one modality only: nothing to differ in, and no endless redraw
        EnumMap<Modality, FrameSequence> one = new EnumMap<>(Modality.class);
        one.put(Modality.LANGUAGE, FrameSequence.allValid(FRAMES, 1, new float[FRAMES]));
        SampleMask[] v = sampler.views(3, 1, new MultimodalSample("one", one, new float[] {0f}), 2);
        assertEquals(v[0].modalities(), v[1].modalities());
    }
}
