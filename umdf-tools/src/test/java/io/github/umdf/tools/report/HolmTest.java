package io.github.umdf.tools.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HolmTest {
    @Test
    void stepDownByHand() {
        // sorted 0.005, 0.01, 0.03, 0.04 get x4, x3, x2, x1 = 0.02, 0.03, 0.06, 0.04 -> running maximum 0.02, 0.03, 0.06, 0.06
        assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, Holm.adjust(0.01, 0.04, 0.03, 0.005), 1e-12);
        // sorted 0.4, 0.9 get x2, x1 = 0.8, 0.9; one test is its own adjustment; never above 1
        assertArrayEquals(new double[] {0.9, 0.8}, Holm.adjust(0.9, 0.4), 1e-12);
        assertArrayEquals(new double[] {1.0, 1.0}, Holm.adjust(0.6, 0.7), 1e-12);
        assertArrayEquals(new double[] {0.2}, Holm.adjust(0.2), 1e-12);
    }

    @Test
    void undefinedValuesStayUndefinedAndDoNotCount() {
        // m = 2: 0.01 x2 = 0.02, then max(0.02, 0.02 x1)
        assertArrayEquals(new double[] {Double.NaN, 0.02, 0.02}, Holm.adjust(Double.NaN, 0.02, 0.01), 1e-12);
        assertArrayEquals(new double[0], Holm.adjust(), 0);
        assertThrows(IllegalArgumentException.class, () -> Holm.adjust(0.5, 1.5));
    }
}
