package io.github.umdf.tribuo.data;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.csv.UtteranceCsvReader;
import io.github.umdf.nn.data.npz.UmdfArchive;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.tribuo.MultimodalExample;
import io.github.umdf.tribuo.data.MultimodalDataSource.MultimodalDataSourceProvenance;
import io.github.umdf.tribuo.output.LabelAdapter;
import io.github.umdf.tribuo.output.MultiLabelAdapter;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.regression.Regressor;
import org.tribuo.test.Helpers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultimodalDataSourceTest {
    @TempDir
    Path dir;

    /** A fixture of umdf-nn's test resources, copied to a file. */
    private Path fixture(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = MultimodalDataSourceTest.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("umdf-nn test fixture " + name + " not on the class path");
            }
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void archiveSourcesRecordPathHashTimeFormatSplitAndSteps() throws IOException {
        Path file = dir.resolve("tiny.npz");
        UmdfArchive.write(SyntheticPresets.generate("mosi-aligned", 5, 0.01), file);
        DataSplits<Regressor> data = MultimodalDataSources.umdfArchive(file, new RegressorAdapter());
        MultimodalDataSourceProvenance p = data.valid().getProvenance();
        assertEquals(file.toAbsolutePath().normalize().toString(), p.location());
        assertEquals(DataOrigin.sha256(file), p.sha256().orElseThrow());
        assertEquals("umdf-npz", p.format());
        assertEquals("valid", p.split());
        assertEquals("synthetic", p.parameters().get("sourceFormat"));
        String text = p.toString();
        assertTrue(text.contains(MultimodalDataSourceProvenance.FILE_MODIFIED_TIME), text);
        assertTrue(text.contains(MultimodalDataSourceProvenance.PREPROCESSING), text);
        MutableDataset<Regressor> train = data.mutableDataset(SplitName.TRAIN);
        Helpers.testProvenanceMarshalling(train.getProvenance());
        Example<Regressor> first = train.getExample(0);
        assertEquals("sentiment", first.getOutput().getNames()[0]);
        assertEquals(((MultimodalExample<Regressor>) first).sample().target(0), first.getOutput().getValues()[0], 0);
        assertEquals(data.dataset().split(SplitName.TRAIN).size(), train.size());
    }

    @Test
    void syntheticSourcesRecordPresetSeedAndScaleInsteadOfAHash() {
        DataSplits<MultiLabel> data = MultimodalDataSources.synthetic("iemocap-aligned", 9, 0.005, new MultiLabelAdapter());
        MultimodalDataSourceProvenance p = data.train().getProvenance();
        assertTrue(p.sha256().isEmpty());
        String text = p.toString();
        assertTrue(text.contains("synthetic-preset=iemocap-aligned") && text.contains("synthetic-seed=9")
                && text.contains("synthetic-scale=0.005"), text);
        Helpers.testProvenanceMarshalling(p);
        MultiLabel y = data.train().iterator().next().getOutput();
        assertTrue(List.of("neutral", "happy", "sad", "angry").containsAll(y.getNameSet()));
    }

    @Test
    void pickleAndCsvReadersGiveSourcesAndFormatsAreDetected() throws IOException {
        Path mmsa = fixture("mmsa_aligned.pkl");
        DataSplits<Regressor> m = MultimodalDataSources.mmsaPickle(mmsa, new RegressorAdapter());
        assertEquals("mmsa-pickle", m.train().getProvenance().format());
        assertFalse(m.train().getProvenance().toString().contains("preprocessing=[]"), "MMSA loading records its steps");
        assertEquals("mmsa-pickle", MultimodalDataSources.read(mmsa, new RegressorAdapter()).train().getProvenance().format());

        Path iemocap = fixture("mult_iemocap.pkl");
        DataSplits<MultiLabel> mult = MultimodalDataSources.multPickle(iemocap, new MultiLabelAdapter());
        assertEquals("mult-pickle", mult.test().getProvenance().format());
        assertEquals("mult-pickle", MultimodalDataSources.read(iemocap, new MultiLabelAdapter()).test().getProvenance().format());
        assertThrows(IllegalArgumentException.class, () -> MultimodalDataSources.multPickle(iemocap, new LabelAdapter()));

        Path csv = fixture("utterances.csv");
        DataSplits<Regressor> c = MultimodalDataSources.utteranceCsv(csv,
                UtteranceCsvReader.builder().ignoreColumns("note").build(), new RegressorAdapter());
        assertEquals("utterance-csv", c.train().getProvenance().format());
        assertEquals(2, c.train().size());
        Path unknown = Files.writeString(dir.resolve("x.parquet"), "?");
        assertThrows(io.github.umdf.nn.data.InvalidDataException.class, () -> MultimodalDataSources.read(unknown, new RegressorAdapter()));
    }
}
