package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.npz.UmdfArchive;
import io.github.umdf.nn.data.text.TextEncoder;
import io.github.umdf.nn.data.text.TextEncoding;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The builder on small computational sequences written here with jHDF: ordering and ids, the
 * word-offset fix, fold and file mismatches reported by count, truncation, padding, determinism.
 */
class MosiSdkBuilderTest {
    /** Held so that the level set on it sticks: jHDF's writer warns that writing is alpha on every file. */
    private static final Logger JHDF_LOG = Logger.getLogger("io.jhdf");
    /** The builder warns about the deliberate mismatches of these files on every build; quiet here, restored after. */
    private static final Logger BUILDER_LOG = Logger.getLogger(MosiSdkBuilder.class.getName());
    private static Level builderLevel;

    @TempDir
    static Path dir;
    private static Path labels;
    private static Path words;
    private static Path folds;
    private static Path lexicon;

    @BeforeAll
    static void writeFiles() throws IOException {
        JHDF_LOG.setLevel(Level.SEVERE);
        builderLevel = BUILDER_LOG.getLevel();
        BUILDER_LOG.setLevel(Level.SEVERE);
        labels = dir.resolve("labels.csd");
        try (WritableHdfFile hdf = HdfFile.write(labels)) {
            WritableGroup data = hdf.putGroup("Opinion Segment Labels").putGroup("data");
            // vidA's segments are stored out of time order.
            video(data, "vidA", new float[][] {{1.5f}, {-2f}}, new double[][] {{2, 4}, {0, 2}});
            video(data, "vidB", new float[][] {{0.5f}}, new double[][] {{0, 1}});
            video(data, "vidC", new float[][] {{3f}}, new double[][] {{0, 1}});
        }
        words = dir.resolve("words.csd");
        try (WritableHdfFile hdf = HdfFile.write(words)) {
            WritableGroup data = hdf.putGroup("Words").putGroup("data");
            // Each word is stored one row after its interval: row 0 "x" has none, the last interval has no word.
            video(data, "vidA", new String[][] {{"x"}, {"it"}, {"sp"}, {"was"}, {"not"}, {"good"}, {"sp"}, {"really"}, {"sad"}, {"end"}},
                    new double[][] {{0.0, 0.4}, {0.4, 0.6}, {0.6, 0.9}, {0.9, 1.2}, {1.2, 1.8}, {1.8, 2.3}, {2.3, 2.7}, {2.7, 3.5},
                            {3.5, 4.5}, {4.5, 5.0}});
            video(data, "vidE", new String[][] {{"a"}, {"b"}}, new double[][] {{0, 1}, {1, 2}});
        }
        folds = Files.writeString(dir.resolve("folds.json"), "{\"train\": [\"vidA\"], \"valid\": [\"vidB\"], \"test\": [\"vidD\"]}");
        lexicon = Files.writeString(dir.resolve("lexicon.txt"), "good\t1.9\t0.9434\nsad\t-2.1\t0.9434\n");
    }

    @AfterAll
    static void restoreLogging() {
        BUILDER_LOG.setLevel(builderLevel);
    }

    private static void video(WritableGroup data, String id, Object features, double[][] intervals) {
        WritableGroup v = data.putGroup(id);
        v.putDataset("features", features);
        v.putDataset("intervals", intervals);
    }

    private static MosiSdkBuilder builder() {
        return new MosiSdkBuilder(labels, words, folds).lexicon(lexicon);
    }

