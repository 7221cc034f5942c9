package io.github.umdf.nn.data.synth;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticPresetsTest {
    /** Small enough that every split of every preset has the minimum of 8 samples. */
    private static final double SMALL = 1e-6;

    @Test
    void registryListsEveryPresetOnce() {
        assertEquals(List.of("mosi-aligned", "mosi-unaligned", "mosei-aligned", "mosei-unaligned", "iemocap-aligned",
                "mosi-aligned-3class"), SyntheticPresets.names());
        for (SyntheticPreset p : SyntheticPresets.all()) {
            assertEquals(p.name(), p.schema().name());
            assertEquals(p, SyntheticPresets.get(p.name()));
        }
    }

    @Test
    void unknownPresetNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyntheticPresets.get("mosi"));
        assertEquals("Unknown synthetic preset 'mosi'; expected one of mosi-aligned, mosi-unaligned, mosei-aligned, "
                + "mosei-unaligned, iemocap-aligned, mosi-aligned-3class", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SyntheticPresets.generate("MOSI-aligned", 1, 0.1));
    }

    @Test
    void splitSizesAtScaleOneAreTheRealDataSets() {
        Map<String, List<Integer>> expected = Map.of(
                "mosi-aligned", List.of(1284, 229, 686),
                "mosi-unaligned", List.of(1284, 229, 686),
                "mosei-aligned", List.of(16326, 1871, 4659),
                "mosei-unaligned", List.of(16326, 1871, 4659),
                "iemocap-aligned", List.of(2717, 798, 938),
                "mosi-aligned-3class", List.of(1284, 229, 686));
        for (String name : SyntheticPresets.names()) {
            Map<SplitName, Integer> sizes = SyntheticPresets.splitSizes(name, 1.0);
            assertEquals(expected.get(name), List.of(sizes.get(SplitName.TRAIN), sizes.get(SplitName.VALID), sizes.get(SplitName.TEST)),
                    name);
        }
    }

    @Test
    void scaledSizesAreCeilingsWithAMinimumOfEight() {
        SyntheticPreset p = SyntheticPresets.get("mosi-aligned");
        assertEquals(Map.of(SplitName.TRAIN, 129, SplitName.VALID, 23, SplitName.TEST, 69), p.splitSizes(0.1));
        assertEquals(Map.of(SplitName.TRAIN, 13, SplitName.VALID, 8, SplitName.TEST, 8), p.splitSizes(0.01));
        assertEquals(Map.of(SplitName.TRAIN, 8, SplitName.VALID, 8, SplitName.TEST, 8), p.splitSizes(1e-9));
        assertEquals(1000, p.splitSize(SplitName.TRAIN, 1000.0 / 1284));
        for (double bad : new double[] {0, -0.5, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.splitSizes(bad));
            assertEquals("Expected a scale in (0, 1], found " + bad, e.getMessage());
        }
    }

    @Test
    void everyPresetHasItsShapesAndLabels() {
        Map<String, int[]> shapes = Map.of(
                "mosi-aligned", new int[] {50, 300, 50, 5, 50, 20},
                "mosi-unaligned", new int[] {50, 300, 375, 5, 500, 20},
                "mosei-aligned", new int[] {50, 300, 50, 74, 50, 35},
                "mosei-unaligned", new int[] {50, 300, 500, 74, 500, 35},
                "iemocap-aligned", new int[] {50, 300, 50, 74, 50, 35},
                "mosi-aligned-3class", new int[] {50, 300, 50, 5, 50, 20});
        for (String name : SyntheticPresets.names()) {
            SyntheticPreset p = SyntheticPresets.get(name);
            int[] s = shapes.get(name);
            assertEquals(Map.of(Modality.LANGUAGE, new ModalityShape(s[0], s[1]), Modality.AUDIO, new ModalityShape(s[2], s[3]),
                    Modality.VISION, new ModalityShape(s[4], s[5])), p.schema().shapes(), name);
            MultimodalDataset ds = SyntheticPresets.generate(name, 3L, SMALL);
            assertEquals(24, ds.size(), name);
            for (SplitName split : SplitName.values()) {
                List<MultimodalSample> samples = ds.split(split);
                for (int i = 0; i < samples.size(); i++) {
                    MultimodalSample x = samples.get(i);
                    assertEquals(String.format("%s/%s/%06d", name, split.key(), i), x.id());
                    assertEquals(p.schema().modalities(), x.modalities());
                    checkFrames(p, x);
                    checkTarget(p, x);
                }
            }
        }
    }

    private static void checkFrames(SyntheticPreset p, MultimodalSample x) {
        int aligned = -1;
        for (Modality m : Modality.values()) {
            FrameSequence seq = x.require(m);
            int t = seq.length();
            int len = seq.validCount();
            for (int i = 0; i < t; i++) {
                assertEquals(i < len, seq.isValid(i), "end padding");
                for (int j = 0; j < seq.dim(); j++) {
                    float v = seq.get(i, j);
                    assertTrue(Float.isFinite(v));
                    if (i >= len) {
                        assertEquals(0f, v, "padding is zero");
                    }
                }
            }
            if (p.alignedLengths()) {
                assertTrue(len >= Math.max(8, t / 4) && len <= t, x.id() + " " + m + " length " + len);
                if (aligned >= 0) {
                    assertEquals(aligned, len, "aligned presets share one length");
                }
                aligned = len;
            } else {
                assertTrue(len >= t / 4 && len <= t, x.id() + " " + m + " length " + len);
            }
        }
    }

    private static void checkTarget(SyntheticPreset p, MultimodalSample x) {
        switch (p.schema().task()) {
            case REGRESSION: {
                float y = x.target(0);
                assertTrue(y >= -3 && y <= 3);
                assertEquals(0, Math.abs(Math.rint(y * 5) - y * 5), 1e-4, "multiple of 0.2: " + y);
                break;
            }
            case SINGLE_LABEL:
                assertTrue(x.target(0) == 0 || x.target(0) == 1 || x.target(0) == 2);
                break;
            case MULTI_LABEL: {
                float sum = 0;
                for (int k = 0; k < 4; k++) {
                    sum += x.target(k);
                }
                assertEquals(1f, sum, "exactly one emotion");
                break;
            }
            default:
                throw new AssertionError();
        }
    }

    @Test
    void sameArgumentsGiveIdenticalDataAndOtherSeedsOtherData() {
        MultimodalDataset a = SyntheticPresets.generate("mosi-unaligned", 11L, 0.01);
        MultimodalDataset b = SyntheticPresets.generate("mosi-unaligned", 11L, 0.01);
        MultimodalDataset c = SyntheticPresets.generate("mosi-unaligned", 12L, 0.01);
        for (SplitName s : SplitName.values()) {
            assertEquals(a.split(s), b.split(s));
            assertNotEquals(a.split(s), c.split(s));
        }
        assertEquals(a.origin(), b.origin());
    }

    @Test
    void aScaledDataSetIsAPrefixOfALargerOne() {
        MultimodalDataset small = SyntheticPresets.generate("iemocap-aligned", 5L, 0.004);
        MultimodalDataset large = SyntheticPresets.generate("iemocap-aligned", 5L, 0.02);
        for (SplitName s : SplitName.values()) {
            List<MultimodalSample> a = small.split(s);
            List<MultimodalSample> b = large.split(s);
            assertTrue(a.size() < b.size());
            assertEquals(a, b.subList(0, a.size()));
        }
        SyntheticGenerator g = SyntheticPresets.generator("iemocap-aligned", 5L);
        assertEquals(large.split(SplitName.TEST).get(9), g.sample(SplitName.TEST, 9));
    }

    @Test
    void threeClassPresetBinsTheLabelsOfMosiAligned() {
        MultimodalDataset reg = SyntheticPresets.generate("mosi-aligned", 9L, 0.02);
        MultimodalDataset cls = SyntheticPresets.generate("mosi-aligned-3class", 9L, 0.02);
        assertEquals(Task.SINGLE_LABEL, cls.schema().task());
        assertEquals(List.of("negative", "neutral", "positive"), cls.schema().labelNames());
        for (SplitName s : SplitName.values()) {
            for (int i = 0; i < reg.split(s).size(); i++) {
                MultimodalSample r = reg.split(s).get(i);
                MultimodalSample c = cls.split(s).get(i);
                for (Modality m : Modality.values()) {
                    assertEquals(r.require(m), c.require(m));
                }
                float y = r.target(0);
                float expected = y < -0.7f ? 0 : y > 0.7f ? 2 : 1;
                assertEquals(expected, c.target(0), r.id() + " label " + y);
            }
        }
    }

    @Test
    void originRecordsPresetSeedScaleAndVersion() {
        MultimodalDataset ds = SyntheticPresets.generate("mosei-unaligned", 77L, SMALL);
        DataOrigin o = ds.origin();
        assertEquals("synthetic:mosei-unaligned", o.location());
        assertEquals("", o.sha256());
        assertEquals("synthetic", o.format());
        assertEquals(List.of(), o.preprocessing());
        assertEquals(Map.of("preset", "mosei-unaligned", "seed", "77", "scale", "1.0E-6", "generatorVersion", "1"), o.parameters());
        assertEquals(List.of("preset", "seed", "scale", "generatorVersion"), List.copyOf(o.parameters().keySet()));
        assertTrue(ds.report().lines().isEmpty());
    }

    @Test
    void indicesBeyondTheRealSplitAreRefused() {
        SyntheticGenerator g = SyntheticPresets.generator("mosi-aligned", 1L);
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> g.sample(SplitName.VALID, 229));
        assertEquals("Expected a valid index of preset 'mosi-aligned' in [0, 229), found 229", e.getMessage());
    }

    /**
     * Pins a few generated numbers. If this fails, the generator's output changed: bump
     * {@link SyntheticGenerator#VERSION} and update the values.
     */
    @Test
    void generatorVersionOneIsPinned() {
        MultimodalSample x = SyntheticPresets.generator("mosi-aligned", 0L).sample(SplitName.TRAIN, 0);
        assertEquals("1", SyntheticGenerator.VERSION);
        assertEquals(PINNED_LABEL, x.target(0));
        assertEquals(PINNED_LENGTH, x.require(Modality.AUDIO).validCount());
        assertEquals(PINNED_LANGUAGE_0_0, x.require(Modality.LANGUAGE).get(0, 0));
        assertEquals(PINNED_VISION_1_19, x.require(Modality.VISION).get(1, 19));
    }

    private static final float PINNED_LABEL = 0.2f;
    private static final int PINNED_LENGTH = 19;
    private static final float PINNED_LANGUAGE_0_0 = Float.intBitsToFloat(1066496572); // 1.1362987
    private static final float PINNED_VISION_1_19 = Float.intBitsToFloat(1076130396); // 2.56948
}
