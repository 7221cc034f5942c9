package io.github.umdf.tools.protocol;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
