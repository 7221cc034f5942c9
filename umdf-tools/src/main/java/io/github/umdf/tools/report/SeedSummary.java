package io.github.umdf.tools.report;

/**
 * Mean and sample standard deviation of one quantity over seeds.
 *
 * <p>Convention: sample standard deviation with ddof = 1, {@code sqrt(sum (x - mean)^2 / (n - 1))}
 * ({@code numpy.std(x, ddof=1)}), the spread one would expect between reruns with new seeds.
 * With one seed it is undefined and {@link #std()} is {@code NaN}. A NaN among the values makes
 * the mean and the std NaN: a metric that is undefined for one seed is not silently averaged
 * over the others.
 *
 * @param mean mean over seeds
 * @param std  sample standard deviation (ddof = 1); NaN when {@code n < 2}
 * @param n    number of seeds
 */
public record SeedSummary(double mean, double std, int n) {

    /**
     * Summarises per-seed values.
     *
     * @throws IllegalArgumentException when there are no values
     */
    public static SeedSummary of(double[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("expected at least one per-seed value, got "
                    + (values == null ? "null" : "none"));
        }
        int n = values.length;
        double mean = 0.0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n < 2) {
            return new SeedSummary(mean, Double.NaN, 1);
        }
        double ss = 0.0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return new SeedSummary(mean, Math.sqrt(ss / (n - 1)), n);
    }

    /** This summary with mean and std multiplied by a display factor (e.g. 100 for percentages). */
    public SeedSummary scaled(double factor) {
        return new SeedSummary(mean * factor, std * Math.abs(factor), n);
    }

    /** Whether the std is defined ({@code n >= 2}). */
    public boolean hasStd() {
        return n >= 2;
    }
}
