package io.github.umdf.tools.cli;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.tools.protocol.ExperimentModels;
import io.github.umdf.tools.protocol.ExperimentPlan;
import io.github.umdf.tools.protocol.ExperimentRunner;
import io.github.umdf.tools.report.TableFormat;
import io.github.umdf.tribuo.evaluation.ProtocolKind;
import io.github.umdf.tribuo.evaluation.RateRange;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The options shared by {@code umdf experiment} and {@code umdf ablate}. */
final class ExperimentOptions {
    @Option(names = "--config", description = "A configuration file for the model of its kind (UMDF and its ablations derive from it).")
    Path config;

    @Option(names = "--model-config", description = "NAME=FILE: a configuration file for one model (required for a MODEL@VARIANT row).")
    Map<String, Path> modelConfigs = new LinkedHashMap<>();

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Option(names = "--seeds", defaultValue = "5", description = "Number of seeds, 1..N (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--protocol", defaultValue = "all", description = "inter, intra or all (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--rates", defaultValue = RateRange.PAPER, description = "Missing rates of the sweep (default: ${DEFAULT-VALUE}).")
    String rates;

    @Option(names = "--out", required = true, description = "Output folder (reused to resume).")
    Path out;

    @Mixin
    MetricsOption metrics;

    ExperimentPlan plan(List<String> names) throws Exception {
        DatasetSchema schema = data.spec().schema();
        metrics.columns(schema.task()); // an unknown --metrics key fails now, not after the training
        PaperDataset paper = data.paper(schema);
        List<ExperimentPlan.Entry> entries = ExperimentModels.resolve(names, config, modelConfigs, paper, training::apply);
        return new ExperimentPlan(data.spec(), entries, ExperimentPlan.seeds(seeds), ProtocolKind.parse(protocol),
                RateRange.parse(rates), out, metrics.keys);
    }

    /** Runs the experiment and prints its tables. */
    int run(List<String> names) throws Exception {
        ExperimentRunner.Outcome o = new ExperimentRunner(TrainingListener.LOG).run(plan(names));
        o.conditionTable().ifPresent(t -> System.out.println(TableFormat.MARKDOWN.writer().render(t)));
        o.rateTable().ifPresent(t -> System.out.println(TableFormat.MARKDOWN.writer().render(t)));
        System.out.println("results in " + out.toAbsolutePath());
        return 0;
    }
}
