package io.github.umdf.tools.cli;

import io.github.umdf.nn.data.Task;
import io.github.umdf.tribuo.evaluation.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --metrics}: its help is generated from {@link Metric}, and its keys are checked per task. */
class MetricsOptionTest {

    @Test
    void theHelpListsEveryKeyOfEveryTaskFromTheEnum() {
        for (String command : List.of("evaluate", "experiment", "ablate")) {
            Cli.Result r = Cli.run(command, "--help");
            assertEquals(0, r.exitCode(), r.err());
            String help = r.out().replaceAll("\\s+", ""); // picocli wraps long lines
            for (String line : Metric.describeKeys()) {
                assertTrue(help.contains(line.replace(" ", "")), command + " --help lacks '" + line + "':\n" + r.out());
            }
            assertTrue(help.contains("RESULTS.jsonalwaysholdseverymetric"), r.out());
        }
    }

    @Test
    void anUnknownKeyFailsListingTheTasksKeys() {
        MetricsOption option = new MetricsOption();
        option.keys = List.of("mae", "acc7");
        assertEquals(List.of(Metric.MAE, Metric.ACC7), option.columns(Task.REGRESSION));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> option.columns(Task.MULTI_LABEL));
        assertEquals("Unknown metric 'mae' for multi-label data; expected one of [acc, f1]", e.getMessage());
    }
}
