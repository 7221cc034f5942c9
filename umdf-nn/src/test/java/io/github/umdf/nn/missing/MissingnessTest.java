package io.github.umdf.nn.missing;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.testing.TestSamples;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MissingnessTest {
    private static final DatasetSchema SCHEMA = TestSamples.schema(Task.REGRESSION, 40);
    private static final List<MultimodalSample> SAMPLES = TestSamples.random(SCHEMA, 300, 11);

    @Test
    void evaluationDropRatesHitTheirExpectation() {
        for (double rate : new double[] {0.0, 0.1, 0.3, 0.5, 0.9, 1.0}) {
            long valid = 0;
            long observed = 0;
            for (MultimodalSample s : SAMPLES) {
                SampleMask m = EvaluationMasks.mask(7, ModalitySubset.parse("lav"), rate, s);
                for (Modality mod : s.modalities()) {
                    valid += s.require(mod).validCount();
                    observed += m.observedCount(mod);
                }
            }
            double dropped = 1 - (double) observed / valid;
            // ~15,000 Bernoulli frames: 4 standard deviations of the binomial proportion
            double tolerance = 4 * Math.sqrt(rate * (1 - rate) / valid) + 1e-12;
            assertEquals(rate, dropped, tolerance, "rate " + rate + " over " + valid + " valid frames");
        }
    }

    @Test
    void aKeyAlwaysGivesTheSameMaskAndOtherKeysDiffer() {
        MultimodalSample s = SAMPLES.get(0);
        ModalitySubset lav = ModalitySubset.parse("lav");
        SampleMask a = EvaluationMasks.mask(3, lav, 0.5, s);
        assertEquals(a, EvaluationMasks.mask(3, lav, 0.5, s));
        assertNotEquals(a, EvaluationMasks.mask(4, lav, 0.5, s), "another seed, another mask");
        // the same id in another sample object gives the same mask: masks depend on the id, not on identity
        MultimodalSample copy = new MultimodalSample(s.id(), copyOf(s), s.target());
        assertEquals(a, EvaluationMasks.mask(3, lav, 0.5, copy));
        // a larger rate drops a superset of frames (common random numbers)
        SampleMask b = EvaluationMasks.mask(3, lav, 0.7, s);
        for (Modality m : s.modalities()) {
            for (int t = 0; t < s.require(m).length(); t++) {
                assertTrue(!b.observed(m, t) || a.observed(m, t), "frame kept at 0.7 must be kept at 0.5");
            }
        }
    }

    private static Map<Modality, FrameSequence> copyOf(MultimodalSample s) {
        Map<Modality, FrameSequence> m = new EnumMap<>(Modality.class);
        for (Modality mod : s.modalities()) {
            FrameSequence f = s.require(mod);
            m.put(mod, new FrameSequence(f.length(), f.dim(), f.valuesCopy(), f.validityCopy()));
        }
        return m;
    }

    @Test
    void conditionLKeepsOnlyLanguage() {
        for (MultimodalSample s : SAMPLES.subList(0, 50)) {
            SampleMask m = EvaluationMasks.mask(1, ModalitySubset.parse("l"), 0.0, s);
            assertEquals(s.require(Modality.LANGUAGE).validCount(), m.observedCount(Modality.LANGUAGE));
            assertEquals(0, m.observedCount(Modality.AUDIO));
            assertEquals(0, m.observedCount(Modality.VISION));
            assertNull(m.flags(Modality.AUDIO));
            for (int t = 0; t < 40; t++) {
                assertEquals(s.require(Modality.LANGUAGE).isValid(t), m.observed(Modality.LANGUAGE, t), "padding is never observed");
            }
        }
    }

    @Test
    void noTrainingViewLosesEveryModalityAndSubsetsAreUniform() {
        // short sequences and a high drop rate make empty views likely before the restoration rule
        DatasetSchema tiny = TestSamples.schema(Task.REGRESSION, 2);
        List<MultimodalSample> samples = TestSamples.random(tiny, 400, 5);
        TrainingViewSampler sampler = new TrainingViewSampler(new MissingnessConfig(SubsetDistribution.UNIFORM_SUBSETS, 0.5, 0.9, 0.95, false));
        Map<String, Integer> subsets = new HashMap<>();
        for (int epoch = 0; epoch < 5; epoch++) {
            for (MultimodalSample s : samples) {
                for (SampleMask v : sampler.views(9, epoch, s, 2)) {
                    assertTrue(v.observedCount() > 0, "a view of " + s.id() + " lost every modality");
                    StringBuilder code = new StringBuilder();
                    for (Modality m : v.modalities()) {
                        code.append(m.letter());
                    }
                    subsets.merge(code.toString(), 1, Integer::sum);
                }
            }
        }
        assertTrue(sampler.restorations() > 0, "the test must exercise the restoration rule");
        assertEquals(7, subsets.size(), "all seven subsets are drawn: " + subsets);
        int total = subsets.values().stream().mapToInt(Integer::intValue).sum();
        for (Map.Entry<String, Integer> e : subsets.entrySet()) {
            // 4,000 draws, p = 1/7: 4 standard deviations
            assertEquals(1.0 / 7, (double) e.getValue() / total, 4 * Math.sqrt((1.0 / 7) * (6.0 / 7) / total), e.getKey());
        }
    }

    @Test
    void trainingViewsArePureFunctionsOfSeedEpochAndId() {
        TrainingViewSampler sampler = new TrainingViewSampler(MissingnessConfig.defaults());
        MultimodalSample s = SAMPLES.get(3);
        SampleMask[] a = sampler.views(1, 4, s, 2);
        SampleMask[] b = new TrainingViewSampler(MissingnessConfig.defaults()).views(1, 4, s, 2);
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
        assertFalse(a[0].equals(sampler.views(1, 5, s, 2)[0]) && a[1].equals(sampler.views(1, 5, s, 2)[1]),
                "another epoch draws other views");
    }

    @Test
    void completeTrainingKeepsEverything() {
        TrainingViewSampler sampler = new TrainingViewSampler(MissingnessConfig.complete());
        for (MultimodalSample s : SAMPLES.subList(0, 20)) {
            for (SampleMask v : sampler.views(1, 0, s, 2)) {
                assertEquals(SampleMask.complete(s), v);
            }
        }
    }

    @Test
    void conditionsParseAndPrintAsThePaperWritesThem() {
        assertEquals(List.of("l", "a", "v", "la", "lv", "av", "lav"),
                ModalitySubset.PAPER_CONDITIONS.stream().map(ModalitySubset::code).toList());
        assertEquals("{l,a}", ModalitySubset.parse("language,audio").braces());
        assertEquals(ModalitySubset.parse("{a,l}"), ModalitySubset.parse("la"));
        assertThrows(IllegalArgumentException.class, () -> ModalitySubset.parse("x"));
        assertThrows(IllegalArgumentException.class, () -> EvaluationMasks.mask(1, ModalitySubset.parse("l"), 1.5, SAMPLES.get(0)));
        assertThrows(IllegalArgumentException.class, () -> new MissingnessConfig(SubsetDistribution.UNIFORM_SUBSETS, 0.5, 0.6, 0.5, false));
    }
}
