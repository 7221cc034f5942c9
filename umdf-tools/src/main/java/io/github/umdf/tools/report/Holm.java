package io.github.umdf.tools.report;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values for the tests of one table (Holm 1979), which keeps the
 * family-wise error rate at the nominal level without assuming independence: with the {@code m}
 * finite p-values sorted ascending, {@code p_(i)} becomes {@code max_{j ≤ i} min(1, (m − j + 1) p_(j))}.
 * Undefined p-values (NaN, e.g. a test on identical samples) stay NaN and do not count in {@code m}.
 */
public final class Holm {
    private Holm() {
    }

    /**
     * The adjusted p-values, in the order given.
     *
     * @throws IllegalArgumentException when a p-value lies outside [0, 1]
     */
    public static double[] adjust(double... p) {
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i]) && !(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("p-value " + i + " is " + p[i] + "; expected a value in [0, 1] or NaN");
            }
        }
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.comparingDouble(i -> p[i])).toArray(Integer[]::new);
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        int m = order.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1.0, (m - j) * p[order[j]]));
            out[order[j]] = running;
        }
        return out;
    }
}
