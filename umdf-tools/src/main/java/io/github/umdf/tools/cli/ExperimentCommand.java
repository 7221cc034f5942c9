package io.github.umdf.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code umdf experiment}: models x seeds, trained and evaluated by the same protocol, as the paper's tables. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        header = "Models x seeds under one protocol: the paper's tables and figures.",
        description = {"Train and evaluate models over seeds under the same protocol and masks, and write the paper's",
                "tables (mean +/- sample std over seeds, Avg. over the six incomplete conditions, paired tests of the",
                "first model against each other one) as Markdown, CSV, JSON and LaTeX, RESULTS.json and the figures.",
                "Started again on the same --out folder it resumes: finished runs are read back, not redone.",
                "Example: umdf experiment --preset mosi-aligned --scale 0.25 --models umdf,umdf-complete-data --seeds 3 --epochs 10 --out runs/robust"})
final class ExperimentCommand implements Callable<Integer> {
    @Option(names = "--models", split = ",", defaultValue = "umdf",
            description = {"Registered models, in table order (default: ${DEFAULT-VALUE}). See 'umdf models'. A row MODEL@VARIANT",
                    "(umdf@l1) is a registered model under its own --model-config file, e.g. a sensitivity setting."})
    List<String> models;

    @Mixin
    ExperimentOptions options;

    @Override
    public Integer call() throws Exception {
        return options.run(models);
    }
}
