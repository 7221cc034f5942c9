package io.github.umdf.tools.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeedSummaryTest {

    @Test
    void sampleStdWithDdofOne() {
        // mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; 5 / (4 - 1) = 5/3
        SeedSummary s = SeedSummary.of(new double[] {1, 2, 3, 4});
        assertEquals(2.5, s.mean(), 1e-15);
        assertEquals(Math.sqrt(5.0 / 3), s.std(), 1e-15);
        assertEquals(4, s.n());
        SeedSummary scaled = s.scaled(100);
        assertEquals(250, scaled.mean(), 1e-12);
        assertEquals(100 * Math.sqrt(5.0 / 3), scaled.std(), 1e-12);
    }

    @Test
    void oneSeedHasNoStd() {
        SeedSummary s = SeedSummary.of(new double[] {0.7});
        assertEquals(0.7, s.mean(), 0.0);
        assertTrue(Double.isNaN(s.std()));
        assertFalse(s.hasStd());
    }

    @Test
    void nanPropagates() {
        assertTrue(Double.isNaN(SeedSummary.of(new double[] {1, Double.NaN}).mean()));
    }

    @Test
    void noValuesIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> SeedSummary.of(new double[0]));
    }
}
