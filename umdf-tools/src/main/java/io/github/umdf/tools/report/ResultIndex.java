package io.github.umdf.tools.report;

import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.tribuo.evaluation.ResultRecord;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Result records addressed by (model, dataset, condition, rate, seed). Rates are matched to
 * 1e-9, so {@code 0.1} and {@code 0.30000000000000004} find {@code 0.1} and {@code 0.3}.
 * Two records at the same address are an error: a table must never depend on which one
 * happens to come first.
 */
public final class ResultIndex {

    private record Address(String model, String dataset, String condition, long rate) {
    }

    private final Map<Address, SortedMap<Long, ResultRecord>> bySeed = new HashMap<>();
    private final TreeSet<Double> rates = new TreeSet<>();

    /**
     * Indexes the records.
     *
     * @throws IllegalArgumentException naming a duplicated record
     */
    public ResultIndex(Collection<ResultRecord> records) {
        for (ResultRecord r : Objects.requireNonNull(records, "records")) {
            SortedMap<Long, ResultRecord> seeds = bySeed.computeIfAbsent(
                    address(r.model(), r.dataset(), r.condition(), r.rate()), a -> new TreeMap<>());
            if (seeds.putIfAbsent(r.seed(), r) != null) {
                throw new IllegalArgumentException("two results for " + r.describe());
            }
            rates.add(Math.round(r.rate() * 1e9) / 1e9);
        }
    }

    /**
     * The records of one model, data set, condition and rate, keyed by seed in ascending order;
     * empty when there are none.
     */
    public SortedMap<Long, ResultRecord> bySeed(String model, String dataset, String condition, double rate) {
        SortedMap<Long, ResultRecord> m = bySeed.get(address(model, dataset, condition, rate));
        return m == null ? new TreeMap<>() : new TreeMap<>(m);
    }

    /** One metric per seed (unscaled), in ascending seed order; empty when there are no records. */
    public SortedMap<Long, Double> metricBySeed(String model, String dataset, String condition, double rate, String key) {
        TreeMap<Long, Double> out = new TreeMap<>();
        bySeed(model, dataset, condition, rate).forEach((seed, r) -> out.put(seed, r.metric(key)));
        return out;
    }

    /** The mean and sample std over seeds of one metric, when there is at least one record. */
    public Optional<SeedSummary> summary(String model, String dataset, String condition, double rate, String key) {
        SortedMap<Long, Double> values = metricBySeed(model, dataset, condition, rate, key);
        return values.isEmpty() ? Optional.empty()
                : Optional.of(SeedSummary.of(values.values().stream().mapToDouble(Double::doubleValue).toArray()));
    }

    /** Every rate present in the records (rounded to 1e-9), ascending. */
    public TreeSet<Double> rates() {
        return new TreeSet<>(rates);
    }

    private static Address address(String model, String dataset, String condition, double rate) {
        return new Address(model, dataset, ModalitySubset.parse(condition).code(),
                Math.round(rate * 1e9));
    }
}
