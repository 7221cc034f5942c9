package io.github.umdf.tribuo.evaluation.metrics;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Cross-checks the Java metrics against the independent numpy implementation in
 * {@code src/test/python/metrics_reference.py} on random cases with ties at .5 (round half to
 * even), exact zeros (Has0 vs Non0), values beyond the clip bounds, constant vectors and
 * all-zero truths. Skipped when python3 or numpy is unavailable.
 */
class MetricsCrossCheckTest {

    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path dir;

    private static boolean python;

    @BeforeAll
    static void findPython() {
        python = PythonReference.available();
    }

    /** Per test, not in {@code @BeforeAll}: surefire counts each test as skipped instead of reporting none. */
    @BeforeEach
    void needsPython() {
        assumeTrue(python, "python3 with numpy is not available; cross-check skipped");
    }

    /** A random regression case of 1 to 60 samples, mixing continuous values, halves, zeros and outliers. */
    static double[][] regressionCase(SplittableRandom r) {
        int n = 1 + r.nextInt(60);
        int style = r.nextInt(10);
        double[] t = new double[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = value(r, style);
            p[i] = value(r, style);
        }
        if (style == 7) {
            java.util.Arrays.fill(t, 0.0); // Non0 undefined
        } else if (style == 8) {
            java.util.Arrays.fill(p, p[0]); // constant predictions: corr undefined
        }
        return new double[][] {t, p};
    }

    private static double value(SplittableRandom r, int style) {
        return switch (r.nextInt(style < 3 ? 4 : 6)) {
            case 0 -> 0.0;
            case 1 -> (r.nextInt(17) - 8) * 0.5;                 // halves in [-4, 4]: ties and clipping
            case 2 -> Math.round(r.nextDouble(-3.5, 3.5) * 10) / 10.0;
            case 3 -> r.nextDouble(-3.5, 3.5);
            case 4 -> r.nextGaussian() * 5;                       // far outside the clip bounds
            default -> -(r.nextInt(7)) * 1.0;                     // negative integers and -0.0
        };
    }

    @Test
    void regressionMetricsAgreeWithNumpyOn500Cases() throws Exception {
        SplittableRandom r = new SplittableRandom(20240225L);
        StringBuilder csv = new StringBuilder("case,truth,prediction\n");
        Map<String, RegressionReport> expected = new LinkedHashMap<>();
        for (int c = 0; c < 500; c++) {
            double[][] tp = regressionCase(r);
            for (int i = 0; i < tp[0].length; i++) {
                csv.append(c).append(',').append(tp[0][i]).append(',').append(tp[1][i]).append('\n');
            }
            expected.put(String.valueOf(c), RegressionReport.of(tp[0], tp[1]));
        }
        Path file = dir.resolve("pairs.csv");
        Files.writeString(file, csv);
        JsonObject actual = JsonParser.parseString(PythonReference.run("regression", file.toString())).getAsJsonObject();
        assertEquals(500, actual.size());
        int nanNon0 = 0;
        int nanCorr = 0;
        for (var e : expected.entrySet()) {
            Map<String, Double> java = e.getValue().toMap();
            JsonObject py = actual.getAsJsonObject(e.getKey());
            assertEquals(java.keySet(), py.keySet(), "keys of case " + e.getKey());
            for (var m : java.entrySet()) {
                assertAgree(m.getValue(), py.get(m.getKey()), "case " + e.getKey() + " " + m.getKey());
            }
            nanNon0 += Double.isNaN(java.get("f1_non0")) ? 1 : 0;
            nanCorr += Double.isNaN(java.get("corr")) ? 1 : 0;
        }
        assertTrue(nanNon0 > 10 && nanCorr > 10, "the random cases must exercise the NaN paths: " + nanNon0 + ", " + nanCorr);
    }

