package io.github.umdf.tools.cli;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.tools.protocol.ModelConfigFile;
import picocli.CommandLine.Option;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code --config FILE | --model NAME}: which network a command trains. */
final class ModelOptions {
    @Option(names = "--config", paramLabel = "FILE",
            description = "A configuration file (configs/*.xml) with a 'model' and optionally a 'training' component.")
    Path config;

    @Option(names = "--model", paramLabel = "NAME", description = "A registered model with its defaults (see 'umdf models').")
    String name;

    ModelConfigFile read(PaperDataset paper) throws NoSuchFileException {
        return config != null ? ModelConfigFile.read(config) : ModelConfigFile.ofFamily(name, paper);
    }
}