    @Test
    void segmentsAreOrderedNamedAlignedAndSplit() throws IOException {
        MosiSdkAssembly a = builder().assemble();
        assertEquals(List.of("vidA[0]", "vidA[1]", "vidB[0]"), a.segments().stream().map(MosiSegment::id).toList());
        MosiSegment first = a.segment("vidA[0]");
        assertEquals(List.of("it", "was", "not", "good"), first.words(), "word-offset fix: row i+1 spoken in interval i");
        assertEquals(-2f, first.label());
        assertEquals(0.0, first.start());
        assertEquals("really sad", a.segment("vidA[1]").text());
        assertEquals(1.5f, a.segment("vidA[1]").label());
        assertTrue(a.segment("vidB[0]").isEmpty());
        assertEquals(SplitName.VALID, a.segment("vidB[0]").split());

        TimedWord good = first.timedWords().get(3);
        assertEquals(1.2, good.start());
        assertEquals(1.8, good.end());
        assertEquals(0.5, good.pauseAfter(), 1e-12, "the 'sp' interval [1.8, 2.3] across the segment boundary");
        assertEquals(Double.POSITIVE_INFINITY, first.timedWords().get(0).pauseBefore());
        assertEquals(0.2, first.timedWords().get(1).pauseBefore(), 1e-12);

        MultimodalDataset ds = a.dataset();
        assertEquals("mosi-sdk", ds.schema().name());
        assertEquals(List.of("vidA[0]", "vidA[1]"), ds.split(SplitName.TRAIN).stream().map(MultimodalSample::id).toList());
        assertEquals(1, ds.split(SplitName.VALID).size());
        assertEquals(0, ds.split(SplitName.TEST).size());
        assertFalse(ds.schema().has(Modality.VISION));
        assertTrue(ds.schema().aligned());
        MultimodalSample s = ds.split(SplitName.TRAIN).get(0);
        assertEquals(4, s.require(Modality.LANGUAGE).validCount());
        assertEquals(4, s.require(Modality.AUDIO).validCount());
        assertEquals(0, ds.split(SplitName.VALID).get(0).require(Modality.LANGUAGE).validCount());
        assertEquals(0, ds.split(SplitName.VALID).get(0).require(Modality.AUDIO).validCount());
        assertThrows(java.util.NoSuchElementException.class, () -> a.segment("vidC[0]"));
    }

    @Test
    void mismatchesBetweenFoldsAndFilesAreCountedNeverSilent() throws IOException {
        MultimodalDataset ds = builder().build();
        Map<String, Long> c = ds.report().counts();
        assertEquals(1L, c.get("labelled videos in no fold (left out)"));
        assertEquals(1L, c.get("labelled segments of videos in no fold (left out)"));
        assertEquals(1L, c.get("fold videos absent from the label file (no segments)"));
        assertEquals(1L, c.get("labelled fold videos absent from the word file (segments kept without words)"));
        assertEquals(1L, c.get("word-file videos without labels (unused)"));
        assertEquals(1L, c.get("segments without words (kept, no valid frames)"));
        assertEquals(1L, c.get("spoken words outside every labelled segment"), "'end' has its midpoint at 4.0, the end of [2, 4)");
        assertEquals(6L, c.get("spoken words in labelled segments"));
        assertEquals(2L, c.get("spoken words in the VADER lexicon"));
        assertEquals(2L, c.get("rows unpaired by the word-offset fix (first word row and last interval per video)"));
        List<String> notes = ds.report().notes();
        assertTrue(notes.contains("labelled videos in no fold (left out): 1 [vidC]"), notes.toString());
        assertTrue(notes.contains("fold videos absent from the label file (no segments): 1 [vidD]"), notes.toString());
        assertTrue(notes.contains("labelled fold videos absent from the word file (segments kept without words): 1 [vidB]"),
                notes.toString());
        assertTrue(notes.contains("word-file videos without labels (unused): 1 [vidE]"), notes.toString());
    }

