package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.LoadReport;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.data.numpy.NumpyArray;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UmdfArchiveTest {
    /** Every split of every preset has 8 samples at this scale. */
    private static final double SMALL = 1e-6;

    @TempDir
    Path dir;

    private static void assertSameData(MultimodalDataset expected, MultimodalDataset actual) {
        assertEquals(expected.schema(), actual.schema());
        for (SplitName s : SplitName.values()) {
            assertEquals(expected.split(s), actual.split(s), s.key());
        }
    }

    @Test
    void roundTripGivesBackEveryPreset() throws IOException {
        for (String preset : SyntheticPresets.names()) {
            MultimodalDataset ds = SyntheticPresets.generate(preset, 5L, SMALL);
            Path f = dir.resolve(preset + ".npz");
            UmdfArchive.write(ds, f);
            MultimodalDataset back = UmdfArchive.read(f);
            assertSameData(ds, back);
            DataOrigin o = back.origin();
            assertEquals(f.toAbsolutePath().normalize().toString(), o.location());
            assertEquals(DataOrigin.sha256(f), o.sha256());
            assertEquals("umdf-npz", o.format());
            assertEquals(List.of(), o.preprocessing());
            Map<String, String> p = new LinkedHashMap<>(ds.origin().parameters());
            p.put("sourceLocation", "synthetic:" + preset);
            p.put("sourceFormat", "synthetic");
            assertEquals(p, o.parameters());
            assertEquals(List.copyOf(p.keySet()), List.copyOf(o.parameters().keySet()));
            assertTrue(back.report().lines().isEmpty());
        }
    }

    @Test
    void sameDataGivesByteIdenticalArchives() throws IOException {
        Path f1 = dir.resolve("a.npz");
        Path f2 = dir.resolve("b.npz");
        Path f3 = dir.resolve("c.npz");
        UmdfArchive.write(SyntheticPresets.generate("mosi-unaligned", 3L, 0.01), f1);
        TimeZone tz = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
            UmdfArchive.write(SyntheticPresets.generate("mosi-unaligned", 3L, 0.01), f2);
        } finally {
            TimeZone.setDefault(tz);
        }
        UmdfArchive.write(SyntheticPresets.generate("mosi-unaligned", 4L, 0.01), f3);
        assertArrayEquals(Files.readAllBytes(f1), Files.readAllBytes(f2));
        assertEquals(DataOrigin.sha256(f1), DataOrigin.sha256(f2));
        assertNotEquals(DataOrigin.sha256(f1), DataOrigin.sha256(f3));
        try (var stream = Files.list(dir)) {
            assertEquals(3, stream.count(), "no temporary files left behind");
        }
        if (Files.getFileStore(f1).supportsFileAttributeView("posix")) {
            assertTrue(Files.getPosixFilePermissions(f1).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    || !Files.getPosixFilePermissions(dir).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ),
                    "the archive has the usual permissions, not a temporary file's");
        }
    }

    @Test
    void metaAndEntryOrderAreTheDocumentedLayout() throws IOException {
        MultimodalDataset ds = SyntheticPresets.generate("mosi-aligned", 1L, SMALL);
        assertEquals("{\"format\":\"umdf-dataset\",\"version\":1,\"name\":\"mosi-aligned\",\"task\":\"regression\","
                + "\"labels\":[\"sentiment\"],\"labelRange\":[-3.0,3.0],\"modalities\":{\"language\":{\"length\":50,\"dim\":300},"
                + "\"audio\":{\"length\":50,\"dim\":5},\"vision\":{\"length\":50,\"dim\":20}},\"origin\":{\"location\":"
                + "\"synthetic:mosi-aligned\",\"sha256\":\"\",\"format\":\"synthetic\",\"preprocessing\":[],\"parameters\":"
                + "{\"preset\":\"mosi-aligned\",\"seed\":\"1\",\"scale\":\"1.0E-6\",\"generatorVersion\":\"1\"}},\"report\":[]}",
                UmdfArchive.metaJson(ds));
        Path f = dir.resolve("m.npz");
        UmdfArchive.write(ds, f);
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(f.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                names.add(e.getName());
            }
        }
        List<String> expected = new ArrayList<>(List.of("meta.npy"));
        for (String s : List.of("train", "valid", "test")) {
            expected.add(s + "/ids.npy");
            expected.add(s + "/labels.npy");
            for (String m : List.of("language", "audio", "vision")) {
                expected.add(s + "/" + m + ".npy");
                expected.add(s + "/" + m + "_valid.npy");
                expected.add(s + "/" + m + "_present.npy");
            }
        }
        assertEquals(expected, names);
        try (NpzReader r = NpzReader.open(f)) {
            assertEquals("'<U25' (8,)", r.header("train/ids").describe());
            assertEquals("'<f4' (8, 1)", r.header("valid/labels").describe());
            assertEquals("'<f4' (8, 50, 300)", r.header("test/language").describe());
            assertEquals("'|b1' (8, 50)", r.header("test/audio_valid").describe());
            assertEquals("'|b1' (8,)", r.header("test/vision_present").describe());
        }
        UmdfArchive.Summary s = UmdfArchive.inspect(f);
        assertEquals(ds.schema(), s.schema());
        assertEquals(Map.of(SplitName.TRAIN, 8, SplitName.VALID, 8, SplitName.TEST, 8), s.splitSizes());
        assertEquals(ds.origin(), s.storedOrigin());
    }

    /** Language (T=3, d=2) and audio (T=2, d=1), two classes; absent modalities, non-finite values, an empty split. */
    private static MultimodalDataset handBuilt() {
        DatasetSchema schema = DatasetSchema.builder("hand", Task.SINGLE_LABEL).labels("neg", "pos")
                .modality(Modality.LANGUAGE, 3, 2).modality(Modality.AUDIO, 2, 1).build();
        MultimodalSample s1 = new MultimodalSample("s1", Map.of(
                Modality.LANGUAGE, FrameSequence.withLength(3, 2, new float[] {1, Float.NaN, Float.POSITIVE_INFINITY, 2,
                        Float.NEGATIVE_INFINITY, 0}, 3),
                Modality.AUDIO, FrameSequence.withLength(2, 1, new float[] {0.5f, 0}, 1)), new float[] {1});
        MultimodalSample s2 = new MultimodalSample("s2", Map.of(
                Modality.LANGUAGE, FrameSequence.allValid(3, 2, new float[] {1, 2, 3, 4, 5, 6})), new float[] {0});
        MultimodalSample s3 = new MultimodalSample("v\u00e9-\uD83D\uDE00", Map.of(
                Modality.LANGUAGE, new FrameSequence(3, 2, new float[] {1, 1, 0, 0, 3, 3}, new boolean[] {true, false, true}),
                Modality.AUDIO, FrameSequence.withLength(2, 1, new float[2], 0)), new float[] {1});
        EnumMap<SplitName, List<MultimodalSample>> splits = new EnumMap<>(SplitName.class);
        splits.put(SplitName.TRAIN, List.of(s1, s2));
        splits.put(SplitName.VALID, List.of(s3));
        splits.put(SplitName.TEST, List.of());
        Map<String, String> params = new LinkedHashMap<>();
        params.put("folds", "standard");
        DataOrigin origin = new DataOrigin("/data/aligned_50.pkl", "abc123", Instant.EPOCH, "mmsa-pickle",
                List.of("text: bert", "audio: -inf to 0"), params);
        LoadReport report = new LoadReport();
        report.count("segments without words", 3);
        report.note("hello");
        return new MultimodalDataset(schema, splits, origin, report);
    }

    @Test
    void absentModalitiesNonFiniteValuesAndOriginsRoundTrip() throws IOException {
        MultimodalDataset ds = handBuilt();
        Path f = dir.resolve("hand.npz");
        UmdfArchive.write(ds, f);
        try (NpzReader r = NpzReader.open(f)) {
            assertArrayEquals(new boolean[] {true, false}, r.read("train/audio_present").toBooleans());
            assertArrayEquals(new float[] {0.5f, 0, 0, 0}, r.read("train/audio").toFloats(), "an absent modality's row is zeros");
            assertEquals("'<f4' (0, 3, 2)", r.header("test/language").describe());
        }
        MultimodalDataset back = UmdfArchive.read(f);
        assertEquals(ds.schema(), back.schema());
        assertEquals(ds.split(SplitName.VALID), back.split(SplitName.VALID));
        assertEquals(List.of(), back.split(SplitName.TEST));
        MultimodalSample s1 = back.split(SplitName.TRAIN).get(0);
        assertArrayEquals(new float[] {1, 0, 0, 2, 0, 0}, s1.require(Modality.LANGUAGE).valuesCopy());
        assertEquals(ds.split(SplitName.TRAIN).get(1), back.split(SplitName.TRAIN).get(1));
        assertFalse(back.split(SplitName.TRAIN).get(1).get(Modality.AUDIO).isPresent());
        assertArrayEquals(new long[] {1, 1, 1}, back.report().nonFinite(SplitName.TRAIN, Modality.LANGUAGE));
        assertEquals(List.of("train/language: set to 0: 1 NaN, 1 +inf, 1 -inf", "segments without words: 3", "hello"),
                back.report().lines());
        DataOrigin o = back.origin();
        assertEquals(List.of("text: bert", "audio: -inf to 0"), o.preprocessing());
        assertEquals(Map.of("folds", "standard", "sourceLocation", "/data/aligned_50.pkl", "sourceFormat", "mmsa-pickle",
                "sourceSha256", "abc123"), o.parameters());

        Path again = dir.resolve("again.npz");
        UmdfArchive.write(back, again);
        DataOrigin o2 = UmdfArchive.read(again).origin();
        assertEquals("/data/aligned_50.pkl", o2.parameters().get("sourceLocation"), "the first source is kept");
        assertEquals(again.toAbsolutePath().toString(), o2.location());
    }

    // ------------------------------------------------------------------ error paths

    private Path base() throws IOException {
        Path f = dir.resolve("base.npz");
        if (!Files.exists(f)) {
            UmdfArchive.write(SyntheticPresets.generate("mosi-aligned", 1L, SMALL), f);
        }
        return f;
    }

    /** A copy of the base archive with its arrays edited. */
    private Path variant(String name, Consumer<Map<String, NumpyArray>> edit) throws IOException {
        Map<String, NumpyArray> arrays = new LinkedHashMap<>();
        try (NpzReader r = NpzReader.open(base())) {
            for (String n : r.names()) {
                arrays.put(n, r.read(n));
            }
        }
        edit.accept(arrays);
        Path f = dir.resolve(name + ".npz");
        try (NpzWriter w = new NpzWriter(f)) {
            for (Map.Entry<String, NumpyArray> e : arrays.entrySet()) {
                w.add(e.getKey(), e.getValue());
            }
        }
        return f;
    }

    private static String error(Path f) {
        return assertThrows(InvalidDataException.class, () -> UmdfArchive.read(f)).getMessage();
    }

    private static Consumer<Map<String, NumpyArray>> meta(String from, String to) {
        return a -> a.put("meta", NumpyArray.ofString(a.get("meta").scalarString().replace(from, to)));
    }

    @Test
    void wrongDtypeIsNamed() throws IOException {
        Path f = variant("dtype", a -> a.put("train/labels", NumpyArray.ofLongs(new long[8], 8, 1)));
        assertEquals(f + ": split 'train', field 'labels': expected dtype float32 '<f4' (or float64), found '<i8'", error(f));
        Path g = variant("dtype2", a -> a.put("valid/audio_valid", NumpyArray.ofUint8(new byte[8 * 50], 8, 50)));
        assertEquals(g + ": split 'valid', field 'audio_valid': expected dtype bool '|b1', found '|u1'", error(g));
        Path h = variant("dtype3", a -> a.put("test/ids", NumpyArray.ofInts(new int[8], 8)));
        assertEquals(h + ": split 'test', field 'ids': expected a Unicode array '<U{k}' of shape (N,), found '<i4' (8,)", error(h));
    }

    @Test
    void shapeMismatchesAreNamed() throws IOException {
        Path f = variant("shape", a -> a.put("train/audio", NumpyArray.ofFloats(new float[8 * 49 * 5], 8, 49, 5)));
        assertEquals(f + ": split 'train', field 'audio': expected shape (8, 50, 5) (N from ids, the rest from meta), found (8, 49, 5)",
                error(f));
        Path g = variant("rows", a -> a.put("valid/vision_present", NumpyArray.ofBooleans(new boolean[7], 7)));
        assertEquals(g + ": split 'valid', field 'vision_present': expected shape (8,) (N from ids, the rest from meta), found (7,)",
                error(g));
        Path h = variant("meta-dim", meta("\"dim\":20", "\"dim\":21"));
        assertEquals(h + ": split 'train', field 'vision': expected shape (8, 50, 21) (N from ids, the rest from meta), found (8, 50, 20)",
                error(h));
    }

    @Test
    void missingAndExtraEntriesAreNamed() throws IOException {
        Path f = variant("missing", a -> a.remove("test/vision_valid"));
        assertEquals(f + ": field 'test/vision_valid.npy': expected an entry 'test/vision_valid.npy' for [language, audio, vision], "
                + "found none", error(f));
        Path g = variant("extra", a -> a.put("train/raw_text", NumpyArray.ofString("x")));
        assertTrue(error(g).endsWith("found an extra entry 'train/raw_text.npy'"), error(g));
        Path h = variant("no-meta", a -> a.remove("meta"));
        assertTrue(error(h).startsWith(h + ": field 'meta.npy': expected a 'umdf-dataset' archive with a meta.npy entry, found entries [train/ids"),
                error(h));
    }

    @Test
    void metaIsValidatedKeyByKey() throws IOException {
        Path v = variant("version", meta("\"version\":1", "\"version\":2"));
        assertEquals(v + ": field 'meta.version': expected 1 (the only version this build reads), found 2", error(v));
        Path f = variant("format", meta("umdf-dataset", "other"));
        assertEquals(f + ": field 'meta.format': expected 'umdf-dataset', found 'other'", error(f));
        Path k = variant("key", meta("\"report\":[]", "\"report\":[],\"extra\":1"));
        assertTrue(error(k).startsWith(k + ": field 'meta': expected only the keys [format, labelRange, labels, modalities, name, "
                + "origin, report, task, version], found an unknown key 'extra'"), error(k));
        Path t = variant("task", meta("\"regression\"", "\"ranking\""));
        assertEquals(t + ": field 'meta.task': expected one of regression, single-label, multi-label, found 'ranking'", error(t));
        Path m = variant("modality", meta("\"vision\":", "\"smell\":"));
        assertEquals(m + ": field 'meta.modalities': expected keys among [language, audio, vision], found 'smell'", error(m));
        Path j = variant("json", a -> a.put("meta", NumpyArray.ofString("{not json")));
        assertTrue(error(j).startsWith(j + ": field 'meta.npy': expected valid JSON, found '{not json' ("), error(j));
        Path n = variant("not-scalar", a -> a.put("meta", NumpyArray.ofFloats(new float[1], 1)));
        assertEquals(n + ": field 'meta.npy': expected a 0-d Unicode array '<U{n}' (), found '<f4' (1,)", error(n));
    }

    @Test
    void absentModalityRowsMustBeEmpty() throws IOException {
        Path f = variant("absent", a -> {
            boolean[] p = a.get("train/audio_present").toBooleans();
            p[0] = false;
            a.put("train/audio_present", NumpyArray.ofBooleans(p, p.length));
        });
        assertEquals(f + ": split 'train', field 'audio_valid': expected no valid frame for sample 'mosi-aligned/train/000000' (row 0), "
                + "whose audio_present is false, found frame 0 valid", error(f));
    }

    @Test
    void labelsMustBeFiniteAndInRange() throws IOException {
        Path f = variant("nan", a -> {
            float[] y = a.get("train/labels").toFloats();
            y[0] = Float.NaN;
            a.put("train/labels", NumpyArray.ofFloats(y, 8, 1));
        });
        assertEquals(f + ": split 'train', field 'labels': expected finite labels, found NaN for label 0 of sample "
                + "'mosi-aligned/train/000000' (row 0)", error(f));
        Path g = variant("range", a -> {
            float[] y = a.get("valid/labels").toFloats();
            y[3] = 5f;
            a.put("valid/labels", NumpyArray.ofFloats(y, 8, 1));
        });
        assertEquals(g.toAbsolutePath() + ": split 'valid', field 'label': expected values in [-3.0, 3.0], found 5.0 in sample "
                + "'mosi-aligned/valid/000003'", error(g));
    }

    @Test
    void truncatedArchiveIsNamed() throws IOException {
        byte[] b = Files.readAllBytes(base());
        Path f = dir.resolve("cut.npz");
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 100));
        assertTrue(error(f).startsWith(f + ": expected a ZIP archive (.npz), found "), error(f));
    }
}
