package io.github.umdf.tribuo.evaluation.metrics;

import io.github.umdf.nn.data.Task;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClassificationMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void weightedF1OverThreeClasses() {
        int[] t = {0, 0, 1, 1, 2, 2};
        int[] p = {0, 1, 1, 1, 0, 2};
        // class 0: support 2, tp 1, fp 1 (index 4), fn 1 -> 2 / (2 + 1 + 1) = 1/2
        // class 1: support 2, tp 2, fp 1 (index 1), fn 0 -> 4 / 5
        // class 2: support 2, tp 1, fp 0, fn 1          -> 2 / 3
        // weighted: (2/2 + 2*4/5 + 2*2/3) / 6 = (1/2 + 4/5 + 2/3) / 3 = 59/90
        assertEquals(59.0 / 90, ClassificationMetrics.weightedF1(t, p), EPS);
        assertEquals(4.0 / 6, ClassificationMetrics.accuracy(t, p), EPS);
    }

    @Test
    void classOnlyPredictedWeighsZeroButCostsRecall() {
        int[] t = {0, 0, 0, 1};
        int[] p = {0, 0, 2, 1};
        // labels {0, 1, 2}: class 0 support 3, tp 2, fn 1 -> 4/5; class 1 support 1, tp 1 -> 1;
        // class 2 support 0 -> weight 0. (3 * 4/5 + 1 * 1) / 4 = 0.85
        assertEquals(0.85, ClassificationMetrics.weightedF1(t, p), EPS);
    }

    @Test
    void singleClassCases() {
        int[] ones = {1, 1, 1};
        assertEquals(1.0, ClassificationMetrics.weightedF1(ones, ones), EPS);
        assertEquals(1.0, ClassificationMetrics.accuracy(ones, ones), EPS);
        // every prediction wrong: class 1 has tp 0 -> F1 0 (zero_division = 0); class 0 has support 0
        assertEquals(0.0, ClassificationMetrics.weightedF1(ones, new int[] {0, 0, 0}), EPS);
    }

    @Test
    void binaryBooleans() {
        boolean[] t = {true, true, false, false};
        boolean[] p = {true, false, false, false};
        // true: support 2, tp 1, fn 1 -> 2/3 ; false: support 2, tp 2, fp 1 -> 4/5 ; (2/3 + 4/5) / 2 = 11/15
        assertEquals(11.0 / 15, ClassificationMetrics.weightedF1(t, p), EPS);
        assertEquals(0.75, ClassificationMetrics.accuracy(t, p), EPS);
    }

    @Test
    void argmaxTakesTheFirstMaximum() {
        assertArrayEquals(new int[] {1, 0, 2},
                ClassificationMetrics.argmax(new double[][] {{0, 3, 1}, {2, 2, 1}, {-3, -2, -1}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.argmax(new double[][] {{0, 1}, {1}}));
        assertEquals("expected 2 scores per row (one per class), got 1 in row 1", e.getMessage());
    }

    @Test
    void lengthsMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassificationMetrics.weightedF1(new int[3], new int[2]));
        assertEquals("expected predictions and truths of equal length, got 2 and 3", e.getMessage());
    }

    @Test
    void singleLabelReport() {
        SingleLabelReport r = SingleLabelReport.ofScores(new int[] {0, 1, 1}, new double[][] {{2, 1}, {0, 1}, {3, 1}});
        // predictions 0 1 0: acc 2/3; class 0 support 1, tp 1, fp 1 -> 2/3; class 1 support 2, tp 1, fn 1 -> 2/3
        assertEquals(2.0 / 3, r.accuracy(), EPS);
        assertEquals(2.0 / 3, r.weightedF1(), EPS);
        assertEquals(Metric.keys(Task.SINGLE_LABEL), java.util.List.copyOf(r.toMap().keySet()));
    }
}
