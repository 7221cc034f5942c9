package io.github.umdf.tools.plot;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsneTest {

    /** Two Gaussian blobs in 10-D, unit variance, centres 8 apart on every axis; label = blob. */
    static double[][] blobs(int perBlob, int[] labels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[2 * perBlob][10];
        for (int i = 0; i < x.length; i++) {
            labels[i] = i % 2; // interleaved, so the order of rows says nothing
            for (int d = 0; d < 10; d++) {
                x[i][d] = r.nextGaussian() + (labels[i] == 1 ? 8.0 : 0.0);
            }
        }
        return x;
    }

    /** Fraction of points whose k nearest embedded neighbours share their label, averaged. */
    static double knnPurity(double[][] y, int[] labels, int k) {
        double total = 0;
        for (int i = 0; i < y.length; i++) {
            final int fi = i;
            Integer[] order = new Integer[y.length];
            for (int j = 0; j < y.length; j++) {
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> Double.compare(dist(y[fi], y[a]), dist(y[fi], y[b])));
            int same = 0;
            for (int m = 1; m <= k; m++) { // order[0] is the point itself
                same += labels[order[m]] == labels[i] ? 1 : 0;
            }
            total += (double) same / k;
        }
        return total / y.length;
    }

    private static double dist(double[] a, double[] b) {
        return (a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]);
    }

    @Test
    void separatesTwoBlobs() {
        int[] labels = new int[160];
        double[][] x = blobs(80, labels, 3L);
        TsneResult r = Tsne.builder().optPerplexity(20).optIterations(500).optSeed(1).build().fit(x);
        assertEquals(160, r.embedding().length);
        assertFalse(r.subsampled());
        double purity = knnPurity(r.embedding(), labels, 5);
        assertTrue(purity > 0.95, "kNN purity " + purity);
        assertTrue(r.klDivergence() >= 0 && r.klDivergence() < 2, "KL " + r.klDivergence());
        double mx = Arrays.stream(r.embedding()).mapToDouble(p -> p[0]).average().orElseThrow();
        assertEquals(0.0, mx, 1e-9);
    }

    @Test
    void deterministicForASeed() {
        int[] labels = new int[60];
        double[][] x = blobs(30, labels, 4L);
        Tsne tsne = Tsne.builder().optPerplexity(10).optIterations(300).optSeed(7).build();
        double[][] a = tsne.fit(x).embedding();
        double[][] b = tsne.fit(x).embedding();
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
        double[][] c = Tsne.builder().optPerplexity(10).optIterations(300).optSeed(8).build().fit(x).embedding();
        assertFalse(Arrays.equals(a[0], c[0]));
    }

    @Test
    void subsamplesDeterministicallyAboveTheCap() {
        int[] labels = new int[50];
        double[][] x = blobs(25, labels, 5L);
        Tsne tsne = Tsne.builder().optPerplexity(5).optIterations(50).optMaxPoints(20).optSeed(3).build();
        TsneResult r = tsne.fit(x);
        assertTrue(r.subsampled());
        assertEquals(20, r.indices().length);
        assertEquals(20, r.embedding().length);
        assertEquals(20, Arrays.stream(r.indices()).distinct().count());
        int[] sorted = r.indices().clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, r.indices());
        assertArrayEquals(r.indices(), tsne.fit(x).indices());
        double[] ids = new double[50];
        Arrays.setAll(ids, i -> i);
        assertEquals(r.indices()[3], (int) r.select(ids)[3]);
    }

    @Test
    void checksItsInput() {
        Tsne tsne = Tsne.builder().build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tsne.fit(new double[10][3]));
        assertEquals("perplexity 30.0 must be below the number of points, 10; lower it with optPerplexity", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> tsne.fit(new double[][] {{1, 2}, {1, Double.NaN}}));
        assertEquals("x[1][1] is NaN; expected finite values", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tsne.builder().optPerplexity(0.5));
    }
}
