package io.github.umdf.tools.plot;

import io.github.umdf.tribuo.evaluation.ResultRecord;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The charts render to PNGs of the requested size that ImageIO decodes. Run with
 * {@code -Dumdf.plot.examples=/some/dir} to keep the example figures for a look.
 */
class ChartsTest {

    private static final List<String> MODELS = List.of("UMDF", "GCNet", "SMIL", "TransM", "MCTN");
    private static final List<String> EMOTIONS = List.of("happy", "sad", "angry", "neutral");

    @TempDir
    Path tmp;

    private Path out(String name) {
        String keep = System.getProperty("umdf.plot.examples");
        return (keep == null || keep.isBlank() ? tmp : Paths.get(keep)).resolve(name);
    }

    /** Five models x five seeds x rates 0..0.9, degrading with p like the paper's Figure 3. */
    static List<ResultRecord> sweep() {
        SplittableRandom r = new SplittableRandom(1);
        List<ResultRecord> out = new ArrayList<>();
        for (int m = 0; m < MODELS.size(); m++) {
            for (int seed = 1; seed <= 5; seed++) {
                for (int step = 0; step <= 9; step++) {
                    double p = step / 10.0;
                    LinkedHashMap<String, Double> metrics = new LinkedHashMap<>();
                    metrics.put("mae", 0.78 + 0.02 * m + 0.45 * p * p + 0.01 * r.nextGaussian());
                    metrics.put("f1_non0", 0.83 - 0.01 * m - 0.25 * p * p + 0.008 * r.nextGaussian());
                    for (int e = 0; e < EMOTIONS.size(); e++) {
                        metrics.put("f1_" + EMOTIONS.get(e), 0.86 - 0.03 * e - 0.01 * m - 0.2 * p + 0.01 * r.nextGaussian());
                    }
                    out.add(new ResultRecord(MODELS.get(m), "mosi", seed, "lav", p, metrics));
                }
            }
        }
        return out;
    }

    @Test
    void curvesFromRecordsSummariseSeeds() {
        List<RateCurve> curves = RateCurve.fromRecords(sweep(), "mosi", "lav", List.of("UMDF", "nobody"), "mae", 1.0);
        assertEquals(2, curves.size());
        assertEquals(10, curves.get(0).rates().length);
        assertEquals(0.9, curves.get(0).rates()[9], 1e-12);
        assertTrue(curves.get(0).stds()[0] > 0);
        assertEquals(0, curves.get(1).rates().length);
    }

    @Test
    void rateCurveChartIsAPngOfTheRequestedSize() throws Exception {
        List<RateCurve> mae = RateCurve.fromRecords(sweep(), "mosi", "lav", MODELS, "mae", 1.0);
        List<RateCurve> f1 = RateCurve.fromRecords(sweep(), "mosi", "lav", MODELS, "f1_non0", 100.0);
        Path single = out("rate-curve-mae.png");
        ChartFiles.writePng(RateCurveChart.create("MOSI: MAE under intra-modality missingness",
                "MAE (lower is better)", mae), single, 800, 520);
        assertImage(single, 800, 520);
        Path pair = out("rate-curve-mosi.png");
        ChartFiles.writeGridPng(List.of(
                RateCurveChart.create("MOSI: MAE", "MAE", mae),
                RateCurveChart.create("MOSI: F1", "F1 (%)", f1)), 2, pair, 640, 480);
        assertImage(pair, 1280, 480);
    }

    @Test
    void perEmotionGrid() throws Exception {
        List<JFreeChart> charts = new ArrayList<>();
        for (String e : EMOTIONS) {
            charts.add(RateCurveChart.create("IEMOCAP: " + e, "F1 (%)",
                    RateCurve.fromRecords(sweep(), "mosi", "lav", MODELS, "f1_" + e, 100.0)));
        }
        Path grid = out("rate-curve-iemocap-grid.png");
        ChartFiles.writeGridPng(charts, 2, grid, 600, 440);
        assertImage(grid, 1200, 880);
    }

    @Test
    void tsneScatterIsAPngOfTheRequestedSize() throws Exception {
        // three noisy clusters in 20-D standing for negative / neutral / positive representations
        SplittableRandom r = new SplittableRandom(9);
        int n = 300;
        double[][] x = new double[n][20];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            scores[i] = c == 0 ? -1.5 : c == 1 ? 0.0 : 1.8;
            for (int d = 0; d < 20; d++) {
                x[i][d] = r.nextGaussian() + (d == 0 ? 4 * (c - 1) : 0) + (d == 1 && c == 1 ? 3 : 0);
            }
        }
        TsneResult t = Tsne.builder().optIterations(400).optSeed(1).build().fit(x);
        Path file = out("tsne-scatter.png");
        ChartFiles.writePng(SentimentScatterChart.create("UMDF, MOSI test, condition {l}, p = 0.5",
                t.embedding(), SentimentClass.of(t.select(scores))), file, 700, 600);
        assertImage(file, 700, 600);
    }

    @Test
    void sentimentClassesBySign() {
        assertArrayEquals(new SentimentClass[] {SentimentClass.NEGATIVE, SentimentClass.NEUTRAL, SentimentClass.POSITIVE},
                SentimentClass.of(new double[] {-0.2, 0.0, 0.4}));
        assertEquals(SentimentClass.NEUTRAL, SentimentClass.of(-0.4, 0.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SentimentScatterChart.create("x", new double[2][2], new SentimentClass[1]));
        assertEquals("expected as many classes as points, got 1 and 2", e.getMessage());
    }

    private static void assertImage(Path file, int width, int height) throws Exception {
        assertTrue(Files.size(file) > 1000, file + " is suspiciously small");
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " does not decode as an image");
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }
}
