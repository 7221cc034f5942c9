package io.github.umdf.nn.data.pickle;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.data.numpy.NumpyArray;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static io.github.umdf.nn.data.SplitName.TEST;
import static io.github.umdf.nn.data.SplitName.TRAIN;
import static io.github.umdf.nn.data.SplitName.VALID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads the MulT fixtures of {@code make_fixtures.py}; the expected values are the script's. */
class MultPickleReaderTest {
    private final MultPickleReader reader = new MultPickleReader();

    private static List<String> ids(MultimodalDataset ds, SplitName s) {
        return ds.split(s).stream().map(MultimodalSample::id).collect(Collectors.toList());
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
    void readsMosiAsRegression() throws IOException {
        MultimodalDataset ds = reader.read(Fixtures.path("mult_mosi.pkl"));
        assertEquals("mult_mosi", ds.schema().name());
        assertEquals(Task.REGRESSION, ds.schema().task());
        assertEquals(List.of("sentiment"), ds.schema().labelNames());
        assertEquals(Map.of(Modality.LANGUAGE, new ModalityShape(4, 5), Modality.AUDIO, new ModalityShape(4, 3),
                Modality.VISION, new ModalityShape(4, 4)), ds.schema().shapes());
        assertEquals(List.of(3, 2, 2), List.of(ds.split(TRAIN).size(), ds.split(VALID).size(), ds.split(TEST).size()));

        assertEquals(List.of("abc_0_1", "abc_1_2", "def_0_1"), ids(ds, TRAIN));
        assertEquals(List.of("ghi_3_4", "ghi_4_5"), ids(ds, VALID));
        assertEquals(List.of("abc_0_1#test_00000", "jkl_0_1"), ids(ds, TEST), "the duplicate of a train id is made unique");
        assertEquals(1L, ds.report().counts().get("test: duplicate ids made unique as <id>#<split>_<index>"));

        float[][] labels = {{2.0f, -1.4f, 0.2f}, {-2.6f, 1.8f}, {0.8f, -0.4f}};
        for (SplitName s : SplitName.values()) {
            for (int i = 0; i < labels[s.ordinal()].length; i++) {
                assertArrayEquals(new float[] {labels[s.ordinal()][i]}, ds.split(s).get(i).target(), s + " " + i);
            }
        }

        MultimodalSample padded = ds.split(TRAIN).get(1);
        for (Modality m : Modality.values()) {
            FrameSequence seq = padded.require(m);
            assertFalse(seq.isValid(0));
            assertFalse(seq.isValid(1));
            assertEquals(2, seq.validCount(), m.key());
            assertEquals(2L, ds.report().counts().get("train/" + m.key() + ": padding frames (all features zero)"));
        }
        assertArrayEquals(new float[] {-1.053f, -0.302f, -1.193f, -1.211f, -0.235f}, frame(padded.require(Modality.LANGUAGE), 2));
        assertArrayEquals(new float[] {0.71f, 1.104f, -2.05f, 0.278f}, frame(ds.split(TEST).get(0).require(Modality.VISION), 0));
        assertArrayEquals(new long[] {0, 1, 0}, ds.report().nonFinite(VALID, Modality.VISION));
        assertEquals(0f, ds.split(VALID).get(1).require(Modality.VISION).get(3, 0));
        assertEquals("mult-pickle", ds.origin().format());
    }

    @Test
    void protocol5ReadsTheSame() throws IOException {
        MultimodalDataset p4 = reader.read(Fixtures.path("mult_mosi.pkl"));
        MultimodalDataset p5 = reader.read(Fixtures.path("mult_mosi_p5.pkl"));
        for (SplitName s : SplitName.values()) {
            assertEquals(p4.split(s), p5.split(s));
        }
    }

    @Test
    void readsIemocapAsMultiLabel() throws IOException {
        MultimodalDataset ds = reader.read(Fixtures.path("mult_iemocap.pkl"));
        assertEquals(Task.MULTI_LABEL, ds.schema().task());
        assertEquals(List.of("neutral", "happy", "sad", "angry"), ds.schema().labelNames());
        assertEquals(new ModalityShape(3, 5), ds.schema().shape(Modality.LANGUAGE));
        assertEquals(new ModalityShape(3, 2), ds.schema().shape(Modality.AUDIO));
        assertEquals(new ModalityShape(3, 3), ds.schema().shape(Modality.VISION));
        float[][][] expected = {
            {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 1}, {0, 0, 0, 0}},
            {{0, 0, 0, 1}, {1, 0, 0, 0}},
            {{0, 1, 0, 0}, {0, 0, 1, 0}},
        };
        for (SplitName s : SplitName.values()) {
            assertEquals(expected[s.ordinal()].length, ds.split(s).size());
            for (int i = 0; i < expected[s.ordinal()].length; i++) {
                assertArrayEquals(expected[s.ordinal()][i], ds.split(s).get(i).target(), s + " " + i);
            }
        }
        assertEquals(List.of("train_00000", "train_00001", "train_00002", "train_00003"), ids(ds, TRAIN));
        assertEquals(List.of("test_00000", "test_00001"), ids(ds, TEST));
        assertEquals(4L, ds.report().counts().get("train: ids generated as <split>_<index> (no id in the file)"));
        assertEquals(1L, ds.report().counts().get("test/audio: padding frames (all features zero)"));
        assertArrayEquals(new float[] {-0.976f, -0.045f}, frame(ds.split(VALID).get(0).require(Modality.AUDIO), 2));
    }

