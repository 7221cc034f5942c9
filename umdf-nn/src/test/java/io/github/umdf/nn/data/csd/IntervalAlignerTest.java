package io.github.umdf.nn.data.csd;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntervalAlignerTest {

    @Test
    void assignsByMidpointInHalfOpenSegments() {
        double[][] segments = {{0, 2}, {2, 4}, {5, 5}};
        // midpoints: 0.5, 2.0 (start of segment 1, so in it), 3.9, 4.5 (in no segment), 1.0
        double[][] items = {{0, 1}, {1.5, 2.5}, {3.8, 4.0}, {4, 5}, {0.5, 1.5}};
        IntervalAligner.Alignment a = IntervalAligner.byMidpoint().align(segments, items);
        assertEquals(3, a.segmentCount());
        assertArrayEquals(new int[] {0, 4}, a.rows(0), "rows come back in row order");
        assertArrayEquals(new int[] {1, 2}, a.rows(1));
        assertArrayEquals(new int[] {}, a.rows(2), "a zero-length segment receives nothing");
        assertEquals(List.of(2), a.emptySegments());
        assertEquals(1, a.unassignedItemCount());
        assertEquals(0, a.unpairedCount());
    }

    @Test
    void theWordShiftPairsIntervalIWithRowIPlusOne() {
        double[][] segments = {{0, 2}, {2, 4}};
        double[][] items = {{0, 1}, {1, 2}, {2, 3}, {3, 4}};
        IntervalAligner shifted = IntervalAligner.byMidpoint().shiftWordsByOne(true);
        assertTrue(shifted.shiftsWordsByOne());
        assertFalse(IntervalAligner.byMidpoint().shiftsWordsByOne());
        IntervalAligner.Alignment a = shifted.align(segments, items);
        // intervals 0,1 -> rows 1,2; interval 2 -> row 3; interval 3 has no row; row 0 has no interval
        assertArrayEquals(new int[] {1, 2}, a.rows(0));
        assertArrayEquals(new int[] {3}, a.rows(1));
        assertEquals(2, a.unpairedCount());
        assertEquals(0, IntervalAligner.byMidpoint().shiftWordsByOne(true).align(segments, new double[0][]).unpairedCount());
    }

    @Test
    void textSkipsSilence() {
        CsdSequence.Video words = new CsdSequence.Video("v", new double[] {0, 1, 2, 3}, new double[] {1, 2, 3, 4}, null,
                new String[] {"so", "sp", " ", "good"});
        CsdSequence.Video segs = new CsdSequence.Video("v", new double[] {0}, new double[] {4}, new float[][] {{1f}}, null);
        IntervalAligner.Alignment a = IntervalAligner.byMidpoint().align(segs, words);
        assertEquals("so good", a.text(0, words));
        assertTrue(IntervalAligner.isSilence("sp"));
        assertFalse(IntervalAligner.isSilence("spa"));
    }
}
