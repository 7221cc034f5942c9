package io.github.umdf.tools.protocol;

import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.npz.UmdfArchive;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** A command reads its data file once, however many times it asks for the schema and the samples. */
class DataSpecTest {
    @Test
    void aFileIsReadOnce(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mosi-small.npz");
        UmdfArchive.write(SyntheticPresets.generate("mosi-aligned", 1, 0.01), file);
        DataSpec spec = DataSpec.file(file);
        var schema = spec.schema();
        Files.delete(file); // a second read would fail now
        MultimodalDataset loaded = spec.load();
        assertSame(loaded, spec.load());
        assertSame(loaded.schema(), schema);
        assertEquals("mosi-small", spec.name());
    }

    @Test
    void aPresetIsGeneratedOnce() throws Exception {
        DataSpec spec = DataSpec.preset("mosi-aligned", 1, 0.01);
        assertSame(spec.load(), spec.load());
        assertEquals(spec.load().schema(), TribuoRuns.splits(spec).dataset().schema());
        assertSame(spec.load(), TribuoRuns.splits(spec).dataset());
    }
}
