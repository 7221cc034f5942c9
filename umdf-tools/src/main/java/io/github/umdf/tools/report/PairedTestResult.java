package io.github.umdf.tools.report;

import java.util.Locale;

/**
 * The outcome of a paired comparison of two models across seeds (see {@link PairedSignificance}).
 *
 * @param n              number of paired seeds
 * @param meanDifference mean of (a - b) over the paired seeds
 * @param tTestP         two-sided p-value of the paired t-test; NaN when not computable
 * @param tTestNote      why the t-test is not computable, or empty
 * @param wilcoxonP      two-sided p-value of the Wilcoxon signed-rank test; NaN when not computable
 * @param wilcoxonExact  whether {@code wilcoxonP} is the exact p-value (else the normal approximation)
 * @param wilcoxonNote   why the Wilcoxon test is not computable, or what it did (zeros dropped), or empty
 */
public record PairedTestResult(int n, double meanDifference, double tTestP, String tTestNote,
                               double wilcoxonP, boolean wilcoxonExact, String wilcoxonNote) {

    /** One sentence: {@code mean difference +1.23; paired t-test p = 0.0123; Wilcoxon signed-rank exact p = 0.0625}. */
    public String describe(int decimals) {
        return describe(decimals, Double.NaN, Double.NaN);
    }

    /**
     * As {@link #describe(int)}, each p-value followed by its adjustment for multiple tests when given
     * ({@code p = 0.0123, Holm 0.0369}); NaN leaves it out.
     */
    public String describe(int decimals, double tTestAdjusted, double wilcoxonAdjusted) {
        StringBuilder sb = new StringBuilder("mean difference ");
        sb.append(Double.isNaN(meanDifference) ? "NaN"
                : (meanDifference >= 0 ? "+" : "") + Cell.formatNumber(meanDifference, decimals));
        sb.append("; paired t-test ");
        sb.append(Double.isNaN(tTestP) ? "not computable (" + tTestNote + ")" : formatP(tTestP) + holm(tTestAdjusted));
        sb.append("; Wilcoxon signed-rank ");
        if (Double.isNaN(wilcoxonP)) {
            sb.append("not computable (").append(wilcoxonNote).append(')');
        } else {
            sb.append(wilcoxonExact ? "exact " : "normal-approximation ").append(formatP(wilcoxonP)).append(holm(wilcoxonAdjusted));
            if (!wilcoxonNote.isEmpty()) {
                sb.append(" (").append(wilcoxonNote).append(')');
            }
        }
        return sb.toString();
    }

    private static String holm(double adjusted) {
        return Double.isNaN(adjusted) ? "" : adjusted < 1e-4 ? ", Holm < 0.0001" : String.format(Locale.ROOT, ", Holm %.4f", adjusted);
    }

    /** {@code p = 0.0123}, or {@code p < 0.0001}. */
    static String formatP(double p) {
        return p < 1e-4 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.4f", p);
    }
}
