package io.github.umdf.baselines.smil;

import io.github.umdf.nn.random.KeyedRandom;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KMeansTest {
    private static float[][] fit(float[][] points, int k, Object key) {
        return KMeans.fit(points, k, 10, 300, 1e-4, KeyedRandom.of("kmeans-test", key));
    }

    private static float[][] sorted(float[][] centres) {
        float[][] out = centres.clone();
        Arrays.sort(out, Comparator.comparingDouble(c -> c[0]));
        return out;
    }

    /** Two groups on a line: {0, 1} and {10, 11, 12}; the optimum has their means 0.5 and 11 as centres. */
    @Test
    void twoGroupsGetTheirMeansAsCentres() {
        float[][] points = {{10}, {0}, {11}, {1}, {12}};
        float[][] c = sorted(fit(points, 2, 1));
        assertArrayEquals(new float[] {0.5f}, c[0], 1e-6f);
        assertArrayEquals(new float[] {11f}, c[1], 1e-6f);
    }

    /** Three groups in the plane, centres by hand: (0, 1/3), (5, 5.5), (-4, 4). */
    @Test
    void threeGroupsInThePlane() {
        float[][] points = {{0, 0}, {5, 5}, {-4, 4}, {0, 1}, {5, 6}, {0, 0}, {-4, 4}};
        float[][] c = sorted(fit(points, 3, 2));
        assertArrayEquals(new float[] {-4f, 4f}, c[0], 1e-6f);
        assertArrayEquals(new float[] {0f, 1f / 3}, c[1], 1e-6f);
        assertArrayEquals(new float[] {5f, 5.5f}, c[2], 1e-6f);
    }

    @Test
    void fewerDistinctPointsThanCentresRepeatThePointsInOrder() {
        float[][] points = {{1, 2}, {1, 2}, {3, 4}};
        float[][] c = fit(points, 5, 3);
        assertArrayEquals(new float[][] {{1, 2}, {3, 4}, {1, 2}, {3, 4}, {1, 2}}, c);
    }

    @Test
    void theSameKeyGivesTheSameCentres() {
        float[][] points = new float[40][3];
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (float[] p : points) {
            for (int j = 0; j < p.length; j++) {
                p[j] = (float) r.nextGaussian();
            }
        }
        assertArrayEquals(fit(points, 4, 7), fit(points, 4, 7));
    }

    @Test
    void badInputIsNamed() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> fit(new float[0][], 2, 1));
        assertEquals("K-means needs at least one point, got none", none.getMessage());
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class, () -> fit(new float[][] {{1, 2}, {3}}, 1, 1));
        assertEquals("Expected 2 features in every point, found 1", ragged.getMessage());
    }
}
