package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.nn.data.Task;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one list of metrics: keys and order of the records, the paper's columns, parsing of keys. */
class MetricTest {

    private static final double[] TRUTHS = {-1, 0.5, 2, 0, -2.5};
    private static final double[] PREDICTIONS = {-0.5, 1, 1, 0.3, -3};

    @Test
    void aRegressionReportHasEveryRegressionKeyInOrder() {
        List<String> keys = new ArrayList<>(RegressionReport.of(TRUTHS, PREDICTIONS).toMap().keySet());
        // RESULTS.json of every regression run so far has exactly these keys in this order
        assertEquals(List.of("mae", "corr", "acc7", "acc5", "acc2_has0", "f1_has0", "acc2_non0", "f1_non0"), keys);
        assertEquals(Metric.keys(Task.REGRESSION), keys);
    }

    @Test
    void everyRegressionValueIsItsFunctionsValue() {
        RegressionReport r = RegressionReport.of(TRUTHS, PREDICTIONS);
        var map = r.toMap();
        assertEquals(RegressionMetrics.mae(TRUTHS, PREDICTIONS), map.get("mae"), 0);
        assertEquals(RegressionMetrics.pearson(TRUTHS, PREDICTIONS), map.get("corr"), 0);
        assertEquals(RegressionMetrics.acc7(TRUTHS, PREDICTIONS), map.get("acc7"), 0);
        assertEquals(RegressionMetrics.acc5(TRUTHS, PREDICTIONS), map.get("acc5"), 0);
        assertEquals(RegressionMetrics.acc2Has0(TRUTHS, PREDICTIONS), map.get("acc2_has0"), 0);
        assertEquals(RegressionMetrics.f1Has0(TRUTHS, PREDICTIONS), map.get("f1_has0"), 0);
        assertEquals(RegressionMetrics.acc2Non0(TRUTHS, PREDICTIONS), map.get("acc2_non0"), 0);
        assertEquals(RegressionMetrics.f1Non0(TRUTHS, PREDICTIONS), map.get("f1_non0"), 0);
        assertEquals(map.get("mae"), r.mae(), 0);
        assertEquals(map.get("f1_non0"), r.f1Non0(), 0);
    }

    @Test
    void classificationReportsHaveTheirKeysInOrder() {
        assertEquals(List.of("acc", "f1"), new ArrayList<>(SingleLabelReport.of(new int[] {0, 1, 2}, new int[] {0, 2, 2}).toMap().keySet()));
        MultiLabelReport m = MultiLabelMetrics.evaluate(List.of("happy", "sad"), new boolean[][] {{true, false}, {false, true}},
                new double[][] {{1, -1}, {1, 1}}, ScoreKind.LOGIT);
        assertEquals(List.of("acc_happy", "f1_happy", "acc_sad", "f1_sad"), new ArrayList<>(m.toMap().keySet()));
        assertEquals(0.5, m.get(Metric.LABEL_ACC, "happy"), 0);
    }

    @Test
    void thePapersColumns() {
        // Table 1: MAE (three decimals) and F1 = weighted F1, Non0, in percent with two decimals
        assertEquals(List.of(Metric.MAE, Metric.F1_NON0), Metric.defaults(Task.REGRESSION));
        assertEquals("MAE", Metric.MAE.header());
        assertEquals(1.0, Metric.MAE.scale(), 0);
        assertEquals(3, Metric.MAE.decimals());
        assertEquals("F1", Metric.F1_NON0.header());
        assertEquals(100.0, Metric.F1_NON0.scale(), 0);
        assertEquals(2, Metric.F1_NON0.decimals());
        // Table 2: per-emotion F1 in percent with one decimal
        assertEquals(List.of(Metric.LABEL_F1), Metric.defaults(Task.MULTI_LABEL));
        assertEquals("F1", Metric.LABEL_F1.header());
        assertEquals(100.0, Metric.LABEL_F1.scale(), 0);
        assertEquals(1, Metric.LABEL_F1.decimals());
        assertEquals(List.of(Metric.ACC, Metric.F1), Metric.defaults(Task.SINGLE_LABEL));
    }

    @Test
    void perLabelKeys() {
        assertEquals("f1_{label}", Metric.LABEL_F1.keyTemplate());
        assertEquals("f1_happy", Metric.LABEL_F1.resultKey("happy"));
        assertEquals("f1_non0", Metric.F1_NON0.resultKey(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.LABEL_ACC.resultKey(null));
        assertTrue(e.getMessage().contains("acc_{label}") && e.getMessage().contains("per label"), e.getMessage());
        for (Metric m : Metric.values()) {
            assertEquals(m.task() == Task.MULTI_LABEL, m.perLabel(), m.name());
            assertFalse(m.description().isBlank(), m.name());
            assertTrue(m.description().startsWith(m.header() + " = "), m.description());
        }
    }

    @Test
    void keysParsePerTask() {
        assertEquals(List.of(Metric.CORR, Metric.ACC5), Metric.parse(Task.REGRESSION, List.of("corr", " acc5")));
        assertEquals(List.of(Metric.LABEL_ACC, Metric.LABEL_F1), Metric.parse(Task.MULTI_LABEL, List.of("acc", "f1")));
        assertEquals(List.of(Metric.F1, Metric.ACC), Metric.parse(Task.SINGLE_LABEL, List.of("f1", "acc")));
        assertEquals(Metric.defaults(Task.REGRESSION), Metric.parse(Task.REGRESSION, List.of()));
    }

    @Test
    void anUnknownKeyIsRefusedListingTheTasksKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.parse(Task.SINGLE_LABEL, "mae"));
        assertEquals("Unknown metric 'mae' for single-label data; expected one of [acc, f1]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metric.parse(Task.REGRESSION, List.of("mae", "f1")));
        assertEquals("Unknown metric 'f1' for regression data; expected one of "
                + "[mae, corr, acc7, acc5, acc2_has0, f1_has0, acc2_non0, f1_non0]", e.getMessage());
    }

    @Test
    void aMetricComputesFromItsKindOfInput() {
        assertEquals(0.75, Metric.ACC.compute(new int[] {0, 1, 1, 2}, new int[] {0, 1, 2, 2}), 0);
        assertEquals(0.5, Metric.LABEL_ACC.compute(new boolean[] {true, false}, new boolean[] {true, true}), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Metric.ACC.compute(TRUTHS, PREDICTIONS));
        assertTrue(e.getMessage().contains("acc") && e.getMessage().contains("expected a regression metric"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Metric.MAE.compute(new int[] {1}, new int[] {1}));
        assertTrue(e.getMessage().contains("mae") && e.getMessage().contains("expected a classification metric"), e.getMessage());
    }

    @Test
    void theKeyListsOfTheHelp() {
        assertEquals(List.of("regression: mae,corr,acc7,acc5,acc2_has0,f1_has0,acc2_non0,f1_non0 (default: mae,f1_non0)",
                "single-label: acc,f1 (default: acc,f1)", "multi-label: acc,f1 per label (default: f1)"), Metric.describeKeys());
    }
}
