package io.github.umdf.nn.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What loading changed or noticed: non-finite feature values set to zero (counted per split and
 * modality), items left out (counted by reason) and notes. Nothing is silently dropped or clamped:
 * every change made on load has a count here, and the readers log it.
 */
public final class LoadReport implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, long[]> nonFinite = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /** Index of NaN counts in {@link #nonFinite(SplitName, Modality)}. */
    public static final int NAN = 0;
    /** Index of +inf counts. */
    public static final int POS_INF = 1;
    /** Index of -inf counts. */
    public static final int NEG_INF = 2;

    private static String key(SplitName split, Modality m) {
        return split.key() + "/" + m.key();
    }

    /**
     * Replaces NaN and +/-inf in {@code values} by 0 in place and counts them.
     *
     * @return the number of values replaced
     */
    public synchronized long sanitize(SplitName split, Modality m, float[] values) {
        long nan = 0;
        long pos = 0;
        long neg = 0;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (Float.isNaN(v)) {
                nan++;
                values[i] = 0f;
            } else if (v == Float.POSITIVE_INFINITY) {
                pos++;
                values[i] = 0f;
            } else if (v == Float.NEGATIVE_INFINITY) {
                neg++;
                values[i] = 0f;
            }
        }
        long[] c = nonFinite.computeIfAbsent(key(split, m), k -> new long[3]);
        c[NAN] += nan;
        c[POS_INF] += pos;
        c[NEG_INF] += neg;
        return nan + pos + neg;
    }

    /** Counts of NaN, +inf and -inf values set to 0 for a split and modality. */
    public synchronized long[] nonFinite(SplitName split, Modality m) {
        long[] c = nonFinite.get(key(split, m));
        return c == null ? new long[3] : c.clone();
    }

    /** Total non-finite values replaced. */
    public synchronized long totalNonFinite() {
        return nonFinite.values().stream().mapToLong(c -> c[0] + c[1] + c[2]).sum();
    }

    /** Adds {@code n} to a named count ("segments without words", ...). */
    public synchronized void count(String what, long n) {
        counts.merge(what, n, Long::sum);
    }

    /** The named counts. */
    public synchronized Map<String, Long> counts() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    }

    /** Adds a note. */
    public synchronized void note(String note) {
        notes.add(note);
    }

    /** The notes. */
    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    /** One line per non-zero fact, for logs and {@code umdf data inspect}. */
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, long[]> e : nonFinite.entrySet()) {
            long[] c = e.getValue();
            if (c[0] + c[1] + c[2] > 0) {
                out.add(e.getKey() + ": set to 0: " + c[NAN] + " NaN, " + c[POS_INF] + " +inf, " + c[NEG_INF] + " -inf");
            }
        }
        counts.forEach((k, v) -> out.add(k + ": " + v));
        out.addAll(notes);
        return out;
    }
}
