package io.github.umdf.tools.protocol;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.io.DatasetReaders;
import io.github.umdf.nn.data.synth.SyntheticPresets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a run's data comes from: a file, or a synthetic preset with a seed and a scale. The data set
 * is read (or generated) once, on the first {@link #load()} or {@link #schema()} of a file, and kept:
 * a command that needs the schema first and the samples later reads the file once.
 */
public final class DataSpec {
    private final Path file;
    private final String preset;
    private final long seed;
    private final double scale;
    private MultimodalDataset loaded;

    private DataSpec(Path file, String preset, long seed, double scale) {
        this.file = file;
        this.preset = preset;
        this.seed = seed;
        this.scale = scale;
    }

    /** A data file of any supported format. */
    public static DataSpec file(Path file) {
        return new DataSpec(Objects.requireNonNull(file), null, 0, 1);
    }

    /** A synthetic preset. */
    public static DataSpec preset(String preset, long seed, double scale) {
        SyntheticPresets.get(preset);
        io.github.umdf.nn.data.synth.SyntheticPreset.checkScale(scale);
        return new DataSpec(null, preset, seed, scale);
    }

    /** The data set, read or generated on the first call. */
    public synchronized MultimodalDataset load() throws IOException {
        if (loaded == null) {
            loaded = file != null ? DatasetReaders.read(file) : SyntheticPresets.generate(preset, seed, scale);
        }
        return loaded;
    }

    /** The schema without loading the samples where possible (presets). */
    public DatasetSchema schema() throws IOException {
        return file != null ? load().schema() : SyntheticPresets.get(preset).schema();
    }

    /** The name used in results: the preset name, or the file name without extension. */
    public String name() {
        if (file != null) {
            String n = file.getFileName().toString();
            int dot = n.lastIndexOf('.');
            return dot > 0 ? n.substring(0, dot) : n;
        }
        return preset;
    }

    public boolean isPreset() {
        return preset != null;
    }

    public Path file() {
        return file;
    }

    public String preset() {
        return preset;
    }

    public long seed() {
        return seed;
    }

    public double scale() {
        return scale;
    }

    @Override
    public String toString() {
        return file != null ? file.toString() : String.format(Locale.ROOT, "preset %s (seed %d, scale %s)", preset, seed, scale);
    }
}
