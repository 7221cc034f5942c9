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

    /**
     * A run recorded before {@code gradClipValue} and {@code lrStepEpochs} existed (their text removed
     * from today's fingerprint) is today's run while both are at their defaults, and another run once
     * one of them is not; with the real configurations' provenance text, nested missingness included.
     */
    @Test
    void aRunRecordedBeforeASettingExistedIsTheSameRunWhileTheSettingIsAtItsDefault() {
        io.github.umdf.nn.config.TrainingConfig training = io.github.umdf.nn.config.TrainingConfig.builder().epochs(3).build();
        ExperimentPlan.Entry entry = new ExperimentPlan.Entry("umdf", io.github.umdf.nn.umdf.UmdfConfig.builder().build(), training);
        java.util.Map<String, String> defaults = ExperimentRunner.defaults(entry);
        String now = fingerprintOf(training);
        String old = now.replace("gradClipValue=0.0,", "").replace("lrStepEpochs=0,", "");
        assertTrue(!old.equals(now) && now.contains("missingness=MissingnessConfig("), now);
        assertEquals(java.util.Optional.of(List.of("training.gradClipValue=0.0", "training.lrStepEpochs=0")),
                NewDefaults.added(old, now, defaults).map(l -> l.stream().sorted().toList()));
        String clipped = fingerprintOf(training.toBuilder().gradClipNorm(0).gradClipValue(1.0).build());
        assertTrue(NewDefaults.added(old, clipped, defaults).isEmpty(), "an added setting at another value than its default is another run");
        String moreEpochs = fingerprintOf(training.toBuilder().epochs(4).build());
        assertTrue(NewDefaults.added(old, moreEpochs, defaults).isEmpty(), "an old setting that changed is another run");
        assertTrue(NewDefaults.added(now, old, defaults).isEmpty(), "a setting that was removed is another run");
        String otherSeed = old.replace("\"seed\":1", "\"seed\":2");
        assertTrue(!otherSeed.equals(old) && NewDefaults.added(otherSeed, now, defaults).isEmpty(), "other fields must be equal");
        assertTrue(NewDefaults.added(old, now, java.util.Map.of()).isEmpty(), "without the defaults nothing added can be accepted");
    }

    /** A nested configuration's added setting at its default is accepted as at the top level. */
    @Test
    void addedSettingsOfNestedConfigurationsAtTheirDefaults() {
        String old = "{\"training\": \"T(a=1,m=M(x=1))\"}";
        String now = "{\"training\": \"T(a=1,m=M(x=1,y=[1, 2]))\"}";
        assertEquals(java.util.Optional.of(List.of("training.m.y=[1, 2]")),
                NewDefaults.added(old, now, java.util.Map.of("training", "T(a=0,m=M(x=0,y=[1, 2]))")));
        assertTrue(NewDefaults.added(old, now, java.util.Map.of("training", "T(a=0,m=M(x=0,y=[2]))")).isEmpty());
        assertTrue(NewDefaults.added(old, now.replace("M(", "N("), java.util.Map.of("training", "T(a=0,m=N(x=0,y=[1, 2]))")).isEmpty(),
                "another class is another run");
    }

    private static String fingerprintOf(io.github.umdf.nn.config.TrainingConfig training) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        o.addProperty("model", "umdf");
        o.addProperty("seed", 1);
        o.addProperty("training", training.getProvenance().toString());
        return o.toString();
    }
}
