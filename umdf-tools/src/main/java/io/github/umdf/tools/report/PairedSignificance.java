package io.github.umdf.tools.report;

import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

import java.util.Arrays;

/**
 * Paired significance tests between two models across seeds. Seed s of both models was
 * evaluated on the same masks (SPEC section 3), so the per-seed values are paired.
 *
 * <ul>
 *   <li>Paired t-test, two-sided: commons-math3 {@code TTest.pairedTTest}. Needs n &ge; 2 and
 *       differences that are not all equal (zero variance leaves t undefined).</li>
 *   <li>Wilcoxon signed-rank test, two-sided: commons-math3 {@code WilcoxonSignedRankTest}, exact
 *       p-value for up to {@value #EXACT_LIMIT} non-zero differences (it enumerates all 2^n sign
 *       patterns), normal approximation above. Zero differences are dropped first (scipy's
 *       default {@code zero_method='wilcox'}): commons-math would rank them and count them on the
 *       negative side. Tied absolute differences get average ranks, which makes the "exact" value
 *       approximate. The enumerated p-value, which can exceed 1 when W sits at the centre of its
 *       distribution, is capped at 1.</li>
 * </ul>
 * With five seeds the smallest exact two-sided Wilcoxon p-value is 2/32 = 0.0625: it can never
 * reach 0.05, whatever the data; the t-test can, at the price of assuming normal differences.
 */
public final class PairedSignificance {

    /** Largest number of non-zero differences for which the Wilcoxon p-value is computed exactly. */
    public static final int EXACT_LIMIT = 20;

    private PairedSignificance() {
    }

    /**
     * Tests whether the paired values differ.
     *
     * @param a per-seed values of the first model
     * @param b per-seed values of the second model, same seeds in the same order
     * @throws IllegalArgumentException for arrays of different lengths or with NaN values
     */
    public static PairedTestResult test(double[] a, double[] b) {
        if (a == null || b == null || a.length != b.length) {
            throw new IllegalArgumentException("expected paired values of equal length, got "
                    + (a == null ? "null" : a.length) + " and " + (b == null ? "null" : b.length));
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.isNaN(a[i]) || Double.isNaN(b[i])) {
                throw new IllegalArgumentException("paired value " + i + " is NaN; a metric that is undefined for a seed"
                        + " cannot be tested");
            }
        }
        int n = a.length;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = a[i] - b[i];
        }
        double meanDiff = n == 0 ? Double.NaN : Arrays.stream(d).average().orElse(Double.NaN);
        if (n < 2) {
            String why = "n = " + n + " paired seed" + (n == 1 ? "" : "s") + "; at least 2 are needed";
            return new PairedTestResult(n, meanDiff, Double.NaN, why, Double.NaN, false, why);
        }

        double tP;
        String tNote = "";
        if (Arrays.stream(d).allMatch(x -> x == d[0])) {
            tP = Double.NaN;
            tNote = "all paired differences are equal, so their variance is zero";
        } else {
            tP = new TTest().pairedTTest(a, b);
        }

        double[] nzA = new double[n];
        double[] nzB = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (d[i] != 0) {
                nzA[m] = a[i];
                nzB[m] = b[i];
                m++;
            }
        }
        double wP;
        boolean exact = m <= EXACT_LIMIT;
        String wNote = m < n ? (n - m) + " zero difference" + (n - m == 1 ? "" : "s") + " dropped" : "";
        if (m == 0) {
            wP = Double.NaN;
            exact = false;
            wNote = "all paired differences are zero";
        } else {
            wP = Math.min(1.0, new WilcoxonSignedRankTest()
                    .wilcoxonSignedRankTest(Arrays.copyOf(nzA, m), Arrays.copyOf(nzB, m), exact));
        }
        return new PairedTestResult(n, meanDiff, tP, tNote, wP, exact, wNote);
    }
}
