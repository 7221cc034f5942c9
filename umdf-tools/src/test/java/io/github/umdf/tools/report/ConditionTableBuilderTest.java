package io.github.umdf.tools.report;

import io.github.umdf.nn.data.Modality;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.evaluation.TestRecords;
import io.github.umdf.tribuo.evaluation.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static io.github.umdf.tribuo.evaluation.TestRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionTableBuilderTest {

    private static final List<String> SIX = List.of("l", "a", "v", "la", "lv", "av");

    /**
     * Model A: MAE of condition c (index 0..5 in SIX) at seed s (1..3) is (c + 1) + 0.1 (s - 2);
     * {l,a,v} is 0.8 + 0.1 (s - 2); F1 (Non0) is 0.80, 0.81, 0.85 for seeds 1, 2, 3 everywhere.
     * Model B: A's MAE plus 0.1, 0.2, 0.4 for seeds 1, 2, 3.
     */
    static List<ResultRecord> records() {
        double[] f1 = {0.80, 0.81, 0.85};
        double[] offsetB = {0.1, 0.2, 0.4};
        List<ResultRecord> out = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            for (int c = 0; c < 7; c++) {
                String cond = c < 6 ? SIX.get(c) : "lav";
                double mae = (c < 6 ? c + 1 : 0.8) + 0.1 * (s - 2);
                out.add(record("A", s, cond, 0.0, "mae", mae, "f1_non0", f1[s - 1]));
                out.add(record("B", s, cond, 0.0, "mae", mae + offsetB[s - 1], "f1_non0", f1[s - 1]));
                out.add(record("A", s, cond, 0.5, "mae", 9.0, "f1_non0", 0.1)); // another rate: ignored
            }
        }
        return out;
    }

    @Test
    void layoutFollowsThePaper() {
        ResultTable t = ResultTable.byCondition().dataset("mosi").models("A", "B").build(records());
        assertEquals(List.of("{l}", "{a}", "{v}", "{l,a}", "{l,v}", "{a,v}", "Avg.", "{l,a,v}"),
                t.groups().stream().map(ResultTable.ColumnGroup::header).toList());
        assertEquals(16, t.columns().size());
        assertEquals("{l} MAE", t.columns().get(0).flatHeader());
        assertEquals("{l} F1", t.columns().get(1).flatHeader());
        assertEquals(List.of("A", "B"), t.rows().stream().map(ResultTable.Row::model).toList());
        assertEquals("Performance under inter-modality missingness on mosi", t.title());
    }

    @Test
    void cellsAreMeanAndSampleStdOverSeeds() {
        ResultTable t = ResultTable.byCondition().dataset("mosi").models("A", "B").build(records());
        ResultTable.Row a = t.rows().get(0);
        // {l} MAE: 0.9, 1.0, 1.1 -> mean 1.0; deviations -0.1, 0, 0.1 -> sqrt(0.02 / 2) = 0.1
        SeedSummary l = a.cells().get(0).summary();
        assertEquals(1.0, l.mean(), 1e-12);
        assertEquals(0.1, l.std(), 1e-12);
        assertEquals(3, l.n());
        assertEquals("1.000 ± 0.100", t.cellText(a, 0, TableGlyphs.UNICODE));
        // {l} F1 x100: 80, 81, 85 -> mean 82; deviations -2, -1, 3 -> sqrt(14 / 2) = sqrt(7) = 2.6458
        assertEquals(82.0, a.cells().get(1).summary().mean(), 1e-9);
        assertEquals(Math.sqrt(7), a.cells().get(1).summary().std(), 1e-9);
        assertEquals("82.00 ± 2.65", t.cellText(a, 1, TableGlyphs.UNICODE));
        // Avg. MAE: per seed mean of (1..6) + 0.1 (s - 2) = 3.4, 3.5, 3.6 -> 3.5 ± 0.1
        assertEquals("3.500 ± 0.100", t.cellText(a, 12, TableGlyphs.UNICODE));
        // {l,a,v} MAE: 0.7, 0.8, 0.9
        assertEquals("0.800 ± 0.100", t.cellText(a, 14, TableGlyphs.UNICODE));
        // B's Avg. MAE per seed: 3.5, 3.7, 4.0 -> mean 3.7333; deviations -0.2333, -0.0333, 0.2667
        // -> sum of squares 0.05444 + 0.00111 + 0.07111 = 0.12667; / 2 -> 0.06333; sqrt 0.25166
        assertEquals("3.733 ± 0.252", t.cellText(t.rows().get(1), 12, TableGlyphs.UNICODE));
        assertTrue(t.notes().get(0).equals("Each cell: mean ± sample standard deviation (ddof = 1) over seeds 1, 2, 3 (n = 3)."),
                t.notes().get(0));
        assertTrue(t.notes().contains("Avg.: for each seed, the mean over {l}, {a}, {v}, {l,a}, {l,v}, {a,v}; then mean ± std over seeds."),
                String.join("\n", t.notes()));
    }

    @Test
    void pairedTestOnPerSeedAverage() {
        ResultTable t = ResultTable.byCondition().dataset("mosi").models("A", "B").metrics(Metric.MAE)
                .compare("A", "B").build(records());
        // per-seed Avg. differences A - B = -0.1, -0.2, -0.4: mean -7/30, t^2 = 7 with 2 degrees of freedom,
        // two-sided p = 1 - |t| / sqrt(t^2 + 2) = 1 - sqrt(7) / 3 = 0.1181;
        // Wilcoxon: all three differences negative, W = 6 = max -> exact p = 2 * 1/8 = 0.25
        String note = t.notes().get(t.notes().size() - 1);
        assertEquals("Paired test, A vs B, per-seed Avg. MAE over seeds 1, 2, 3 (n = 3): mean difference -0.233;"
                + " paired t-test p = " + String.format(java.util.Locale.ROOT, "%.4f", 1 - Math.sqrt(7) / 3)
                + "; Wilcoxon signed-rank exact p = 0.2500.", note);
    }

    @Test
    void pValuesOfATableAreHolmAdjustedBesideTheRawOnes() {
        // C = A's MAE plus twice B's offsets: the same t statistic and signs, so the same raw p-values as A vs B
        List<ResultRecord> rs = new ArrayList<>(records());
        double[] offsetC = {0.2, 0.4, 0.8};
        for (ResultRecord r : records()) {
            if (r.model().equals("A") && r.rate() == 0.0) {
                rs.add(record("C", r.seed(), r.condition(), 0.0, "mae", r.metric("mae") + offsetC[(int) r.seed() - 1], "f1_non0", 0.8));
            }
        }
        ResultTable t = ResultTable.byCondition().dataset("mosi").models("A", "B", "C").metrics(Metric.MAE)
                .compare("A", "B").compare("A", "C").build(rs);
        // two tests with p = 1 - sqrt(7)/3 each: Holm gives 2p to the first and max(2p, p) = 2p to the second;
        // Wilcoxon 0.25 each -> 0.5
        String p = String.format(java.util.Locale.ROOT, "%.4f", 1 - Math.sqrt(7) / 3);
        String holm = String.format(java.util.Locale.ROOT, "%.4f", 2 * (1 - Math.sqrt(7) / 3));
        List<String> notes = t.notes();
        assertEquals("Paired test, A vs B, per-seed Avg. MAE over seeds 1, 2, 3 (n = 3): mean difference -0.233; paired t-test p = " + p
                + ", Holm " + holm + "; Wilcoxon signed-rank exact p = 0.2500, Holm 0.5000.", notes.get(notes.size() - 3));
        assertEquals("Paired test, A vs C, per-seed Avg. MAE over seeds 1, 2, 3 (n = 3): mean difference -0.467; paired t-test p = " + p
                + ", Holm " + holm + "; Wilcoxon signed-rank exact p = 0.2500, Holm 0.5000.", notes.get(notes.size() - 2));
        assertTrue(notes.get(notes.size() - 1).startsWith("Holm: each p-value is followed by its Holm adjustment over the 2 paired tests"),
                notes.get(notes.size() - 1));
    }

    @Test
    void absentModalityShowsNotApplicableAndNarrowsTheAverage() {
        List<ResultRecord> rs = records().stream().filter(r -> !r.condition().contains("v")).toList();
        ResultTable t = ResultTable.byCondition().dataset("mosi").models("A")
                .availableModalities(EnumSet.of(Modality.LANGUAGE, Modality.AUDIO)).build(rs);
        ResultTable.Row a = t.rows().get(0);
        List<String> mae = new ArrayList<>();
        for (int i = 0; i < 16; i += 2) {
            mae.add(t.cellText(a, i, TableGlyphs.UNICODE));
        }
        // Avg. over {l}, {a} only: per seed (1 + 2) / 2 + 0.1 (s - 2) = 1.4, 1.5, 1.6
        assertEquals(List.of("1.000 ± 0.100", "2.000 ± 0.100", "n/a", "4.000 ± 0.100", "n/a", "n/a",
                "1.500 ± 0.100", "n/a"), mae);
        assertTrue(t.notes().contains("Avg.: for each seed, the mean over {l}, {a}; then mean ± std over seeds."));
        assertTrue(t.notes().contains("n/a: the condition needs a modality mosi does not have (it has language, audio)."));
    }

    @Test
    void singleSeedShowsMeanOnlyAndSaysWhy() {
        List<ResultRecord> rs = records().stream().filter(r -> r.seed() == 1 && r.model().equals("A")).toList();
        ResultTable t = ResultTable.byCondition().dataset("mosi").models("A").build(rs);
        assertEquals("0.900", t.cellText(t.rows().get(0), 0, TableGlyphs.UNICODE));
        assertEquals("80.00", t.cellText(t.rows().get(0), 1, TableGlyphs.UNICODE));
        assertEquals("Each cell is the result of a single seed (1): the sample standard deviation is undefined"
                + " for n = 1, so no ± is shown.", t.notes().get(0));
    }

    @Test
    void seedMissingAConditionIsLeftOutOfTheAverage() {
        List<ResultRecord> rs = records().stream()
                .filter(r -> r.model().equals("A") && !(r.seed() == 3 && r.condition().equals("av"))).toList();
        ResultTable t = ResultTable.byCondition().dataset("mosi").models("A", "C").build(rs);
        // Avg. from seeds 1, 2 only: 3.4, 3.5 -> 3.45 ± sqrt(0.005) = 0.0707
        assertEquals("3.450 ± 0.071", t.cellText(t.rows().get(0), 12, TableGlyphs.UNICODE));
        assertEquals("2.000 ± 0.100", t.cellText(t.rows().get(0), 2, TableGlyphs.UNICODE)); // {a}: all three seeds
        assertTrue(t.notes().contains("Avg. of A leaves out seed 3: not every averaged condition has a result for it."));
        assertTrue(t.notes().get(0).contains("(n = 2 to 3 per cell)"), t.notes().get(0));
        // model C has no records at all
        assertEquals("—", t.cellText(t.rows().get(1), 0, TableGlyphs.UNICODE));
        assertEquals(Cell.Status.MISSING, t.rows().get(1).cells().get(12).status());
    }

    @Test
    void multiLabelRowsPerEmotion() {
        List<ResultRecord> rs = new ArrayList<>();
        for (int s = 1; s <= 2; s++) {
            for (String c : List.of("l", "a", "v", "la", "lv", "av", "lav")) {
                rs.add(TestRecords.recordOn("iemocap", "UMDF", s, c, 0.0, "acc_happy", 0.9, "f1_happy", 0.80 + 0.02 * s,
                        "acc_sad", 0.8, "f1_sad", 0.7));
            }
        }
        ResultTable t = ResultTable.byCondition().dataset("iemocap").models("UMDF").labels(List.of("happy", "sad"))
                .build(rs);
        assertTrue(t.hasRowLabels());
        assertEquals(8, t.columns().size());
        assertEquals("{l} F1", t.columns().get(0).flatHeader());
        assertEquals(List.of("happy", "sad"), t.rows().stream().map(ResultTable.Row::label).toList());
        // happy: 82, 84 -> 83 ± sqrt(2) = 1.414
        assertEquals("83.0 ± 1.4", t.cellText(t.rows().get(0), 0, TableGlyphs.UNICODE));
        assertEquals("70.0 ± 0.0", t.cellText(t.rows().get(1), 6, TableGlyphs.UNICODE));
    }

    @Test
    void mistakesAreReported() {
        assertThrows(IllegalStateException.class, () -> ResultTable.byCondition().models("A").build(records()));
        assertThrows(IllegalStateException.class, () -> ResultTable.byCondition().dataset("mosi").build(records()));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ResultTable.byCondition().dataset("mosi").models("A").compare("A", "Z").build(records()));
        assertEquals("cannot compare Z: not one of the models [A]", e.getMessage());
        List<ResultRecord> dup = new ArrayList<>(records());
        dup.add(record("A", 1, "l", 0.0, "mae", 1.0, "f1_non0", 0.5));
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class,
                () -> ResultTable.byCondition().dataset("mosi").models("A").build(dup));
        assertEquals("two results for A on mosi, seed 1, condition l, rate 0.0", d.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class,
                () -> ResultTable.byCondition().dataset("mosi").models("A").metrics(Metric.ACC7).build(records()));
        assertTrue(m.getMessage().startsWith("no metric 'acc7' in the record of A on mosi, seed 1, condition l"),
                m.getMessage());
    }
}
