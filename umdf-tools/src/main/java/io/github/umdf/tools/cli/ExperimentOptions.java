package io.github.umdf.tools.cli;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.tools.protocol.EngineSettings;
import io.github.umdf.tools.protocol.ExperimentEngine;
import io.github.umdf.tools.protocol.ExperimentEngines;
import io.github.umdf.tools.protocol.ExperimentModels;
import io.github.umdf.tools.protocol.ExperimentPlan;
import io.github.umdf.tools.protocol.ExperimentRunner;
import io.github.umdf.tools.protocol.SequentialEngine;
import io.github.umdf.tools.report.TableFormat;
import io.github.umdf.tribuo.evaluation.ProtocolKind;
import io.github.umdf.tribuo.evaluation.RateRange;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    @Option(names = "--engine", defaultValue = SequentialEngine.NAME, paramLabel = "E",
            description = "What runs the runs: sequential (one after another in this process, the default) or spark (each (model, "
                    + "seed) run a Spark task; needs the umdf-spark module, which ./umdf adds for --engine spark).")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master, e.g. local[2] (two runs at "
            + "a time in this process; their trainings take turns), local-cluster[2,1,6144] (two executor JVMs of one core and 6 GiB "
            + "on this machine, training in parallel) or spark://host:7077 (default: spark-submit's, else local[*]).")
    String master;

    @Option(names = "--run-threads", paramLabel = "N", description = "PyTorch threads per run (default: 1 with --engine spark; the "
            + "process's setting, -Dai.djl.pytorch.num_threads, sequentially). Results can depend on it in the last digits.")
    Integer runThreads;

    ExperimentPlan plan(List<String> names) throws Exception {
        DatasetSchema schema = data.spec().schema();
        metrics.columns(schema.task()); // an unknown --metrics key fails now, not after the training
        PaperDataset paper = data.paper(schema);
        List<ExperimentPlan.Entry> entries = ExperimentModels.resolve(names, config, modelConfigs, paper, training::apply);
        return new ExperimentPlan(data.spec(), entries, ExperimentPlan.seeds(seeds), ProtocolKind.parse(protocol),
                RateRange.parse(rates), out, metrics.keys);
    }

    /** Runs the experiment and prints its tables; 1 when runs failed for good (their tables are written, marked incomplete). */
    int run(List<String> names) throws Exception {
        EngineSettings settings = new EngineSettings(Optional.ofNullable(master), Optional.ofNullable(runThreads), TrainingListener.LOG);
        ExperimentPlan plan = plan(names);
        ExperimentRunner.Outcome o;
        try (ExperimentEngine e = ExperimentEngines.create(engine, settings)) {
            o = new ExperimentRunner(e).run(plan);
        }
        o.conditionTable().ifPresent(t -> System.out.println(TableFormat.MARKDOWN.writer().render(t)));
        o.rateTable().ifPresent(t -> System.out.println(TableFormat.MARKDOWN.writer().render(t)));
        System.out.println("results in " + out.toAbsolutePath());
        if (!o.complete()) {
            System.err.println("umdf: " + o.failures().size() + " run(s) failed for good; the tables above lack them and say so "
                    + "(see " + out.resolve(ExperimentRunner.INCOMPLETE) + "):");
            o.failures().forEach(f -> System.err.println("  " + f.describe()));
            return 1;
        }
        return 0;
    }
}
