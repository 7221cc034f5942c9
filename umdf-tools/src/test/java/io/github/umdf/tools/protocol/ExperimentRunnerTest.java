package io.github.umdf.tools.protocol;

import io.github.umdf.nn.data.Task;
import io.github.umdf.tribuo.evaluation.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentRunnerTest {
    private static final String NOW = "{\"model\": \"umdf\", \"seed\": 1, \"training\": \"TrainingConfig(batchSize=32,epochs=20,warmupSteps=0)\"}";

    @Test
    void aMismatchNamesTheFieldAndShowsBothValues() {
        String was = "{\"model\": \"umdf\", \"seed\": 1, \"training\": \"TrainingConfig(batchSize=32,epochs=20)\"}";
        String d = ExperimentRunner.fingerprintDifference(was, NOW);
        assertTrue(d.startsWith("run.json differs in training;"), d);
        assertTrue(d.contains("recorded ...") && d.contains("epochs=20)") && d.contains("warmupSteps=0"), d);
    }

    @Test
    void absentFieldsMissingFilesAndBrokenFilesAreSaidSo() {
        String was = "{\"model\": \"umdf\", \"seed\": 2, \"training\": \"TrainingConfig(batchSize=32,epochs=20,warmupSteps=0)\", \"old\": 1}";
        String d = ExperimentRunner.fingerprintDifference(was, NOW);
        assertTrue(d.startsWith("run.json differs in seed, old;"), d);
        assertEquals("run.json is missing, so the settings of those results are unknown", ExperimentRunner.fingerprintDifference(null, NOW));
        assertTrue(ExperimentRunner.fingerprintDifference("not json", NOW).startsWith("run.json is not a JSON object"));
        assertEquals("run.json differs only in layout", ExperimentRunner.fingerprintDifference(NOW.replace(" ", ""), NOW));
    }

    @Test
    void tableColumnsByKeyPerTask() {
        assertEquals(List.of(Metric.MAE, Metric.F1_NON0), ResultTables.columns(Task.REGRESSION, List.of()), "empty: the task's defaults");
        assertEquals(List.of(Metric.CORR, Metric.ACC5, Metric.ACC2_HAS0),
                ResultTables.columns(Task.REGRESSION, List.of("corr", " acc5", "acc2_has0")));
        assertEquals(List.of(Metric.LABEL_ACC, Metric.LABEL_F1), ResultTables.columns(Task.MULTI_LABEL, List.of("acc", "f1")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultTables.columns(Task.SINGLE_LABEL, List.of("mae")));
        assertTrue(e.getMessage().contains("'mae'") && e.getMessage().contains("[acc, f1]"), e.getMessage());
    }
}
