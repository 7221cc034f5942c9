package io.github.umdf.nn.data.io;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetReadersTest {
    private static Path fixture(String name) throws URISyntaxException {
        return Paths.get(DatasetReadersTest.class.getResource("/fixtures/" + name).toURI());
    }

    @Test
    void picklesAreToldApartByTheirLabelField() throws Exception {
        assertEquals("mmsa-pickle", DatasetReaders.read(fixture("mmsa_aligned.pkl")).origin().format());
        assertEquals("mult-pickle", DatasetReaders.read(fixture("mult_mosi.pkl")).origin().format());
        MultimodalDataset iemocap = DatasetReaders.read(fixture("mult_iemocap.pkl"));
        assertEquals(Task.MULTI_LABEL, iemocap.schema().task());
    }

    @Test
    void unsupportedFilesAreNamed(@TempDir Path dir) throws Exception {
        Path txt = Files.writeString(dir.resolve("data.txt"), "x");
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> DatasetReaders.read(txt));
        assertTrue(e.getMessage().contains("data.txt") && e.getMessage().contains(".npz"), e.getMessage());
        Path csd = Files.writeString(dir.resolve("words.csd"), "x");
        e = assertThrows(InvalidDataException.class, () -> DatasetReaders.read(csd));
        assertTrue(e.getMessage().contains("mosi-sdk"), e.getMessage());
        assertThrows(java.nio.file.NoSuchFileException.class, () -> DatasetReaders.read(dir.resolve("missing.npz")));
    }
}