    private InvalidDataException broken(String fixture, SplitName split, Consumer<Map<String, Object>> breaker) throws IOException {
        Path file = Fixtures.path(fixture);
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
    void wrongLabelShapeIsNamed() throws IOException {
        InvalidDataException e = broken("mult_mosi.pkl", TRAIN, f -> f.put("labels", NumpyArray.ofFloats(new float[9], 3, 3)));
        assertMessage(e, "field 'labels'", "expected labels of shape (N, 1, 1) (MOSI/MOSEI sentiment) or (N, 4, 2)",
                "found NumPy float32 array of shape (3, 3)");
    }

    @Test
    void labelShapeMustAgreeAcrossSplits() throws IOException {
        InvalidDataException e = broken("mult_iemocap.pkl", VALID, f -> f.put("labels", NumpyArray.ofFloats(new float[2], 2, 1, 1)));
        assertMessage(e, "field 'labels'", "expected labels of shape (N, 4, 2) as in split 'train'", "found NumPy float32 array of shape (2, 1, 1)");
    }

    @Test
    void labelsOutOfRangeAreNamed() throws IOException {
        InvalidDataException e = broken("mult_mosi.pkl", TEST, f -> f.put("labels", NumpyArray.ofFloats(new float[] {-3.2f, 0f}, 2, 1, 1)));
        assertMessage(e, "field 'labels'", "expected finite labels in [-3.0, 3.0]", "found -3.2");
    }

    @Test
    void mismatchedSampleCountIsNamed() throws IOException {
        InvalidDataException e = broken("mult_mosi.pkl", TRAIN, f -> f.put("text", NumpyArray.ofFloats(new float[2 * 4 * 5], 2, 4, 5)));
        assertMessage(e, "field 'text'", "expected N=3 samples", "found NumPy float32 array of shape (2, 4, 5)");
    }

    @Test
    void mismatchedFeatureDimensionAcrossSplitsIsNamed() throws IOException {
        InvalidDataException e = broken("mult_mosi.pkl", VALID, f -> f.put("vision", NumpyArray.ofFloats(new float[2 * 4 * 7], 2, 4, 7)));
        assertMessage(e, "field 'vision'", "expected (N, T=4, d=4) as in split 'train'", "found shape (2, 4, 7)");
    }

    @Test
    void missingSplitIsNamed() throws IOException {
        Path file = Fixtures.path("mult_mosi.pkl");
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) RestrictedUnpickler.load(file);
        root.remove("valid");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> reader.assemble(root, file, "broken"));
        assertMessage(e, file.toString(), "split 'valid'", "expected a 'valid' split among the top-level keys", "found keys [train, test]");
    }

    @Test
    void idsOfTwoColumnsAndBytesAreJoined() throws IOException {
        Path file = Fixtures.path("mult_mosi.pkl");
        @SuppressWarnings("unchecked")
        Map<String, Object> root = (Map<String, Object>) RestrictedUnpickler.load(file);
        @SuppressWarnings("unchecked")
        Map<String, Object> valid = (Map<String, Object>) root.get("valid");
        valid.put("id", NumpyArray.ofStrings(new String[] {"v1", "3", "v1", "4"}, 2, 2));
        @SuppressWarnings("unchecked")
        Map<String, Object> test = (Map<String, Object>) root.get("test");
        test.remove("id");
        MultimodalDataset ds = reader.assemble(root, file, "ids");
        assertEquals(List.of("v1_3", "v1_4"), ids(ds, VALID));
        assertEquals(List.of("test_00000", "test_00001"), ids(ds, TEST));
    }
}
