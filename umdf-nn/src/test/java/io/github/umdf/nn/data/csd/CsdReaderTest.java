package io.github.umdf.nn.data.csd;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.testing.SharedData;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reads the real CMU-MOSI computational sequences in place from the shared data folder (skipped when
 * it is absent) and small files written here with jHDF.
 */
class CsdReaderTest {
    private static final String LABELS = "cmu_mosi/CMU_MOSI_Opinion_Labels.csd";
    private static final String WORDS = "cmu_mosi/CMU_MOSI_ModifiedTimestampedWords.csd";

    /** Held so that the level set on it sticks: jHDF's writer warns that writing is alpha on every file. */
    private static final java.util.logging.Logger JHDF_LOG = java.util.logging.Logger.getLogger("io.jhdf");

    private static CsdSequence labels;
    private static CsdSequence words;

    @BeforeAll
    static void quietJhdfWriter() {
        JHDF_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    /** Reads the real files once; skips the calling test (not the jHDF-written ones) when they are absent. */
    private static synchronized void assumeRealData() throws IOException {
        Path labelsFile = SharedData.file(LABELS);
        Path wordsFile = SharedData.file(WORDS);
        if (labels == null) {
            labels = new CsdReader().read(labelsFile);
            words = new CsdReader().read(wordsFile);
        }
    }

    @Test
    void labelsFileHas93VideosAnd2199Segments() throws IOException {
        assumeRealData();
        assertEquals("Opinion Segment Labels", labels.name());
        assertEquals(93, labels.videoCount());
        assertEquals(2199, labels.rowCount());
        assertFalse(labels.video("03bSnISJMiM").isText());
        assertEquals(1, labels.video("03bSnISJMiM").featureDim());
        // Metadata is read as stored; this file keeps its values JSON-encoded.
        assertEquals("\"CMU-MOSI\"", labels.metadata().get("dataset name"));
        assertEquals("\"Opinion Segment Labels\"", labels.metadata().get("root name"));
        assertEquals(13, labels.metadata().size());
        for (String id : labels.videoIds()) {
            CsdSequence.Video v = labels.video(id);
            for (int i = 0; i < v.size(); i++) {
                float y = v.features(i)[0];
                assertTrue(y >= -3 && y <= 3, id + " row " + i + " label " + y);
            }
        }
    }

    @Test
    void wordsFileHas51056Tokens() throws IOException {
        assumeRealData();
        assertEquals("CMU_MOSI_ModifiedTimestampedWords", words.name());
        assertEquals(93, words.videoCount());
        assertEquals(51_056, words.rowCount());
        CsdSequence.Video v = words.video("03bSnISJMiM");
        assertTrue(v.isText());
        assertEquals(List.of("oh", "sp", "this", "sp", "quality"), List.of(v.tokens()).subList(0, 5));
        assertEquals(labels.videoIds(), words.videoIds());
    }

    @Test
    void shiftedWordsGiveTheKnownTranscriptOf03bSnISJMiM() throws IOException {
        assumeRealData();
        CsdSequence.Video segments = labels.video("03bSnISJMiM").sortedByStart();
        CsdSequence.Video w = words.video("03bSnISJMiM");
        IntervalAligner.Alignment a = IntervalAligner.byMidpoint().shiftWordsByOne(true).align(segments, w);
        assertEquals("anyhow it was really good", a.text(0, w));
        assertEquals(2.4f, segments.features(0)[0]);
        assertEquals("a lot of sad parts", a.text(10, w));
        assertEquals(-0.5f, segments.features(10)[0]);
        assertEquals(2, a.unpairedCount());

        // Without the fix the text is one word off.
        IntervalAligner.Alignment unshifted = IntervalAligner.byMidpoint().align(segments, w);
        assertEquals("her anyhow it was really", unshifted.text(0, w));
        assertEquals("part a lot of sad", unshifted.text(10, w));
    }

    @Test
    void exactlyTwoSegmentsComeOutEmpty() throws IOException {
        assumeRealData();
        IntervalAligner aligner = IntervalAligner.byMidpoint().shiftWordsByOne(true);
        List<String> empty = new ArrayList<>();
        int segmentsSeen = 0;
        for (String id : labels.videoIds()) {
            CsdSequence.Video segments = labels.video(id).sortedByStart();
            CsdSequence.Video w = words.video(id);
            IntervalAligner.Alignment a = aligner.align(segments, w);
            segmentsSeen += a.segmentCount();
            for (int s = 0; s < a.segmentCount(); s++) {
                if (a.text(s, w).isEmpty()) {
                    empty.add(id + "[" + s + "]");
                }
            }
            for (int s : a.emptySegments()) {
                assertTrue(empty.contains(id + "[" + s + "]"));
            }
        }
        assertEquals(2199, segmentsSeen);
        // One zero-length segment ([127.213, 127.213) is empty when half-open) and one of 0.09 s.
        assertEquals(List.of("2WGyTLYerpo[43]", "VCslbP0mgZI[0]"), empty);
        System.out.println("CMU-MOSI: " + empty.size() + " of 2199 labelled segments have no words: " + empty);
    }

    @Test
    void standardFoldsCoverTheLabelledVideos() throws IOException {
        assumeRealData();
        Map<String, List<String>> folds;
        try (Reader r = Files.newBufferedReader(SharedData.file("cmu_mosi/standard_folds.json"))) {
            folds = new Gson().fromJson(r, new TypeToken<Map<String, List<String>>>() { }.getType());
        }
        Set<String> all = new HashSet<>();
        int[] segments = new int[3];
        int k = 0;
        for (String fold : List.of("train", "valid", "test")) {
            for (String id : folds.get(fold)) {
                assertTrue(all.add(id), "video in two folds: " + id);
                segments[k] += labels.video(id).size();
            }
            k++;
        }
        assertEquals(new HashSet<>(labels.videoIds()), all);
        assertArrayEquals(new int[] {1284, 229, 686}, segments);
    }

    @Test
    void aFilterReadsOnlyTheChosenVideos() throws IOException {
        assumeRealData();
        CsdSequence two = new CsdReader().read(SharedData.file(LABELS), id -> id.equals("03bSnISJMiM") || id.equals("0h-zjBukYpk"));
        assertEquals(List.of("03bSnISJMiM", "0h-zjBukYpk"), two.videoIds());
        assertEquals(labels.video("03bSnISJMiM").size(), two.video("03bSnISJMiM").size());
    }

    // ------------------------------------------------------------------ files written here

    private static Path write(Path dir, Consumer<WritableHdfFile> content) {
        Path file = dir.resolve("tiny.csd");
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            content.accept(hdf);
        }
        return file;
    }

