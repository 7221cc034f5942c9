package io.github.umdf.tribuo.evaluation.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegressionMetricsTest {

    private static final double EPS = 1e-12;

    // A hand-made case with a zero truth, halves (round-half-even ties) and values beyond the clip bounds.
    private static final double[] T = {0.0, 1.5, -1.0, 0.5, 2.6, -3.4};
    private static final double[] P = {0.4, 2.6, -0.4, -0.5, 3.2, -2.5};

    @Test
    void maeIsOnUnclippedValues() {
        // |0.4-0| + |2.6-1.5| + |-0.4+1| + |-0.5-0.5| + |3.2-2.6| + |-2.5+3.4|
        // = 0.4 + 1.1 + 0.6 + 1.0 + 0.6 + 0.9 = 4.6; 4.6 / 6
        assertEquals(4.6 / 6, RegressionMetrics.mae(T, P), EPS);
    }

    @Test
    void acc7ClipsToThreeAndRoundsHalfToEven() {
        // truths clipped to [-3,3]: 0, 1.5, -1, 0.5, 2.6, -3 -> rint: 0, 2, -1, 0, 3, -3
        // preds  clipped to [-3,3]: 0.4, 2.6, -0.4, -0.5, 3, -2.5 -> rint: 0, 3, -0, -0, 3, -2
        // equal at 0 (0 = 0), 3 (0 = -0), 4 (3 = 3): 3 / 6
        assertEquals(0.5, RegressionMetrics.acc7(T, P), EPS);
    }

    @Test
    void acc5ClipsToTwo() {
        // truths clipped to [-2,2]: 0, 1.5, -1, 0.5, 2, -2 -> rint: 0, 2, -1, 0, 2, -2
        // preds  clipped to [-2,2]: 0.4, 2, -0.4, -0.5, 2, -2 -> rint: 0, 2, -0, -0, 2, -2
        // only index 2 differs (-1 vs 0): 5 / 6
        assertEquals(5.0 / 6, RegressionMetrics.acc5(T, P), EPS);
    }

    @Test
    void has0UsesAllSamplesAndNonNegativeClass() {
        // truth >= 0: T T F T T F ; pred >= 0: T T F F T F ; only index 3 differs
        assertEquals(5.0 / 6, RegressionMetrics.acc2Has0(T, P), EPS);
        // non-negative: support 4, tp 3, fp 0, fn 1 -> F1 = 6 / 7
        // negative:     support 2, tp 2, fp 1, fn 0 -> F1 = 4 / 5
        // weighted: (4 * 6/7 + 2 * 4/5) / 6 = 176 / 210
        assertEquals(176.0 / 210, RegressionMetrics.f1Has0(T, P), EPS);
    }

    @Test
    void non0DropsZeroTruthsAndUsesPositiveClass() {
        // index 0 (truth 0) dropped; truth > 0: T F T T F ; pred > 0: T F F T F ; index 3 differs
        assertEquals(4.0 / 5, RegressionMetrics.acc2Non0(T, P), EPS);
        // positive: support 3, tp 2, fp 0, fn 1 -> 4/5 ; negative: support 2, tp 2, fp 1, fn 0 -> 4/5
        // weighted: (3 * 4/5 + 2 * 4/5) / 5 = 0.8
        assertEquals(0.8, RegressionMetrics.f1Non0(T, P), EPS);
    }

    @Test
    void non0PredictionOfExactlyZeroIsNegative() {
        // truths 1, -1 ; predictions 0, 0 -> preds "> 0" are F F ; truths T F
        // positive: support 1, tp 0 -> 0 ; negative: support 1, tp 1, fp 1 -> 2/3 ; weighted (0 + 2/3) / 2
        double[] t = {1, -1};
        double[] p = {0, 0};
        assertEquals(0.5, RegressionMetrics.acc2Non0(t, p), EPS);
        assertEquals(1.0 / 3, RegressionMetrics.f1Non0(t, p), EPS);
        // Has0 takes the same zero predictions as non-negative: T T vs truths T F
        assertEquals(0.5, RegressionMetrics.acc2Has0(t, p), EPS);
    }

    @Test
    void non0IsNaNWhenEveryTruthIsZero() {
        double[] t = {0, 0, -0.0};
        double[] p = {1, -1, 0};
        assertTrue(Double.isNaN(RegressionMetrics.acc2Non0(t, p)));
        assertTrue(Double.isNaN(RegressionMetrics.f1Non0(t, p)));
        // Has0 is still defined: truths all non-negative, preds T F T -> acc 2/3; F1: class T support 3,
        // tp 2, fn 1 -> 4/5, class F support 0 -> weight 0; weighted 4/5
        assertEquals(2.0 / 3, RegressionMetrics.acc2Has0(t, p), EPS);
        assertEquals(0.8, RegressionMetrics.f1Has0(t, p), EPS);
    }

    @Test
    void pearsonOnSmallVectors() {
        // dt = -1 0 1, dp = -1 1 0 -> sxy = 1, sxx = syy = 2 -> r = 0.5
        assertEquals(0.5, RegressionMetrics.pearson(new double[] {1, 2, 3}, new double[] {1, 3, 2}), EPS);
        assertEquals(1.0, RegressionMetrics.pearson(new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8}), EPS);
        assertEquals(-1.0, RegressionMetrics.pearson(new double[] {1, 2, 3, 4}, new double[] {8, 6, 4, 2}), EPS);
    }

    @Test
    void pearsonIsNaNForConstantVectors() {
        assertTrue(Double.isNaN(RegressionMetrics.pearson(new double[] {1, 2, 3}, new double[] {0.1, 0.1, 0.1})));
        assertTrue(Double.isNaN(RegressionMetrics.pearson(new double[] {2, 2}, new double[] {1, 3})));
        assertTrue(Double.isNaN(RegressionMetrics.pearson(new double[] {1}, new double[] {1})));
    }

    @Test
    void singleClassAllCorrect() {
        double[] t = {1, 2, 3};
        double[] p = {0.5, 1, 2};
        assertEquals(1.0, RegressionMetrics.acc2Has0(t, p), EPS);
        assertEquals(1.0, RegressionMetrics.f1Has0(t, p), EPS);
        assertEquals(1.0, RegressionMetrics.f1Non0(t, p), EPS);
    }

    @Test
    void clipBoundMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.clippedRoundedAccuracy(T, P, 0));
        assertEquals("expected a finite positive clipping bound, got 0.0", e.getMessage());
    }

    @Test
    void argumentErrorsNameWhatWasExpected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.mae(new double[9], new double[10]));
        assertEquals("expected predictions and truths of equal length, got 10 and 9", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.acc7(new double[0], new double[0]));
        assertEquals("expected at least one sample, got 0 predictions and 0 truths", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.pearson(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, Double.NaN}));
        assertEquals("predictions[3] is NaN; expected finite values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RegressionMetrics.f1Non0(new double[] {1, Double.POSITIVE_INFINITY}, new double[] {1, 2}));
        assertEquals("truths[1] is Infinity; expected finite values", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RegressionMetrics.mae(null, new double[1]));
        assertEquals("expected predictions and truths, got an array predictions and null truths", e.getMessage());
    }
}
