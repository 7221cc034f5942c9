package io.github.umdf.tools.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedSignificanceTest {

    @Test
    void fiveSeedsAllBetter() {
        // differences 1..5: mean 3, sample sd sqrt(2.5), t = 3 / (sqrt(2.5) / sqrt(5)) = 3 sqrt(2), 4 degrees of
        // freedom. For 4 df the two-sided p is 1 - x (3 - x^2) / 2 with x = t / sqrt(t^2 + 4) (closed form of the
        // t distribution): x = sqrt(18 / 22), p = 1 - x (3 - 18/22) / 2.
        double[] a = {11, 12, 13, 14, 15};
        double[] b = {10, 10, 10, 10, 10};
        PairedTestResult r = PairedSignificance.test(a, b);
        double x = Math.sqrt(18.0 / 22.0);
        assertEquals(5, r.n());
        assertEquals(3.0, r.meanDifference(), 1e-12);
        assertEquals(1 - x * (3 - 18.0 / 22.0) / 2, r.tTestP(), 1e-9);
        // Wilcoxon: every difference positive, W+ = 15 is the largest of 2^5 sign patterns: p = 2 / 32
        assertTrue(r.wilcoxonExact());
        assertEquals(0.0625, r.wilcoxonP(), 1e-12);
        assertEquals("mean difference +3.00; paired t-test p = 0.0132; Wilcoxon signed-rank exact p = 0.0625",
                r.describe(2));
    }

    @Test
    void zeroDifferencesAreDroppedFromWilcoxon() {
        // differences 0, 2, -1, 3: the zero is dropped; ranks of |2|, |1|, |3| are 2, 1, 3; W+ = 5, W- = 1
        // exact: sign patterns of ranks {1,2,3} with sum >= 5: {2,3}, {1,2,3} -> 2 of 8 -> p = 2 * 2/8 = 0.5
        PairedTestResult r = PairedSignificance.test(new double[] {1, 3, 0, 4}, new double[] {1, 1, 1, 1});
        assertEquals(0.5, r.wilcoxonP(), 1e-12);
        assertEquals("1 zero difference dropped", r.wilcoxonNote());
        assertFalse(Double.isNaN(r.tTestP()));
    }

    @Test
    void pValueAtTheCentreIsCappedAtOne() {
        // differences 1, -1, 2, -2: average ranks 1.5, 1.5, 3.5, 3.5, W+ = W- = 5 = Wmax; 9 of the 16 sign
        // patterns of ranks 1..4 sum to >= 5, so commons-math's 2 * 9/16 = 1.125 is capped at 1
        PairedTestResult r = PairedSignificance.test(new double[] {1, -1, 2, -2}, new double[] {0, 0, 0, 0});
        assertEquals(1.0, r.wilcoxonP(), 0.0);
    }

    @Test
    void notComputableCasesSayWhy() {
        PairedTestResult one = PairedSignificance.test(new double[] {1}, new double[] {0});
        assertTrue(Double.isNaN(one.tTestP()) && Double.isNaN(one.wilcoxonP()));
        assertEquals("mean difference +1.0; paired t-test not computable (n = 1 paired seed; at least 2 are needed);"
                + " Wilcoxon signed-rank not computable (n = 1 paired seed; at least 2 are needed)", one.describe(1));
        PairedTestResult none = PairedSignificance.test(new double[0], new double[0]);
        assertEquals("n = 0 paired seeds; at least 2 are needed", none.tTestNote());
        PairedTestResult constant = PairedSignificance.test(new double[] {2, 3, 4}, new double[] {1, 2, 3});
        assertEquals("all paired differences are equal, so their variance is zero", constant.tTestNote());
        assertEquals(0.25, constant.wilcoxonP(), 1e-12); // all three positive: 2 * 1/8
        assertThrows(IllegalArgumentException.class, () -> PairedSignificance.test(new double[2], new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> PairedSignificance.test(new double[] {1, Double.NaN}, new double[] {1, 2}));
    }
}
