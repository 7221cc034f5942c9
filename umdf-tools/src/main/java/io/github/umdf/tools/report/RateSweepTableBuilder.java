package io.github.umdf.tools.report;

import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.evaluation.metrics.Metric;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Builds the intra-modality rate-sweep table, the numbers behind the paper's Figures 3-5:
 * rows = models (times labels for multi-label data), column groups = frame missing rates p,
 * cells = mean and sample std (ddof = 1) over seeds at one condition (default {l,a,v}: every
 * modality kept, frames of each dropped independently with probability p).
 */
public final class RateSweepTableBuilder extends AbstractTableBuilder<RateSweepTableBuilder> {

    private String condition = "lav";
    private List<Double> rates;

    RateSweepTableBuilder() {
    }

    /** The modalities kept ({@code lav} unless set). */
    public RateSweepTableBuilder condition(String condition) {
        this.condition = ModalitySubset.parse(condition).code();
        return this;
    }

    /** The rates to show, in this order; every rate of the data set's records at the condition unless set. */
    public RateSweepTableBuilder rates(List<Double> rates) {
        for (double r : rates) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("expected missing rates in [0, 1], got " + r);
            }
        }
        this.rates = List.copyOf(rates);
        return this;
    }

    /**
     * Builds the table from the records (records of other data sets or conditions are ignored).
     *
     * @throws IllegalArgumentException for duplicate records or a record lacking a needed metric
     * @throws IllegalStateException    when the data set or models are not set
     */
    public ResultTable build(Collection<ResultRecord> records) {
        startBuild();
        ResultIndex index = new ResultIndex(records);
        String dataset = dataset();
        List<String> models = models();
        List<Metric> metrics = metricColumns();
        List<Double> columns = rates != null ? rates : ratesOf(records, dataset, condition);

        List<ResultTable.ColumnGroup> groups = new ArrayList<>();
        for (double p : columns) {
            groups.add(new ResultTable.ColumnGroup("p = " + p, metrics));
        }
        List<ResultTable.Row> rows = new ArrayList<>();
        for (String model : models) {
            for (String label : rowLabels()) {
                List<Cell> cells = new ArrayList<>();
                for (double p : columns) {
                    for (Metric m : metrics) {
                        cells.add(cell(index.metricBySeed(model, dataset, condition, p, m.resultKey(label)), m));
                    }
                }
                rows.add(new ResultTable.Row(model, label, cells));
            }
        }
        List<String> notes = standardNotes();
        notes.add("Condition " + ModalitySubset.parse(condition).braces() + ": every frame of each kept modality"
                + " dropped independently with probability p.");
        String title = titleOr("Performance under intra-modality missingness on " + dataset);
        return new ResultTable(title, labelHeaderOrNull(), groups, rows, notes);
    }

    private static List<Double> ratesOf(Collection<ResultRecord> records, String dataset, String condition) {
        TreeSet<Double> out = new TreeSet<>();
        for (ResultRecord r : records) {
            if (r.dataset().equals(dataset) && r.condition().equals(condition)) {
                out.add(Math.round(r.rate() * 1e9) / 1e9);
            }
        }
        return new ArrayList<>(out);
    }
}
