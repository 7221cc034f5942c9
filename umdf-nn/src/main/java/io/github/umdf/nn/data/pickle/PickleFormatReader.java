package io.github.umdf.nn.data.pickle;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.MultimodalDataset;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the pickle readers share: a file goes through the {@link RestrictedUnpickler} once, and the
 * unpickled root object is assembled by the format's own rules ({@link MmsaPickleReader},
 * {@link MultPickleReader}). {@link PickleDatasets} picks the format from the file's content.
 */
public abstract sealed class PickleFormatReader permits MmsaPickleReader, MultPickleReader {
    PickleFormatReader() {
    }

    /**
     * Reads a file, naming the data set after the file ({@code aligned_50} for {@code aligned_50.pkl}).
     *
     * @throws InvalidDataException if the file is not valid in this format (the message names file, split and field)
     * @throws IOException          if the file cannot be read
     */
    public final MultimodalDataset read(Path file) throws IOException {
        return read(file, PickleDatasetAssembler.baseName(file));
    }

    /**
     * Reads a file under a data-set name ({@code mosi-aligned}, say).
     *
     * @throws InvalidDataException if the file is not valid in this format (the message names file, split and field)
     * @throws IOException          if the file cannot be read
     */
    public final MultimodalDataset read(Path file, String datasetName) throws IOException {
        PickleDatasetAssembler.Loaded loaded = PickleDatasetAssembler.load(file);
        return assemble(loaded.root, file, datasetName, loaded.sha256);
    }

    /** {@link #assemble(Object, Path, String, String)} hashing the file itself (for tests that edit the root). */
    final MultimodalDataset assemble(Object root, Path file, String datasetName) {
        return assemble(root, file, datasetName, null);
    }

    /**
     * Builds the data set from an unpickled root object; consumes the root (fields are removed as converted).
     *
     * @param sha256 the file's SHA-256 if already computed, else null
     */
    abstract MultimodalDataset assemble(Object root, Path file, String datasetName, String sha256);
}