    @Test
    void longSegmentsKeepTheirLastWordsByDefaultAndTheFirstOnRequest() throws IOException {
        MosiSdkOptions t3 = MosiSdkOptions.defaults().withMaxWords(3).withHashDim(8);
        MultimodalDataset last = builder().options(t3).build();
        MultimodalDataset first = builder().options(t3.withTruncation(Truncation.KEEP_FIRST)).build();
        LanguageFeaturizer lf = new LanguageFeaturizer(new HashedWordEmbedding(8, 42), VaderLexicon.read(lexicon));
        float[][] all = lf.features(List.of("it", "was", "not", "good"));
        FrameSequence l = last.split(SplitName.TRAIN).get(0).require(Modality.LANGUAGE);
        FrameSequence f = first.split(SplitName.TRAIN).get(0).require(Modality.LANGUAGE);
        assertEquals(3, l.length());
        assertEquals(19, l.dim());
        for (int t = 0; t < 3; t++) {
            for (int j = 0; j < 19; j++) {
                assertEquals(all[t + 1][j], l.get(t, j), "keep-last: frame " + t + " is word " + (t + 1));
                assertEquals(all[t][j], f.get(t, j), "keep-first: frame " + t + " is word " + t);
            }
        }
        // Contextual columns see the whole segment: "good" keeps its position 1.0 and its negated context.
        assertEquals(1f, l.get(2, 8 + LanguageFeaturizer.POSITION));
        assertEquals(1f, l.get(2, 8 + LanguageFeaturizer.NEGATED_CONTEXT));
        assertEquals(1L, last.report().counts().get("segments longer than 3 words (kept the last 3)"));
        assertEquals(1L, first.report().counts().get("segments longer than 3 words (kept the first 3)"));
        assertEquals(1L, last.report().counts().get("words dropped by truncation"));

        // End padding: "really sad" fills frames 0 and 1, frame 2 is padding with zeros.
        FrameSequence pad = last.split(SplitName.TRAIN).get(1).require(Modality.AUDIO);
        assertArrayEquals(new boolean[] {true, true, false}, pad.validityCopy());
        for (int j = 0; j < pad.dim(); j++) {
            assertEquals(0f, pad.get(2, j));
        }
    }

    /** A text encoder whose frame of word i of an n-word transcript is [i, n]; remembers what it was given. */
    private static final class PositionEncoder implements TextEncoder {
        final List<List<String>> seen = new ArrayList<>();
        final int extraRow;

        PositionEncoder(int extraRow) {
            this.extraRow = extraRow;
        }

        @Override
        public String name() {
            return "position";
        }

        @Override
        public int dim() {
            return 2;
        }

        @Override
        public String columns() {
            return "index, words";
        }

        @Override
        public String description() {
            return "language: word index and transcript length";
        }

        @Override
        public Map<String, String> parameters() {
            return Map.of("textArtifact", "none");
        }

