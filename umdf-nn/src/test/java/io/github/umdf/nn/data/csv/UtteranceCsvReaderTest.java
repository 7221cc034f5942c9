package io.github.umdf.nn.data.csv;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UtteranceCsvReaderTest {
    private static final String HEADER = "id,split,label,language_0,language_1,audio_0\n";

    @TempDir
    Path dir;

    private static Path fixture() throws URISyntaxException {
        return Path.of(UtteranceCsvReaderTest.class.getResource("/fixtures/utterances.csv").toURI());
    }

    private Path csv(String content) throws IOException {
        return Files.writeString(dir.resolve("table.csv"), content);
    }

    private static float[] values(FrameSequence s) {
        return s.valuesCopy();
    }

    @Test
    void readsTheFixtureWithAbsentModalitiesAndQuotedFields() throws Exception {
        MultimodalDataset ds = UtteranceCsvReader.builder().ignoreColumns("note").labelRange(-3, 3).build().read(fixture());
        assertEquals("utterances", ds.schema().name());
        assertEquals(Task.REGRESSION, ds.schema().task());
        assertEquals(List.of("label"), ds.schema().labelNames());
        assertEquals(Map.of(Modality.LANGUAGE, new ModalityShape(1, 3), Modality.AUDIO, new ModalityShape(1, 2),
                Modality.VISION, new ModalityShape(1, 2)), ds.schema().shapes());
        assertEquals(2, ds.split(SplitName.TRAIN).size());
        assertEquals(1, ds.split(SplitName.VALID).size());
        assertEquals(1, ds.split(SplitName.TEST).size());

        MultimodalSample u1 = ds.split(SplitName.TRAIN).get(0);
        assertEquals("u1", u1.id());
        assertArrayEquals(new float[] {1.5f}, u1.target());
        assertArrayEquals(new float[] {0.1f, 0.2f, 0.3f}, values(u1.require(Modality.LANGUAGE)));
        assertArrayEquals(new float[] {0.25f, 0.5f}, values(u1.require(Modality.VISION)), "columns are placed by index, not file order");
        assertEquals(1, u1.require(Modality.AUDIO).length());
        assertEquals(1, u1.require(Modality.AUDIO).validCount());

        MultimodalSample u2 = ds.split(SplitName.TRAIN).get(1);
        assertEquals(Set.of(Modality.LANGUAGE, Modality.VISION), u2.modalities(), "all-empty audio cells: audio absent");
        MultimodalSample u3 = ds.split(SplitName.VALID).get(0);
        assertEquals(Set.of(Modality.LANGUAGE, Modality.AUDIO), u3.modalities());
        assertArrayEquals(new float[] {3f, 0f}, values(u3.require(Modality.AUDIO)), "nan set to 0");
        MultimodalSample u4 = ds.split(SplitName.TEST).get(0);
        assertEquals("u4", u4.id());
        assertArrayEquals(new float[] {0f, 0.4f}, values(u4.require(Modality.AUDIO)), "-inf set to 0");

        Map<String, Long> counts = ds.report().counts();
        assertEquals(1L, counts.get("train/audio: samples without the modality (all its cells empty)"));
        assertEquals(1L, counts.get("valid/vision: samples without the modality (all its cells empty)"));
        assertArrayEquals(new long[] {1, 0, 0}, ds.report().nonFinite(SplitName.VALID, Modality.AUDIO));
        assertArrayEquals(new long[] {0, 0, 1}, ds.report().nonFinite(SplitName.TEST, Modality.AUDIO));
        assertEquals("utterance-csv", ds.origin().format());
        assertEquals("language_0..language_2", ds.origin().parameters().get("language columns"));
    }

    @Test
    void aBadCellNamesFileLineColumnExpectedAndFound() throws IOException {
        Path file = csv(HEADER + "a,train,1,0.5,0.25,1\nb,test,2,0.5,abc,1\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> UtteranceCsvReader.builder().build().read(file));
        assertEquals(file + ": line 3 (split 'test'), column 'language_1': expected a number, found 'abc'", e.getMessage());
        Path suffix = csv(HEADER + "a,train,1,0.5,1f,1\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> UtteranceCsvReader.builder().build().read(suffix))
                .getMessage().contains("column 'language_1': expected a number, found '1f'"));
    }

    @Test
    void aPartlyEmptyModalityIsAnError() throws IOException {
        Path file = csv(HEADER + "a,valid,1,0.5,,1\n");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> UtteranceCsvReader.builder().build().read(file));
        assertTrue(e.getMessage().contains("line 2 (split 'valid'), column 'language_1': expected a number (or every language cell empty "
                + "for an absent modality), found an empty cell among 1 filled ones"), e.getMessage());
    }

    @Test
    void rowAndHeaderProblemsAreNamed() throws IOException {
        UtteranceCsvReader reader = UtteranceCsvReader.builder().build();
        Path shortRow = csv(HEADER + "a,train,1,0.5\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> reader.read(shortRow)).getMessage()
                .endsWith("line 2: expected 6 fields as in the header, found 4"));
        Path unknown = csv("id,split,label,language_0,colour\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> reader.read(unknown)).getMessage()
                .contains("line 1, column 'colour': expected 'id', 'split', a label column [label], a feature column"));
        Path gap = csv("id,split,label,audio_0,audio_2\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> reader.read(gap)).getMessage()
                .contains("expected audio feature columns audio_0 .. audio_1, found no column audio_1 (indices present: [0, 2])"));
        Path noSplit = csv("id,label,audio_0\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> reader.read(noSplit)).getMessage()
                .contains("line 1: expected a column 'split', found columns [id, label, audio_0]"));
        Path badSplit = csv(HEADER + "a,training,1,0.5,0.5,1\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> reader.read(badSplit)).getMessage()
                .contains("line 2, column 'split': expected train, valid or test, found 'training'"));
        Path dup = csv(HEADER + "a,train,1,0.5,0.5,1\na,test,1,0.5,0.5,1\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> reader.read(dup)).getMessage()
                .contains("line 3, column 'id': expected a unique id, found 'a', also on line 2"));
        Path quote = csv(HEADER + "a,train,1,0.5,0.5,\"1\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> reader.read(quote)).getMessage()
                .endsWith("line 2: expected a closing quote, found the end of the file"));
        Path stray = csv(HEADER + "a,train,1,0.5,0.5,1\"2\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> reader.read(stray)).getMessage()
                .contains("line 2: expected a quote only at the start of a field"));
        Path empty = csv("");
        assertTrue(assertThrows(InvalidDataException.class, () -> reader.read(empty)).getMessage()
                .endsWith("expected a header line, found an empty file"));
    }

    @Test
    void labelsAreChecked() throws IOException {
        Path file = csv(HEADER + "a,train,3.5,0.5,0.5,1\n");
        InvalidDataException e = assertThrows(InvalidDataException.class,
                () -> UtteranceCsvReader.builder().labelRange(-3, 3).build().read(file));
        assertTrue(e.getMessage().contains("line 2 (split 'train'), column 'label': expected a label in [-3.0, 3.0], found '3.5'"),
                e.getMessage());
        Path nanLabel = csv(HEADER + "a,train,nan,0.5,0.5,1\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> UtteranceCsvReader.builder().build().read(nanLabel))
                .getMessage().contains("column 'label': expected a finite number, found 'nan'"));
    }

    @Test
    void readsMultiLabelAndSingleLabelTables() throws IOException {
        Path multi = csv("id,split,happy,sad,vision_0\na,train,1,0,0.5\nb,valid,0,1,0.25\nc,test,1,1,\n");
        MultimodalDataset ml = UtteranceCsvReader.builder().task(Task.MULTI_LABEL).labelColumns("happy", "sad").datasetName("emo")
                .build().read(multi);
        assertEquals(List.of("happy", "sad"), ml.schema().labelNames());
        assertArrayEquals(new float[] {1, 1}, ml.split(SplitName.TEST).get(0).target());
        assertEquals(Set.of(), ml.split(SplitName.TEST).get(0).modalities());
        Path twoValued = csv("id,split,happy,sad,vision_0\na,train,2,0,0.5\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> UtteranceCsvReader.builder().task(Task.MULTI_LABEL)
                .labelColumns("happy", "sad").build().read(twoValued)).getMessage().contains("column 'happy': expected 0 or 1, found '2'"));

        Path single = csv("id,split,mood,text_0\na,train,neg,1\nb,valid,2,1\nc,test,pos,1\n");
        MultimodalDataset sl = UtteranceCsvReader.builder().task(Task.SINGLE_LABEL).labelColumns("mood").classNames("neg", "neu", "pos")
                .build().read(single);
        assertEquals(new ModalityShape(1, 1), sl.schema().shape(Modality.LANGUAGE));
        assertArrayEquals(new float[] {2}, sl.split(SplitName.VALID).get(0).target());
        assertArrayEquals(new float[] {2}, sl.split(SplitName.TEST).get(0).target());
        Path unknownClass = csv("id,split,mood,text_0\na,train,angry,1\n");
        assertTrue(assertThrows(InvalidDataException.class, () -> UtteranceCsvReader.builder().task(Task.SINGLE_LABEL).labelColumns("mood")
                .classNames("neg", "neu", "pos").build().read(unknownClass)).getMessage()
                .contains("column 'mood': expected a class name [neg, neu, pos] or an index in [0, 3), found 'angry'"));
    }

    @Test
    void builderRejectsContradictorySettings() {
        assertThrows(IllegalArgumentException.class, () -> UtteranceCsvReader.builder().task(Task.SINGLE_LABEL).build());
        assertThrows(IllegalArgumentException.class, () -> UtteranceCsvReader.builder().task(Task.MULTI_LABEL).labelRange(0, 1).build());
        assertThrows(IllegalArgumentException.class, () -> UtteranceCsvReader.builder().labelColumns("id").build());
        assertThrows(IllegalArgumentException.class, () -> UtteranceCsvReader.builder().labelColumns());
    }
}
