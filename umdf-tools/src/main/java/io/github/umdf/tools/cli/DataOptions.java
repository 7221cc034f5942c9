package io.github.umdf.tools.cli;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.data.DatasetSchema;
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

    @Option(names = "--paper-defaults", paramLabel = "D", description = "Whose per-data-set defaults apply (batch size, learning rate, "
            + "epochs, heads): mosi, mosei or iemocap (default: the one the data set is named after, e.g. mosi-aligned).")
    String paperDefaults;

    private DataSpec spec;

    DataSpec spec() {
        if (spec == null) {
            spec = source.file != null ? DataSpec.file(source.file) : DataSpec.preset(source.preset, dataSeed, scale);
        }
        return spec;
    }

    /** The paper data set whose defaults apply: {@code --paper-defaults}, or the one the data set is named after. */
    PaperDataset paper(DatasetSchema schema) {
        return paperDefaults != null ? PaperDataset.parse(paperDefaults) : PaperDataset.forDatasetName(schema.name());
    }
}
