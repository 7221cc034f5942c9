package io.github.umdf.tools.cli;

import io.github.umdf.nn.data.Task;
import io.github.umdf.tools.protocol.ResultTables;
import io.github.umdf.tribuo.evaluation.metrics.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * {@code --metrics}: the columns of the printed and written tables ({@code evaluate}, {@code experiment},
 * {@code ablate}). Its help lists the keys and defaults of every task from {@link Metric}, through the
 * resource bundle {@link MetricsHelp}.
 */
@Command(resourceBundle = "io.github.umdf.tools.cli.MetricsHelp")
final class MetricsOption {
    @Option(names = "--metrics", split = ",", paramLabel = "KEY", descriptionKey = MetricsHelp.KEY,
            description = "Table columns, by metric key (the keys of each task are in the library's Metric enum).")
    List<String> keys = List.of();

    /** The columns for a task; fails on a key the task does not have, listing the ones it has. */
    List<Metric> columns(Task task) {
        return ResultTables.columns(task, keys);
    }
}
