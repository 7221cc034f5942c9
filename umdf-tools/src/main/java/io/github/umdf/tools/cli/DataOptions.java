package io.github.umdf.tools.cli;

import io.github.umdf.tools.protocol.DataSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --data FILE | --preset P [--scale X] [--data-seed S]}: where a command's data comes from. */
final class DataOptions {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = "--data", paramLabel = "FILE", description = "A data file: .npz, .pkl (MMSA or MulT) or .csv.")
        Path file;

        @Option(names = "--preset", paramLabel = "P", description = "A synthetic preset (see 'umdf data presets').")
        String preset;
    }

    @Option(names = "--scale", defaultValue = "1", description = "With --preset: fraction of the real split sizes (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--data-seed", defaultValue = "1", description = "With --preset: the generator seed (default: ${DEFAULT-VALUE}).")
    long dataSeed;

    DataSpec spec() {
        return source.file != null ? DataSpec.file(source.file) : DataSpec.preset(source.preset, dataSeed, scale);
    }
}
