package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.LoadReport;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.npz.UmdfArchive;
import io.github.umdf.nn.testing.RealMosi;
import io.github.umdf.nn.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Builds {@code mosi-sdk} from the real CMU-MOSI SDK files and the VADER lexicon, read in place from
 * the shared data folder (skipped when it is absent). The data set is built once for the class.
 */
class MosiSdkRealDataTest {
    private static MosiSdkAssembly assembly;
    private static long buildMillis;

    /** Builds once; skips the calling test when the shared files are absent. */
    private static synchronized MosiSdkAssembly real() throws IOException {
        MosiSdkBuilder builder = RealMosi.builder();
        Path lexicon = SharedData.file("lexicon/vader_lexicon.txt");
        if (assembly == null) {
            long t0 = System.nanoTime();
            assembly = builder.lexicon(lexicon).assemble();
            buildMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("mosi-sdk from the real files in " + buildMillis + " ms");
            assembly.summary().forEach(System.out::println);
        }
        return assembly;
    }

    @Test
    void knownTranscriptsAndLabelsOf03bSnISJMiM() throws IOException {
        MosiSegment first = real().segment("03bSnISJMiM[0]");
        assertEquals("anyhow it was really good", first.text());
        assertEquals(List.of("anyhow", "it", "was", "really", "good"), first.words());
        assertEquals(2.4f, first.label());
        MosiSegment eleventh = real().segment("03bSnISJMiM[10]");
        assertEquals("a lot of sad parts", eleventh.text());
        assertEquals(-0.5f, eleventh.label());
        assertEquals(SplitName.TRAIN, first.split());
    }

    @Test
    void standardSplitSizesAndNoVision() throws IOException {
        MultimodalDataset ds = real().dataset();
        assertEquals(1284, ds.split(SplitName.TRAIN).size());
        assertEquals(229, ds.split(SplitName.VALID).size());
        assertEquals(686, ds.split(SplitName.TEST).size());
        DatasetSchema schema = ds.schema();
        assertFalse(schema.has(Modality.VISION), "vision is absent from the schema, not zeros");
        assertEquals(new io.github.umdf.nn.data.ModalityShape(50, 300), schema.shape(Modality.LANGUAGE));
        assertEquals(new io.github.umdf.nn.data.ModalityShape(50, 6), schema.shape(Modality.AUDIO));
        assertTrue(schema.aligned());
        assertEquals(List.of("sentiment"), schema.labelNames());
        for (SplitName s : SplitName.values()) {
            for (MultimodalSample x : ds.split(s)) {
                assertFalse(x.get(Modality.VISION).isPresent(), x.id());
            }
        }
    }

    @Test
    void exactlyTwoSegmentsWithoutWordsAreKeptAndCounted() throws IOException {
        MultimodalDataset ds = real().dataset();
        List<String> empty = new ArrayList<>();
        for (SplitName s : SplitName.values()) {
            for (MultimodalSample x : ds.split(s)) {
                if (x.require(Modality.LANGUAGE).validCount() == 0) {
                    empty.add(x.id());
                    assertEquals(0, x.require(Modality.AUDIO).validCount());
                }
            }
        }
        assertEquals(List.of("2WGyTLYerpo[43]", "VCslbP0mgZI[0]"), empty.stream().sorted().toList());
        Map<String, Long> c = ds.report().counts();
        assertEquals(2L, c.get("segments without words (kept, no valid frames)"));
        assertEquals(16L, c.get("segments longer than 50 words (kept the last 50)"));
        assertEquals(0L, c.get("labelled videos in no fold (left out)"));
        assertEquals(0L, c.get("fold videos absent from the label file (no segments)"));
        assertEquals(0L, c.get("labelled fold videos absent from the word file (segments kept without words)"));
        assertEquals(27_642L, c.get("spoken words in labelled segments"));
        assertEquals(2_853L, c.get("spoken words in the VADER lexicon"));
        assertEquals(0L, ds.report().totalNonFinite());
        assertTrue(ds.report().lines().contains("segments without words (kept, no valid frames): 2"), ds.report().lines().toString());
    }

    private static FrameSequence language(String id) throws IOException {
        return real().sample(id).require(Modality.LANGUAGE);
    }