        @Override
        public TextEncoding encode(List<List<String>> transcripts) {
            seen.addAll(transcripts);
            List<float[][]> frames = new ArrayList<>();
            for (List<String> t : transcripts) {
                float[][] rows = new float[t.size() + extraRow][];
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = new float[] {i, t.size()};
                }
                frames.add(rows);
            }
            return new TextEncoding(frames, Map.of("words encoded", (long) seen.stream().mapToInt(List::size).sum()), List.of("a note"),
                    "all words known");
        }
    }

    @Test
    void aTextEncoderSeesWholeTranscriptsAndItsFramesAreTruncatedLikeTheOthers() throws IOException {
        PositionEncoder enc = new PositionEncoder(0);
        MultimodalDataset ds = new MosiSdkBuilder(labels, words, folds).text(enc).options(MosiSdkOptions.defaults().withMaxWords(3)).build();
        assertEquals(List.of(List.of("it", "was", "not", "good"), List.of("really", "sad"), List.of()), enc.seen,
                "every segment's whole transcript, in data set order, before truncation");
        FrameSequence l = ds.split(SplitName.TRAIN).get(0).require(Modality.LANGUAGE);
        assertEquals(2, l.dim());
        for (int t = 0; t < 3; t++) {
            assertEquals(t + 1, l.get(t, 0), "keep-last: frame " + t + " is word " + (t + 1));
            assertEquals(4, l.get(t, 1), "the encoder saw all four words");
        }
        assertEquals(6L, ds.report().counts().get("words encoded"));
        assertTrue(ds.report().notes().contains("a note"));
        Map<String, String> p = ds.origin().parameters();
        assertEquals("position", p.get("text"));
        assertEquals("none", p.get("textArtifact"));
        assertEquals("all words known", p.get("textCoverage"));
        assertEquals("position-prosody", p.get("featurizer"));
        assertEquals("index, words", p.get("languageColumns"));
        assertFalse(p.containsKey("lexicon"));
        assertTrue(ds.origin().preprocessing().contains("language: word index and transcript length"));

        IllegalStateException both = assertThrows(IllegalStateException.class,
                () -> new MosiSdkBuilder(labels, words, folds).lexicon(lexicon).text(new PositionEncoder(0)).build());
        assertTrue(both.getMessage().contains("used by the hashed language features only; found text encoder 'position'"), both.getMessage());
        IllegalStateException rows = assertThrows(IllegalStateException.class,
                () -> new MosiSdkBuilder(labels, words, folds).text(new PositionEncoder(1)).build());
        assertEquals("Text encoder position: transcript 0 [it, was, not, good]: expected 4 rows (one per word), found 5", rows.getMessage());
    }

    @Test
    void originRecordsFilesSettingsAndSteps() throws IOException {
        MultimodalDataset ds = builder().build();
        assertEquals(labels.toAbsolutePath().normalize().toString(), ds.origin().location());
        assertEquals("csd", ds.origin().format());
        Map<String, String> p = ds.origin().parameters();
        assertEquals(words.toAbsolutePath().normalize().toString(), p.get("words"));
        assertEquals(io.github.umdf.nn.data.DataOrigin.sha256(words), p.get("wordsSha256"));
        assertEquals(io.github.umdf.nn.data.DataOrigin.sha256(folds), p.get("foldsSha256"));
        assertEquals(io.github.umdf.nn.data.DataOrigin.sha256(lexicon), p.get("lexiconSha256"));
        assertEquals(io.github.umdf.nn.data.DataOrigin.sha256(labels), ds.origin().sha256());
        assertEquals("hash3gram-vader-prosody", p.get("featurizer"));
        assertEquals("1", p.get("featurizerVersion"));
        assertEquals("50", p.get("maxWords"));
        assertEquals("keep-last", p.get("truncation"));
        assertEquals("289", p.get("hashDim"));
        assertEquals("42", p.get("hashSeed"));
        assertEquals("300", p.get("languageDim"));
        assertEquals("6", p.get("audioDim"));
        assertTrue(ds.origin().preprocessing().get(2).startsWith("word-offset fix"), ds.origin().preprocessing().toString());

        MultimodalDataset none = new MosiSdkBuilder(labels, words, folds).build();
        assertEquals("none", none.origin().parameters().get("lexicon"));
        assertFalse(none.origin().parameters().containsKey("lexiconSha256"));
        assertTrue(none.report().notes().stream().anyMatch(n -> n.startsWith("no lexicon")), none.report().notes().toString());
    }

    @Test
    void theSameInputsGiveByteIdenticalArchivesThatReadBackEqual(@TempDir Path out) throws IOException {
        MultimodalDataset ds = builder().build();
        Path one = out.resolve("one.npz");
        Path two = out.resolve("two.npz");
        UmdfArchive.write(ds, one);
        UmdfArchive.write(builder().build(), two);
        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(two));
        MultimodalDataset back = UmdfArchive.read(one);
        assertEquals(ds.schema(), back.schema());
        for (SplitName s : SplitName.values()) {
            assertEquals(ds.split(s), back.split(s), s.key());
        }
        assertEquals(ds.origin().preprocessing(), back.origin().preprocessing());
        assertEquals(ds.report().lines(), back.report().notes());
    }

    @Test
    void swappedOrMissingFilesAreNamed() {
        InvalidDataException swapped = assertThrows(InvalidDataException.class, () -> new MosiSdkBuilder(words, labels, folds).build());
        assertTrue(swapped.getMessage().startsWith(words + ": field 'Words/data/vidA/features': expected one sentiment value per segment"),
                swapped.getMessage());
        assertTrue(swapped.getMessage().endsWith("found strings (is this the word file?)"), swapped.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> new MosiSdkBuilder(labels, words, dir.resolve("absent.json")).build());
        assertThrows(IllegalArgumentException.class, () -> MosiSdkOptions.defaults().withMaxWords(0));
    }
}
