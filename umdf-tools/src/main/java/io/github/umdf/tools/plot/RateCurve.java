package io.github.umdf.tools.plot;

import io.github.umdf.tools.report.ResultIndex;
import io.github.umdf.tools.report.SeedSummary;
import io.github.umdf.tribuo.evaluation.ResultRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;

/**
 * One model's curve of a metric against the frame missing rate p: the mean over seeds and the
 * sample standard deviation (ddof = 1; NaN where a rate has a single seed), already scaled for
 * display.
 *
 * @param name  series name (the model)
 * @param rates missing rates, ascending
 * @param means mean over seeds at each rate
 * @param stds  sample std over seeds at each rate; NaN for a single seed
 */
public record RateCurve(String name, double[] rates, double[] means, double[] stds) {

    /** Checks that the arrays have equal lengths and copies them. */
    public RateCurve {
        Objects.requireNonNull(name, "name");
        if (rates.length != means.length || rates.length != stds.length) {
            throw new IllegalArgumentException("curve " + name + ": expected equal numbers of rates, means and stds, got "
                    + rates.length + ", " + means.length + " and " + stds.length);
        }
        rates = rates.clone();
        means = means.clone();
        stds = stds.clone();
    }

    /** The missing rates (a copy). */
    @Override
    public double[] rates() {
        return rates.clone();
    }

    /** The means (a copy). */
    @Override
    public double[] means() {
        return means.clone();
    }

    /** The sample standard deviations (a copy). */
    @Override
    public double[] stds() {
        return stds.clone();
    }

    /**
     * The curves of several models from result records: for each model, every rate (ascending)
     * with at least one record of the data set and condition, summarised over seeds.
     *
     * @param records   all records (others are ignored)
     * @param dataset   the data set
     * @param condition the modalities kept ({@code lav} for the paper's sweeps)
     * @param models    one curve per model, in this order (a model without records gives an empty curve)
     * @param metricKey the metric ({@code mae}, {@code f1_non0}, {@code f1_happy})
     * @param scale     display factor (100 for percentages)
     */
    public static List<RateCurve> fromRecords(Collection<ResultRecord> records, String dataset, String condition,
                                              List<String> models, String metricKey, double scale) {
        ResultIndex index = new ResultIndex(records);
        List<RateCurve> out = new ArrayList<>();
        for (String model : models) {
            List<double[]> points = new ArrayList<>();
            for (double p : index.rates()) {
                SortedMap<Long, Double> v = index.metricBySeed(model, dataset, condition, p, metricKey);
                if (!v.isEmpty()) {
                    SeedSummary s = SeedSummary.of(v.values().stream().mapToDouble(Double::doubleValue).toArray())
                            .scaled(scale);
                    points.add(new double[] {p, s.mean(), s.std()});
                }
            }
            out.add(new RateCurve(model,
                    points.stream().mapToDouble(x -> x[0]).toArray(),
                    points.stream().mapToDouble(x -> x[1]).toArray(),
                    points.stream().mapToDouble(x -> x[2]).toArray()));
        }
        return out;
    }
}