    private static void video(WritableGroup data, String id, Object features, Object intervals) {
        WritableGroup v = data.putGroup(id);
        v.putDataset("features", features);
        v.putDataset("intervals", intervals);
    }

    @Test
    void readsAWrittenSequenceWithMetadataAndStrings(@TempDir Path dir) throws IOException {
        Path file = write(dir, hdf -> {
            WritableGroup root = hdf.putGroup("Tiny Labels");
            WritableGroup data = root.putGroup("data");
            video(data, "b", new float[][] {{1.5f, 0f}, {-2f, 1f}}, new double[][] {{0.5, 1.0}, {0.0, 0.5}});
            video(data, "a", new double[][] {{3.0, 4.0}}, new double[][] {{0, 1}});
            WritableGroup md = root.putGroup("metadata");
            md.putDataset("dataset name", new String[] {"TINY"});
        });
        CsdSequence seq = new CsdReader().read(file);
        assertEquals("Tiny Labels", seq.name());
        assertEquals(Map.of("dataset name", "TINY"), seq.metadata());
        assertEquals(List.of("a", "b"), seq.videoIds());
        CsdSequence.Video b = seq.video("b");
        assertEquals(2, b.featureDim());
        assertArrayEquals(new float[] {-2f, 1f}, b.features(1));
        CsdSequence.Video sorted = b.sortedByStart();
        assertArrayEquals(new float[] {-2f, 1f}, sorted.features(0));
        assertEquals(0.0, sorted.start(0));
        assertArrayEquals(new float[] {3f, 4f}, seq.video("a").features(0));
        assertThrows(java.util.NoSuchElementException.class, () -> seq.video("zz"));

        Path words = write(dir.resolve("w").toFile().mkdirs() ? dir.resolve("w") : dir, hdf -> {
            WritableGroup data = hdf.putGroup("Words").putGroup("data");
            video(data, "a", new String[][] {{"hello"}, {"sp"}, {"world"}}, new double[][] {{0, 1}, {1, 2}, {2, 3}});
        });
        CsdSequence w = new CsdReader().read(words);
        assertTrue(w.metadata().isEmpty(), "a file without metadata reads with empty metadata");
        assertEquals(List.of("hello", "sp", "world"), List.of(w.video("a").tokens()));
        assertEquals(List.of(0, 2), w.video("a").spokenRows());
    }

