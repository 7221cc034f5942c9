package io.github.umdf.nn.data.pickle;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.LoadReport;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.data.numpy.NumpyArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.github.umdf.nn.data.SplitName.TEST;
import static io.github.umdf.nn.data.SplitName.TRAIN;
import static io.github.umdf.nn.data.SplitName.VALID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the MMSA fixtures of {@code make_fixtures.py}; the expected values are the script's. */
class MmsaPickleReaderTest {
    private final MmsaPickleReader reader = new MmsaPickleReader();

    private static List<String> ids(MultimodalDataset ds, SplitName s) {
        return ds.split(s).stream().map(MultimodalSample::id).collect(Collectors.toList());
    }

    private static float[] labels(MultimodalDataset ds, SplitName s) {
        List<MultimodalSample> l = ds.split(s);
        float[] out = new float[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = l.get(i).target(0);
        }
        return out;
    }

    private static float[] frame(FrameSequence seq, int t) {
        float[] out = new float[seq.dim()];
        for (int j = 0; j < out.length; j++) {
            out[j] = seq.get(t, j);
        }
        return out;
    }

    private static void assertMessage(InvalidDataException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }

    @Test
    void readsTheAlignedFixture() throws IOException {
        Path file = Fixtures.path("mmsa_aligned.pkl");
        MultimodalDataset ds = reader.read(file);

        assertEquals("mmsa_aligned", ds.schema().name());
        assertEquals(Task.REGRESSION, ds.schema().task());
        assertEquals(List.of("sentiment"), ds.schema().labelNames());
        assertEquals(-3.0, ds.schema().labelMin().getAsDouble());
        assertEquals(3.0, ds.schema().labelMax().getAsDouble());
        assertEquals(Map.of(Modality.LANGUAGE, new ModalityShape(4, 6), Modality.AUDIO, new ModalityShape(4, 3),
                Modality.VISION, new ModalityShape(4, 2)), ds.schema().shapes());

        assertEquals(List.of("vidtrain$_$0", "vidtrain$_$1", "vidtrain$_$2"), ids(ds, TRAIN));
        assertEquals(List.of("vidvalid$_$0", "vidvalid$_$1"), ids(ds, VALID));
        assertEquals(List.of("vidtest$_$0", "vidtest$_$1"), ids(ds, TEST));
        assertArrayEquals(new float[] {-3.0f, 0.4f, 2.2f}, labels(ds, TRAIN));
        assertArrayEquals(new float[] {1.0f, -1.6f}, labels(ds, VALID));
        assertArrayEquals(new float[] {3.0f, -0.2f}, labels(ds, TEST));

        FrameSequence text0 = ds.split(TRAIN).get(0).require(Modality.LANGUAGE);
        assertArrayEquals(new float[] {-0.534f, -0.111f, -0.261f, -0.124f, -0.887f, -0.269f}, frame(text0, 0));
        assertEquals(3, text0.validCount(), "the all-zero last frame is padding");
        assertEquals(false, text0.isValid(3));
        FrameSequence vision = ds.split(TEST).get(1).require(Modality.VISION);
        assertArrayEquals(new float[] {-0.501f, -0.047f}, frame(vision, 3));

        // -inf in train audio and NaN in valid audio are set to 0 and counted; the frames stay valid.
        FrameSequence audio = ds.split(TRAIN).get(1).require(Modality.AUDIO);
        assertArrayEquals(new float[] {0f, -1.399f, -1.706f}, frame(audio, 2));
        assertEquals(4, audio.validCount());
        LoadReport r = ds.report();
        assertArrayEquals(new long[] {0, 0, 1}, r.nonFinite(TRAIN, Modality.AUDIO));
        assertArrayEquals(new long[] {1, 0, 0}, r.nonFinite(VALID, Modality.AUDIO));
        assertEquals(2, r.totalNonFinite());
        assertEquals(0f, ds.split(VALID).get(0).require(Modality.AUDIO).get(1, 2));

        Map<String, Long> counts = r.counts();
        assertEquals(1L, counts.get("train/language: padding frames (all features zero)"));
        assertEquals(0L, counts.get("valid/language: padding frames (all features zero)"));
        assertEquals(2L, counts.get("test/language: padding frames (all features zero)"));
        assertEquals(0L, counts.get("train/audio: padding frames (all features zero)"));
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("ignored fields [annotations, classification_labels, raw_text]")),
                r.notes().toString());

        DataOrigin o = ds.origin();
        assertEquals("mmsa-pickle", o.format());
        assertEquals(DataOrigin.sha256(file), o.sha256());
        assertTrue(o.preprocessing().contains("language validity: frames with a non-zero feature (no usable text_bert mask)"),
                o.preprocessing().toString());
        assertEquals("train=3, valid=2, test=2", o.parameters().get("samples"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mmsa_aligned_p2.pkl", "mmsa_aligned_p5.pkl", "mmsa_aligned_numpy1.pkl"})
    void everyProtocolAndNumpyVersionReadsTheSame(String name) throws IOException {
        MultimodalDataset p4 = reader.read(Fixtures.path("mmsa_aligned.pkl"));
        MultimodalDataset other = reader.read(Fixtures.path(name));
        for (SplitName s : SplitName.values()) {
            assertEquals(p4.split(s), other.split(s), name + " " + s);
        }
        assertEquals(p4.report().lines(), other.report().lines());
    }

    @Test
    void readsTheUnalignedFixtureWithLengthsAndTheBertMask() throws IOException {
        MultimodalDataset ds = reader.read(Fixtures.path("mmsa_unaligned.pkl"), "mosi-unaligned");
        assertEquals("mosi-unaligned", ds.schema().name());
        assertEquals(new ModalityShape(4, 6), ds.schema().shape(Modality.LANGUAGE));
        assertEquals(new ModalityShape(5, 3), ds.schema().shape(Modality.AUDIO));
        assertEquals(new ModalityShape(6, 2), ds.schema().shape(Modality.VISION));
        assertEquals(false, ds.schema().aligned());
        assertArrayEquals(new float[] {0.6f, -2.4f, 1.2f}, labels(ds, TRAIN));
        assertArrayEquals(new float[] {-0.8f, 2.8f}, labels(ds, VALID));
        assertArrayEquals(new float[] {0.0f, -3.0f}, labels(ds, TEST));
        assertEquals(List.of("utrain$_$0", "utrain$_$1", "utrain$_$2"), ids(ds, TRAIN));

        int[][] audioLengths = {{5, 3, 1}, {2, 5}, {4, 0}};
        int[][] visionLengths = {{6, 2, 4}, {6, 1}, {3, 5}};
        int[][] textLengths = {{4, 2, 3}, {4, 1}, {2, 4}};
        for (SplitName s : SplitName.values()) {
            for (int i = 0; i < ds.split(s).size(); i++) {
                MultimodalSample sample = ds.split(s).get(i);
                assertEquals(audioLengths[s.ordinal()][i], sample.require(Modality.AUDIO).validCount(), s + " audio " + i);
                assertEquals(visionLengths[s.ordinal()][i], sample.require(Modality.VISION).validCount(), s + " vision " + i);
                assertEquals(textLengths[s.ordinal()][i], sample.require(Modality.LANGUAGE).validCount(), s + " text " + i);
                assertEquals(audioLengths[s.ordinal()][i] - 1, sample.require(Modality.AUDIO).lastValidIndex());
            }
        }
        assertArrayEquals(new float[] {0.435f, -0.745f, -0.955f}, frame(ds.split(VALID).get(1).require(Modality.AUDIO), 4));
        Map<String, Long> counts = ds.report().counts();
        assertEquals(6L, counts.get("train/audio: padding frames (beyond audio_lengths)"));
        assertEquals(6L, counts.get("test/audio: padding frames (beyond audio_lengths)"));
        assertEquals(1L, counts.get("test/audio: samples without a valid frame"));
        assertEquals(5L, counts.get("valid/vision: padding frames (beyond vision_lengths)"));
        assertEquals(3L, counts.get("train/language: padding frames (text_bert attention mask 0)"));
        assertArrayEquals(new long[] {0, 0, 1}, ds.report().nonFinite(TRAIN, Modality.AUDIO));
        assertTrue(ds.origin().preprocessing().contains("audio validity: the first audio_lengths frames"));
        assertTrue(ds.origin().preprocessing().contains("language validity: the attention mask of text_bert (row 1)"));
    }

    // ------------------------------------------------------------------ malformed inputs

    @Test
    void missingSplitIsNamed() {
        Path file = Fixtures.path("mmsa_missing_test.pkl");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> reader.read(file));
        assertMessage(e, file.toString(), "split 'test'", "expected a 'test' split", "found keys [train, valid]");
    }

    @Test
    void lengthsBeyondTAreNamed() {
        Path file = Fixtures.path("mmsa_lengths_exceed_t.pkl");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> reader.read(file));
        assertMessage(e, file.toString(), "split 'train'", "field 'audio_lengths'", "expected lengths in [0, T=5]", "found 7 at sample 1");
    }

    /** Loads the aligned fixture and lets a test break one split before assembly. */
    private InvalidDataException brokenAligned(SplitName split, java.util.function.Consumer<Map<String, Object>> breaker)
            throws IOException {
        Path file = Fixtures.path("mmsa_aligned.pkl");
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) RestrictedUnpickler.load(file);
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) root.get(split.key());
        breaker.accept(fields);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> reader.assemble(root, file, "broken"));
        assertMessage(e, file.toString(), "split '" + split.key() + "'");
        return e;
    }

    @Test
    void mismatchedSampleCountIsNamed() throws IOException {
        InvalidDataException e = brokenAligned(VALID, f -> f.put("vision", NumpyArray.ofFloats(new float[3 * 4 * 2], 3, 4, 2)));
        assertMessage(e, "field 'vision'", "expected N=2 samples", "found NumPy float32 array of shape (3, 4, 2)");
    }

    @Test
    void mismatchedFrameCountAcrossSplitsIsNamed() throws IOException {
        InvalidDataException e = brokenAligned(TEST, f -> f.put("audio", NumpyArray.ofFloats(new float[2 * 5 * 3], 2, 5, 3)));
        assertMessage(e, "field 'audio'", "expected (N, T=4, d=3) as in split 'train'", "found shape (2, 5, 3)");
    }

    @Test
    void labelsOutOfRangeAreNamed() throws IOException {
        InvalidDataException e = brokenAligned(TRAIN, f -> f.put("regression_labels", NumpyArray.ofFloats(new float[] {0f, 3.5f, 1f}, 3)));
        assertMessage(e, "field 'regression_labels'", "expected finite labels in [-3.0, 3.0]", "found 3.5 at sample 1");
    }

    @Test
    void wrongLabelShapeIsNamed() throws IOException {
        InvalidDataException e = brokenAligned(TRAIN, f -> f.put("regression_labels", NumpyArray.ofFloats(new float[6], 3, 2)));
        assertMessage(e, "field 'regression_labels'", "expected numeric labels of shape (N,), (N, 1) or (N, 1, 1)",
                "found NumPy float32 array of shape (3, 2)");
    }

    @Test
    void missingFieldIsNamed() throws IOException {
        InvalidDataException e = brokenAligned(VALID, f -> f.remove("audio"));
        assertMessage(e, "field 'audio'", "expected a field 'audio'", "found only the fields [");
    }

    @Test
    void bertTokensWithoutTextFeaturesAreExplained() throws IOException {
        InvalidDataException e = brokenAligned(TRAIN, f -> {
            f.remove("text");
            f.put("text_bert", NumpyArray.ofDoubles(new double[3 * 3 * 4], 3, 3, 4));
        });
        assertMessage(e, "field 'text'", "only 'text_bert'", "not features");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws IOException {
        InvalidDataException e = brokenAligned(TRAIN, f -> f.put("text", List.of(1, 2, 3)));
        assertMessage(e, "field 'text'", "expected a NumPy array", "found list of length 3");
    }

    @Test
    void refusesTheEvilPickleNamingTheFileAndGlobal() {
        Path file = Fixtures.path("evil.pkl");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> reader.read(file));
        assertMessage(e, file.toString(), "refuses global 'posix.system' (module 'posix', name 'system')");
    }
}