    @Test
    void lexiconColumnsMakeSenseOnRealWords() throws IOException {
        int d = LanguageFeaturizer.DEFAULT_HASH_DIM;
        FrameSequence first = language("03bSnISJMiM[0]"); // anyhow it was really good
        assertEquals(5, first.validCount());
        assertTrue(first.get(4, d + LanguageFeaturizer.VALENCE) > 0, "good is positive");
        assertEquals(1f, first.get(3, d + LanguageFeaturizer.BOOSTER), "really is a booster");
        assertTrue(first.get(4, d + LanguageFeaturizer.CONTEXTUAL_VALENCE) > first.get(4, d + LanguageFeaturizer.VALENCE),
                "really boosts good");
        assertTrue(first.get(0, d + LanguageFeaturizer.SEGMENT_COMPOUND) > 0);
        FrameSequence sad = language("03bSnISJMiM[10]"); // a lot of sad parts
        assertTrue(sad.get(3, d + LanguageFeaturizer.VALENCE) < 0, "sad is negative");
        assertEquals(0f, sad.get(4, d + LanguageFeaturizer.IN_LEXICON), "parts is not a lexicon word");

        // A real "not": every occurrence is a negation cue, and the word after it is in negated context.
        int nots = 0;
        for (MosiSegment seg : real().segments()) {
            List<String> w = seg.words();
            int from = Math.max(0, w.size() - 50);
            for (int i = from; i < w.size(); i++) {
                if (w.get(i).equals("not")) {
                    FrameSequence f = language(seg.id());
                    assertEquals(1f, f.get(i - from, d + LanguageFeaturizer.NEGATION), seg.id());
                    if (i + 1 < w.size()) {
                        assertEquals(1f, f.get(i + 1 - from, d + LanguageFeaturizer.NEGATED_CONTEXT), seg.id());
                    }
                    nots++;
                }
            }
            if (nots > 20) {
                break;
            }
        }
        assertTrue(nots > 0);
    }

    @Test
    void audioIsFiniteWordTimingOnTheLanguageAxis() throws IOException {
        MosiSegment seg = real().segment("03bSnISJMiM[0]");
        MultimodalSample x = real().sample(seg.id());
        FrameSequence audio = x.require(Modality.AUDIO);
        FrameSequence language = x.require(Modality.LANGUAGE);
        for (int t = 0; t < 50; t++) {
            assertEquals(language.isValid(t), audio.isValid(t));
        }
        for (int t = 0; t < seg.wordCount(); t++) {
            TimedWord w = seg.timedWords().get(t);
            assertEquals((float) Math.log(Math.max(w.duration(), 0.01)), audio.get(t, 0), 1e-6, w.toString());
            assertTrue(w.start() >= seg.start() - 1 && w.end() <= seg.end() + 1, w + " near " + seg);
        }
    }

    @Test
    void archiveRoundTripOfASubset(@TempDir Path dir) throws IOException {
        MultimodalDataset ds = real().dataset();
        EnumMap<SplitName, List<MultimodalSample>> subset = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            List<MultimodalSample> part = new ArrayList<>(ds.split(s).subList(0, 20));
            ds.split(s).stream().filter(x -> x.require(Modality.LANGUAGE).validCount() == 0).forEach(part::add);
            subset.put(s, part);
        }
        LoadReport report = new LoadReport();
        ds.report().lines().forEach(report::note);
        MultimodalDataset small = new MultimodalDataset(ds.schema(), subset, ds.origin(), report);
        Path f = dir.resolve("mosi-sdk-subset.npz");
        UmdfArchive.write(small, f);
        MultimodalDataset back = UmdfArchive.read(f);
        assertEquals(small.schema(), back.schema());
        for (SplitName s : SplitName.values()) {
            assertEquals(small.split(s), back.split(s), s.key());
        }
        assertEquals(ds.origin().preprocessing(), back.origin().preprocessing());
        assertEquals(ds.origin().location(), back.origin().parameters().get("sourceLocation"));
        assertEquals(ds.origin().parameters().get("wordsSha256"), back.origin().parameters().get("wordsSha256"));
        assertEquals("aef5f4617cdb067cc7606bb798eb6452c3de45f0f21cb3427be33c4d8c7fe852", back.origin().parameters().get("sourceSha256"));
    }
}
