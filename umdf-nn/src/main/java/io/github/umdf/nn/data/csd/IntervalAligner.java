package io.github.umdf.nn.data.csd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Assigns the rows of one computational sequence (words or feature frames, the <em>items</em>) to
 * the labelled segments of another by interval midpoint, as the CMU-MultimodalSDK aligns words to
 * opinion segments.
 *
 * <p>Convention: segments are half-open, {@code [start, end)}; item {@code i} with interval
 * {@code [s_i, e_i]} belongs to every segment with {@code start <= (s_i + e_i) / 2 < end}. Labelled
 * segments do not overlap in practice, so an item lands in at most one segment; items whose midpoint
 * lies outside every segment are counted as unassigned. Segments are taken in the order given (use
 * {@link CsdSequence.Video#sortedByStart()} to order them by start time); the rows of a segment are
 * returned in ascending row order.
 *
 * <p>The MOSI word file stores each word one row <em>after</em> the interval it was spoken in. With
 * {@link #shiftWordsByOne(boolean) shiftWordsByOne(true)} the aligner pairs interval {@code i} with
 * feature row {@code i + 1}: the returned indices are feature rows, the first feature row (which has
 * no interval) and the last interval (which has no word) are left out and counted as unpaired. The
 * shift is an explicit option because other sequences do not have the quirk.
 */
public final class IntervalAligner {
    /** The silence token of CMU-MultimodalSDK word sequences. */
    public static final String SILENCE = "sp";

    private final boolean shiftWordsByOne;

    private IntervalAligner(boolean shiftWordsByOne) {
        this.shiftWordsByOne = shiftWordsByOne;
    }

    /** An aligner by interval midpoint, without the word shift. */
    public static IntervalAligner byMidpoint() {
        return new IntervalAligner(false);
    }

    /**
     * This aligner with or without the MOSI word-file fix: pair interval {@code i} with feature row {@code i + 1}.
     */
    public IntervalAligner shiftWordsByOne(boolean shift) {
        return new IntervalAligner(shift);
    }

    /** Whether interval {@code i} is paired with feature row {@code i + 1}. */
    public boolean shiftsWordsByOne() {
        return shiftWordsByOne;
    }

    /** Whether a token is silence ({@value #SILENCE}) or blank, and so left out of text. */
    public static boolean isSilence(String token) {
        return token == null || token.isBlank() || token.trim().equals(SILENCE);
    }

    /** Aligns the rows of {@code items} to the rows of {@code segments} (both of one video). */
    public Alignment align(CsdSequence.Video segments, CsdSequence.Video items) {
        return align(segments.intervals(), items.intervals());
    }

    /**
     * Aligns items to segments given their intervals, {@code (n, 2)} arrays of start and end seconds.
     *
     * @return per segment the item feature rows whose midpoint falls in it
     */
    public Alignment align(double[][] segments, double[][] items) {
        Objects.requireNonNull(segments, "segments");
        Objects.requireNonNull(items, "items");
        int shift = shiftWordsByOne && items.length > 0 ? 1 : 0;
        // Interval i is paired with feature row i + shift; the last `shift` intervals have no row.
        int paired = items.length - shift;
        double[] mid = new double[paired];
        for (int i = 0; i < paired; i++) {
            mid[i] = (items[i][0] + items[i][1]) / 2;
        }
        Integer[] byMid = IntStream.range(0, paired).boxed().toArray(Integer[]::new);
        Arrays.sort(byMid, Comparator.comparingDouble(i -> mid[i]));
        double[] sorted = new double[paired];
        for (int k = 0; k < paired; k++) {
            sorted[k] = mid[byMid[k]];
        }
        boolean[] assigned = new boolean[paired];
        int[][] rows = new int[segments.length][];
        for (int s = 0; s < segments.length; s++) {
            int from = lowerBound(sorted, segments[s][0]);
            int to = lowerBound(sorted, segments[s][1]);
            int[] r = new int[Math.max(0, to - from)];
            for (int k = from; k < to; k++) {
                int interval = byMid[k];
                assigned[interval] = true;
                r[k - from] = interval + shift;
            }
            Arrays.sort(r);
            rows[s] = r;
        }
        int unassigned = 0;
        for (boolean a : assigned) {
            if (!a) {
                unassigned++;
            }
        }
        return new Alignment(rows, unassigned, shift == 1 ? 2 : 0);
    }

    /** First index whose value is >= {@code key}. */
    private static int lowerBound(double[] a, double key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] < key) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "IntervalAligner(midpoint in [start, end)" + (shiftWordsByOne ? ", words shifted by one" : "") + ")";
    }

    /** The result of an alignment: per segment the item rows it received. */
    public static final class Alignment {
        private final int[][] rows;
        private final int unassigned;
        private final int unpaired;

        Alignment(int[][] rows, int unassigned, int unpaired) {
            this.rows = rows;
            this.unassigned = unassigned;
            this.unpaired = unpaired;
        }

        /** Number of segments. */
        public int segmentCount() {
            return rows.length;
        }

        /** A copy of the item feature rows of segment {@code s}, ascending. */
        public int[] rows(int s) {
            return rows[s].clone();
        }

        /** Indices of the segments that received no item. */
        public List<Integer> emptySegments() {
            List<Integer> out = new ArrayList<>();
            for (int s = 0; s < rows.length; s++) {
                if (rows[s].length == 0) {
                    out.add(s);
                }
            }
            return Collections.unmodifiableList(out);
        }

        /** Items whose midpoint lies in no segment. */
        public int unassignedItemCount() {
            return unassigned;
        }

        /**
         * Rows left out by the word shift: the first feature row (no interval) and the last interval
         * (no word), so 2 when shifting a non-empty sequence, else 0.
         */
        public int unpairedCount() {
            return unpaired;
        }

        /** The words of segment {@code s} joined by single spaces, silence ({@value IntervalAligner#SILENCE}) and blank tokens left out. */
        public String text(int s, CsdSequence.Video words) {
            StringBuilder sb = new StringBuilder();
            for (int r : rows[s]) {
                String w = words.token(r);
                if (!isSilence(w)) {
                    if (sb.length() > 0) {
                        sb.append(' ');
                    }
                    sb.append(w.trim());
                }
            }
            return sb.toString();
        }
    }
}
