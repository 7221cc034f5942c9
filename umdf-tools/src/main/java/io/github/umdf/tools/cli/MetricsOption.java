package io.github.umdf.tools.cli;

import io.github.umdf.nn.data.Task;
import io.github.umdf.tools.protocol.ResultTables;
import io.github.umdf.tools.report.MetricColumn;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code --metrics}: the columns of the printed and written tables ({@code evaluate}, {@code experiment}, {@code ablate}). */
final class MetricsOption {
    @Option(names = "--metrics", split = ",", paramLabel = "KEY",
            description = "Table columns. Regression: mae,corr,acc7,acc5,acc2_has0,f1_has0,acc2_non0,f1_non0 "
                    + "(default: mae,f1_non0, the paper's Table 1); single-label: acc,f1 (default: both); multi-label: acc,f1 "
                    + "per emotion (default: f1). RESULTS.json always holds every metric.")
    List<String> keys = List.of();

    /** The columns for a task; fails on a key the task does not have. */
    List<MetricColumn> columns(Task task) {
        return ResultTables.columns(task, keys);
    }
}
