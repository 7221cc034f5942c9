package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.nn.data.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegressionReportTest {

    @Test
    void mapHasExactlyTheKeysInOrder() {
        RegressionReport r = RegressionReport.of(new double[] {-1, 0.5, 2}, new double[] {-0.5, 1, 1});
        assertEquals(List.of("mae", "corr", "acc7", "acc5", "acc2_has0", "f1_has0", "acc2_non0", "f1_non0"),
                List.copyOf(r.toMap().keySet()));
        assertEquals(Metric.keys(Task.REGRESSION), List.copyOf(r.toMap().keySet()));
        // |(-0.5)-(-1)| + |1-0.5| + |1-2| = 0.5 + 0.5 + 1 = 2 -> 2/3
        assertEquals(2.0 / 3, r.toMap().get("mae"), 1e-12);
    }

    @Test
    void undefinedMetricsAreNaNNotErrors() {
        // all truths zero: Non0 has no samples; constant predictions: no correlation
        RegressionReport r = RegressionReport.of(new double[] {0, 0, 0}, new double[] {0.2, 0.2, 0.2});
        assertTrue(Double.isNaN(r.corr()));
        assertTrue(Double.isNaN(r.acc2Non0()));
        assertTrue(Double.isNaN(r.f1Non0()));
        assertEquals(1.0, r.acc7(), 0.0);
        assertEquals(1.0, r.acc2Has0(), 0.0);
    }
}
