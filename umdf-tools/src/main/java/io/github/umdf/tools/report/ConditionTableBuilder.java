package io.github.umdf.tools.report;

import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.evaluation.metrics.Metric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds the paper's inter-modality table (Tables 1-3): rows = models (times labels for
 * multi-label data), column groups = {l}, {a}, {v}, {l,a}, {l,v}, {a,v}, Avg., {l,a,v}, each
 * cell the mean and sample std (ddof = 1) over seeds of the chosen metrics at one frame missing
 * rate (default p = 0, whole modalities dropped only).
 *
 * <p><b>Avg.</b> is computed per seed first, as the mean of the metric over the incomplete
 * conditions, and then summarised over seeds, so its std is the spread of the seed averages (not
 * a mixture of the per-condition spreads). A seed without results for every one of those
 * conditions is left out of Avg. and the notes say so.
 *
 * <p><b>n/a:</b> a condition that needs a modality the data set does not have shows "n/a",
 * never a number. For such a data set Avg. runs over its applicable conditions other than its
 * own complete one (e.g. {l}, {a} for a language+audio data set), and the notes list them.
 *
 * <p><b>Significance:</b> {@link #compare(String, String)} adds, for every (label, metric), a
 * paired test of the two models' per-seed Avg. values over their common seeds
 * ({@link PairedSignificance}) to the notes.
 */
public final class ConditionTableBuilder extends AbstractTableBuilder<ConditionTableBuilder> {

    /** The header of the average column. */
    public static final String AVERAGE = "Avg.";

    private Set<Modality> available = EnumSet.allOf(Modality.class);
    private double rate = 0.0;
    private final List<String[]> comparisons = new ArrayList<>();

    ConditionTableBuilder() {
    }

    /** The modalities the data set has; conditions needing another one show "n/a". All three unless set. */
    public ConditionTableBuilder availableModalities(Set<Modality> available) {
        if (available == null || available.isEmpty()) {
            throw new IllegalArgumentException("expected at least one available modality, got " + available);
        }
        this.available = EnumSet.copyOf(available);
        return this;
    }

    /** The frame missing rate of the records to tabulate; 0 unless set. */
    public ConditionTableBuilder rate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("expected a missing rate in [0, 1], got " + rate);
        }
        this.rate = rate;
        return this;
    }

    /** Adds a paired significance test of model {@code a} against model {@code b} on the per-seed Avg. */
    public ConditionTableBuilder compare(String a, String b) {
        if (a == null || b == null || a.equals(b)) {
            throw new IllegalArgumentException("expected two different models to compare, got " + a + " and " + b);
        }
        comparisons.add(new String[] {a, b});
        return this;
    }

    /**
     * Builds the table from the records (records of other data sets or rates are ignored).
     *
     * @throws IllegalArgumentException for duplicate records or a record lacking a needed metric
     * @throws IllegalStateException    when the data set or models are not set, or a compared model is not a row
     */
    public ResultTable build(Collection<ResultRecord> records) {
        startBuild();
        ResultIndex index = new ResultIndex(records);
        String dataset = dataset();
        List<String> models = models();
        List<Metric> metrics = metricColumns();
        List<ModalitySubset> conditions = ModalitySubset.PAPER_CONDITIONS;
        List<ModalitySubset> averaged = conditions.stream()
                .filter(c -> c.applicableTo(available) && !c.isComplete(available)).collect(Collectors.toList());

        List<ResultTable.ColumnGroup> groups = new ArrayList<>();
        for (ModalitySubset c : conditions) {
            if (c.size() == Modality.values().length) {
                groups.add(new ResultTable.ColumnGroup(AVERAGE, metrics));
            }
            groups.add(new ResultTable.ColumnGroup(c.braces(), metrics));
        }

        List<String> avgNotes = new ArrayList<>();
        List<ResultTable.Row> rows = new ArrayList<>();
        for (String model : models) {
            for (String label : rowLabels()) {
                List<Cell> cells = new ArrayList<>();
                for (ModalitySubset c : conditions) {
                    if (c.size() == Modality.values().length) {
                        for (Metric m : metrics) {
                            cells.add(averaged.isEmpty() ? Cell.NOT_APPLICABLE
                                    : cell(averageBySeed(index, model, label, m, averaged, avgNotes), m));
                        }
                    }
                    for (Metric m : metrics) {
                        cells.add(c.applicableTo(available)
                                ? cell(index.metricBySeed(model, dataset, c.code(), rate, m.resultKey(label)), m)
                                : Cell.NOT_APPLICABLE);
                    }
                }
                rows.add(new ResultTable.Row(model, label, cells));
            }
        }

        List<String> notes = standardNotes();
        notes.add(averageNote(averaged));
        if (!available.containsAll(EnumSet.allOf(Modality.class))) {
            notes.add("n/a: the condition needs a modality " + dataset + " does not have (it has "
                    + available.stream().map(Modality::key).collect(Collectors.joining(", ")) + ").");
        }
        notes.add("Frame missing rate p = " + rate + " within the kept modalities"
                + (rate == 0 ? " (whole modalities dropped only)." : "."));
        avgNotes.stream().distinct().forEach(notes::add);
        List<Significance> tests = new ArrayList<>();
        for (String[] pair : comparisons) {
            for (String model : pair) {
                if (!models.contains(model)) {
                    throw new IllegalStateException("cannot compare " + model + ": not one of the models " + models);
                }
            }
            for (String label : rowLabels()) {
                for (Metric m : metrics) {
                    tests.add(significance(index, pair[0], pair[1], label, m, averaged));
                }
            }
        }
        notes.addAll(significanceNotes(tests));
        String title = titleOr("Performance under inter-modality missingness on " + dataset);
        return new ResultTable(title, labelHeaderOrNull(), groups, rows, notes);
    }

    /**
     * The per-seed mean over the averaged conditions (unscaled), for the seeds that have all of
     * them; the seeds left out are reported in {@code notes}.
     */
    private SortedMap<Long, Double> averageBySeed(ResultIndex index, String model, String label, Metric metric,
                                                 List<ModalitySubset> averaged, List<String> notes) {
        Map<ModalitySubset, SortedMap<Long, Double>> perCondition = new LinkedHashMap<>();
        TreeSet<Long> all = new TreeSet<>();
        for (ModalitySubset c : averaged) {
            SortedMap<Long, Double> v = index.metricBySeed(model, dataset(), c.code(), rate, metric.resultKey(label));
            perCondition.put(c, v);
            all.addAll(v.keySet());
        }
        TreeMap<Long, Double> out = new TreeMap<>();
        List<Long> leftOut = new ArrayList<>();
        for (long seed : all) {
            double sum = 0;
            boolean complete = true;
            for (SortedMap<Long, Double> v : perCondition.values()) {
                Double x = v.get(seed);
                if (x == null) {
                    complete = false;
                    break;
                }
                sum += x;
            }
            if (complete) {
                out.put(seed, sum / averaged.size());
            } else {
                leftOut.add(seed);
            }
        }
        if (!leftOut.isEmpty()) {
            notes.add(AVERAGE + " of " + rowName(model, label) + " leaves out seed" + (leftOut.size() == 1 ? " " : "s ")
                    + leftOut.stream().map(String::valueOf).collect(Collectors.joining(", "))
                    + ": not every averaged condition has a result for " + (leftOut.size() == 1 ? "it." : "them."));
        }
        return out;
    }

    private static String averageNote(List<ModalitySubset> averaged) {
        if (averaged.isEmpty()) {
            return AVERAGE + " is n/a: the data set has a single modality, so no condition is missing one.";
        }
        return AVERAGE + ": for each seed, the mean over "
                + averaged.stream().map(ModalitySubset::braces).collect(Collectors.joining(", "))
                + "; then mean ± std over seeds.";
    }

    /** One paired comparison of the table: its description, and its result when computable. */
    private record Significance(String head, PairedTestResult result, int decimals) {
    }

    private Significance significance(ResultIndex index, String a, String b, String label, Metric metric, List<ModalitySubset> averaged) {
        String head = "Paired test, " + a + " vs " + b + ", per-seed " + AVERAGE + " " + metric.header()
                + (label == null ? "" : " (" + label + ")");
        if (averaged.isEmpty()) {
            return new Significance(head + ": not computable (no " + AVERAGE + " column).", null, metric.decimals());
        }
        List<String> sink = new ArrayList<>();
        SortedMap<Long, Double> va = averageBySeed(index, a, label, metric, averaged, sink);
        SortedMap<Long, Double> vb = averageBySeed(index, b, label, metric, averaged, sink);
        TreeSet<Long> common = new TreeSet<>(va.keySet());
        common.retainAll(vb.keySet());
        double[] xa = common.stream().mapToDouble(s -> va.get(s) * metric.scale()).toArray();
        double[] xb = common.stream().mapToDouble(s -> vb.get(s) * metric.scale()).toArray();
        String seeds = common.isEmpty() ? "no common seeds"
                : "seeds " + common.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (common.stream().anyMatch(s -> Double.isNaN(va.get(s)) || Double.isNaN(vb.get(s)))) {
            return new Significance(head + " over " + seeds + ": not computable (the metric is NaN for some seed).", null,
                    metric.decimals());
        }
        PairedTestResult r = PairedSignificance.test(xa, xb);
        return new Significance(head + " over " + seeds + " (n = " + r.n() + ")", r, metric.decimals());
    }

    /**
     * The notes of the table's paired tests, each p-value shown raw and Holm-adjusted over the table's tests
     * of its kind (the t-tests together, the Wilcoxon tests together), and a note saying so.
     */
    static List<String> significanceNotes(List<Significance> tests) {
        double[] t = tests.stream().mapToDouble(s -> s.result() == null ? Double.NaN : s.result().tTestP()).toArray();
        double[] w = tests.stream().mapToDouble(s -> s.result() == null ? Double.NaN : s.result().wilcoxonP()).toArray();
        long m = java.util.Arrays.stream(t).filter(p -> !Double.isNaN(p)).count();
        double[] tAdjusted = m > 1 ? Holm.adjust(t) : new double[t.length];
        double[] wAdjusted = m > 1 ? Holm.adjust(w) : new double[w.length];
        if (m <= 1) {
            java.util.Arrays.fill(tAdjusted, Double.NaN); // one test: nothing to adjust for
            java.util.Arrays.fill(wAdjusted, Double.NaN);
        }
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) {
            Significance s = tests.get(i);
            notes.add(s.result() == null ? s.head() : s.head() + ": " + s.result().describe(s.decimals(), tAdjusted[i], wAdjusted[i]) + ".");
        }
        if (m > 1) {
            notes.add("Holm: each p-value is followed by its Holm adjustment over the " + m + " paired tests of this table "
                    + "(t-tests and Wilcoxon tests adjusted separately); comparisons chosen after seeing test results are exploratory.");
        }
        return notes;
    }
}