    private static InvalidDataException broken(Path dir, Consumer<WritableHdfFile> content) {
        Path file = write(dir, content);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new CsdReader().read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        return e;
    }

    @Test
    void malformedSequencesAreNamed(@TempDir Path dir) throws IOException {
        InvalidDataException shape = broken(Files.createDirectory(dir.resolve("1")), hdf -> video(hdf.putGroup("S").putGroup("data"),
                "v", new float[][] {{1f}}, new double[][] {{0, 1, 2}}));
        assertTrue(shape.getMessage().contains("field 'S/data/v/intervals': expected shape (n, 2), found shape [1, 3]"), shape.getMessage());

        InvalidDataException rows = broken(Files.createDirectory(dir.resolve("2")), hdf -> video(hdf.putGroup("S").putGroup("data"),
                "v", new float[][] {{1f}, {2f}}, new double[][] {{0, 1}}));
        assertTrue(rows.getMessage().contains("field 'S/data/v/features': expected shape (n=1, k), one row per interval, found shape [2, 1]"),
                rows.getMessage());

        InvalidDataException order = broken(Files.createDirectory(dir.resolve("3")), hdf -> video(hdf.putGroup("S").putGroup("data"),
                "v", new float[][] {{1f}, {2f}}, new double[][] {{0, 1}, {3, 2}}));
        assertTrue(order.getMessage().contains("expected finite intervals with start <= end, found [3.0, 2.0] at row 1"), order.getMessage());

        InvalidDataException missing = broken(Files.createDirectory(dir.resolve("4")), hdf -> hdf.putGroup("S").putGroup("data")
                .putGroup("v").putDataset("features", new float[][] {{1f}}));
        assertTrue(missing.getMessage().contains("field 'S/data/v/intervals': expected a dataset 'intervals', found only [features]"),
                missing.getMessage());

        InvalidDataException roots = broken(Files.createDirectory(dir.resolve("5")), hdf -> {
            hdf.putGroup("A");
            hdf.putGroup("B");
        });
        assertTrue(roots.getMessage().contains("expected exactly one top-level group (the sequence name), found 2 groups"),
                roots.getMessage());

        InvalidDataException noData = broken(Files.createDirectory(dir.resolve("6")), hdf -> hdf.putGroup("S").putGroup("metadata"));
        assertTrue(noData.getMessage().contains("field 'S/data': expected a group of videos"), noData.getMessage());
    }

    @Test
    void notAnHdf5FileIsNamed(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.csd"), "not hdf5");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> new CsdReader().read(file));
        assertTrue(e.getMessage().startsWith(file + ": expected an HDF5 computational sequence"), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> new CsdReader().read(dir.resolve("absent.csd")));
    }

    @Test
    void aTruncatedFileIsCalledTruncated(@TempDir Path dir) throws IOException {
        Path file = write(dir, hdf -> {
            WritableGroup data = hdf.putGroup("Tiny Labels").putGroup("data");
            for (int v = 0; v < 20; v++) {
                video(data, "video" + v, new float[][] {{1.5f, 0f}, {-2f, 1f}}, new double[][] {{0.5, 1.0}, {1.0, 1.5}});
            }
        });
        long size = Files.size(file);
        assertEquals(null, CsdReader.truncation(file), "a whole file is not truncated");
        for (long keep : new long[] {size / 2, size - 100}) {
            Path cut = dir.resolve("cut-" + keep + ".csd");
            try (var in = Files.newInputStream(file)) {
                Files.write(cut, in.readNBytes((int) keep));
            }
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> new CsdReader().read(cut));
            assertTrue(e.getMessage().startsWith(cut + ": the file is truncated: it has " + String.format(java.util.Locale.ROOT, "%,d", keep)
                    + " bytes, its HDF5 superblock says " + String.format(java.util.Locale.ROOT, "%,d", size)), e.getMessage());
        }
    }
}
