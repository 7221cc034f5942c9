package io.github.umdf.tribuo.evaluation;

import java.util.ArrayList;
import java.util.List;

/** Missing-rate lists written {@code start:stop:step} (inclusive) or {@code 0,0.3,0.5}. */
public final class RateRange {
    /** The paper's sweep, 0.0 to 0.9 by 0.1. */
    public static final String PAPER = "0:0.9:0.1";

    private RateRange() {
    }

    /** Parses a range or list; every rate must lie in [0, 1]. */
    public static List<Double> parse(String text) {
        List<Double> out = new ArrayList<>();
        String s = text.trim();
        try {
            if (s.contains(":")) {
                String[] p = s.split(":");
                if (p.length != 3) {
                    throw new IllegalArgumentException("Expected start:stop:step, found '" + text + "'");
                }
                double start = Double.parseDouble(p[0]);
                double stop = Double.parseDouble(p[1]);
                double step = Double.parseDouble(p[2]);
                if (!(step > 0) || stop < start) {
                    throw new IllegalArgumentException("Expected start <= stop and step > 0 in '" + text + "'");
                }
                long n = Math.round(Math.floor((stop - start) / step + 1e-9));
                for (long i = 0; i <= n; i++) {
                    out.add(Math.round((start + i * step) * 1e9) / 1e9);
                }
            } else {
                for (String part : s.split(",")) {
                    out.add(Double.parseDouble(part.trim()));
                }
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Cannot read rates '" + text + "': expected start:stop:step or a comma-separated list", e);
        }
        for (double r : out) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("Missing rates must lie in [0, 1], found " + r + " in '" + text + "'");
            }
        }
        return out;
    }
}
