package io.github.umdf.nn.data.pickle;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.MultimodalDataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a pickled data set whose flavour is not known in advance: loads the file once through the
 * {@link RestrictedUnpickler} and hands it to {@link MmsaPickleReader} when its splits have
 * {@code regression_labels}, to {@link MultPickleReader} when they have {@code labels}.
 */
public final class PickleDatasets {
    private PickleDatasets() {
    }

    /** Reads an MMSA or MulT pickle, named after the file. */
    public static MultimodalDataset read(Path file) throws IOException {
        return read(file, PickleDatasetAssembler.baseName(file));
    }

    /** Reads an MMSA or MulT pickle under a data-set name. */
    public static MultimodalDataset read(Path file, String datasetName) throws IOException {
        PickleDatasetAssembler.Loaded loaded = PickleDatasetAssembler.load(file);
        TreeSet<String> keys = new TreeSet<>();
        if (loaded.root instanceof Map) {
            for (Object split : ((Map<?, ?>) loaded.root).values()) {
                if (split instanceof Map) {
                    for (Object k : ((Map<?, ?>) split).keySet()) {
                        keys.add(String.valueOf(k));
                    }
                }
            }
        }
        if (keys.contains("regression_labels")) {
            return new MmsaPickleReader().assemble(loaded.root, file, datasetName, loaded.sha256);
        }
        if (keys.contains("labels")) {
            return new MultPickleReader().assemble(loaded.root, file, datasetName, loaded.sha256);
        }
        throw InvalidDataException.of(file, null, "labels", "an MMSA pickle (splits with 'regression_labels') or a MulT pickle "
                + "(splits with 'labels')", keys.isEmpty() ? "no dict of splits" : "split fields " + keys);
    }
}