    @Test
    void weightedF1AgreesWithNumpyOnMulticlassCases() throws Exception {
        SplittableRandom r = new SplittableRandom(7L);
        StringBuilder csv = new StringBuilder("case,truth,prediction\n");
        Map<String, double[]> expected = new LinkedHashMap<>();
        for (int c = 0; c < 300; c++) {
            int n = 1 + r.nextInt(40);
            int k = 1 + r.nextInt(5);
            int[] t = new int[n];
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                t[i] = r.nextInt(k);
                p[i] = r.nextInt(10) < 6 ? t[i] : r.nextInt(k + 1); // label k appears among predictions only
                csv.append(c).append(',').append(t[i]).append(',').append(p[i]).append('\n');
            }
            expected.put(String.valueOf(c), new double[] {ClassificationMetrics.accuracy(t, p),
                    ClassificationMetrics.weightedF1(t, p)});
        }
        Path file = dir.resolve("classes.csv");
        Files.writeString(file, csv);
        JsonObject actual = JsonParser.parseString(PythonReference.run("classification", file.toString())).getAsJsonObject();
        for (var e : expected.entrySet()) {
            JsonObject py = actual.getAsJsonObject(e.getKey());
            assertAgree(e.getValue()[0], py.get("acc"), "case " + e.getKey() + " acc");
            assertAgree(e.getValue()[1], py.get("f1"), "case " + e.getKey() + " f1");
        }
    }

    @Test
    void predModeGroupsRegressionRowsByConditionRateAndSeed() throws Exception {
        SplittableRandom r = new SplittableRandom(11L);
        StringBuilder csv = new StringBuilder("id,condition,rate,seed,truth,prediction\n");
        List<RegressionReport> expected = new ArrayList<>();
        int id = 0;
        for (String condition : List.of("l", "av", "lav")) {
            for (double rate : new double[] {0.0, 0.3}) {
                for (int seed = 1; seed <= 3; seed++) {
                    double[][] tp = regressionCase(r);
                    for (int i = 0; i < tp[0].length; i++) {
                        csv.append("\"clip_").append(id++).append(",a\",").append(condition).append(',').append(rate)
                                .append(',').append(seed).append(',').append(tp[0][i]).append(',').append(tp[1][i])
                                .append('\n');
                    }
                    expected.add(RegressionReport.of(tp[0], tp[1]));
                }
            }
        }
        Path file = dir.resolve("PRED.csv");
        Files.writeString(file, csv);
        JsonArray actual = JsonParser.parseString(
                PythonReference.run("pred", file.toString(), "--model", "UMDF", "--dataset", "mosi")).getAsJsonArray();
        assertEquals(expected.size(), actual.size());
        int g = 0;
        for (String condition : List.of("l", "av", "lav")) {
            for (double rate : new double[] {0.0, 0.3}) {
                for (int seed = 1; seed <= 3; seed++) {
                    JsonObject rec = actual.get(g).getAsJsonObject();
                    assertEquals("UMDF", rec.get("model").getAsString());
                    assertEquals(condition, rec.get("condition").getAsString());
                    assertEquals(rate, rec.get("rate").getAsDouble());
                    assertEquals(seed, rec.get("seed").getAsInt());
                    JsonObject py = rec.getAsJsonObject("metrics");
                    for (var m : expected.get(g).toMap().entrySet()) {
                        assertAgree(m.getValue(), py.get(m.getKey()), "group " + g + " " + m.getKey());
                    }
                    g++;
                }
            }
        }
    }

    @Test
    void predModeScoresMultiLabelProbabilities() throws Exception {
        SplittableRandom r = new SplittableRandom(5L);
        List<String> labels = List.of("neutral", "happy", "sad", "angry");
        StringBuilder csv = new StringBuilder("id,condition,rate,seed");
        labels.forEach(l -> csv.append(",truth_").append(l));
        labels.forEach(l -> csv.append(",prediction_").append(l));
        csv.append('\n');
        List<MultiLabelReport> expected = new ArrayList<>();
        for (int seed = 1; seed <= 20; seed++) {
            int n = 1 + r.nextInt(50);
            boolean[][] t = new boolean[n][4];
            double[][] p = new double[n][4];
            for (int i = 0; i < n; i++) {
                csv.append(seed).append('_').append(i).append(",la,0.0,").append(seed);
                for (int j = 0; j < 4; j++) {
                    t[i][j] = r.nextInt(3) == 0;
                    csv.append(',').append(t[i][j] ? 1 : 0);
                }
                for (int j = 0; j < 4; j++) {
                    p[i][j] = r.nextInt(5) == 0 ? 0.5 : r.nextDouble(); // exactly 0.5 means absent
                    csv.append(',').append(p[i][j]);
                }
                csv.append('\n');
            }
            expected.add(MultiLabelMetrics.evaluate(labels, t, p, ScoreKind.PROBABILITY));
        }
        Path file = dir.resolve("PRED-multilabel.csv");
        Files.writeString(file, csv);
        JsonArray actual = JsonParser.parseString(PythonReference.run("pred", file.toString())).getAsJsonArray();
        assertEquals(20, actual.size());
        for (int s = 0; s < 20; s++) {
            JsonObject py = actual.get(s).getAsJsonObject().getAsJsonObject("metrics");
            Map<String, Double> java = expected.get(s).toMap();
            assertEquals(java.keySet(), py.keySet());
            for (var m : java.entrySet()) {
                assertAgree(m.getValue(), py.get(m.getKey()), "seed " + (s + 1) + " " + m.getKey());
            }
        }
    }

    private static void assertAgree(double java, JsonElement python, String what) {
        if (Double.isNaN(java)) {
            assertTrue(python.isJsonNull(), what + ": Java NaN, Python " + python);
            return;
        }
        if (python.isJsonNull()) {
            fail(what + ": Java " + java + ", Python null (NaN)");
        }
        assertEquals(java, python.getAsDouble(), TOLERANCE, what);
    }
}
