package io.github.umdf.tools.protocol;

import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.tribuo.evaluation.ProtocolKind;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an experiment runs: every model under every seed on one data set, evaluated by the same
 * protocol with the same masks, into one output folder.
 *
 * @param data     the data set
 * @param models   the models, in table order (the first is compared with each other one)
 * @param seeds    the seeds (training seed and evaluation-mask seed of each run)
 * @param protocol inter, intra or all
 * @param rates    missing rates of the sweep
 * @param outDir   the folder of the results; finished runs found there are not redone
 * @param metrics  metric keys of the table columns, or empty for the task's default (MAE and F1)
 */
public record ExperimentPlan(DataSpec data, List<Entry> models, List<Long> seeds, ProtocolKind protocol, List<Double> rates,
                             Path outDir, List<String> metrics) {
    /** A plan with the task's default table columns. */
    public ExperimentPlan(DataSpec data, List<Entry> models, List<Long> seeds, ProtocolKind protocol, List<Double> rates, Path outDir) {
        this(data, models, seeds, protocol, rates, outDir, List.of());
    }

    public ExperimentPlan {
        metrics = List.copyOf(metrics);
        Objects.requireNonNull(data);
        if (models.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("An experiment needs at least one model and one seed, got " + models + " and " + seeds);
        }
        models = List.copyOf(models);
        seeds = List.copyOf(seeds);
        rates = List.copyOf(rates);
        if (models.stream().map(Entry::name).distinct().count() != models.size()) {
            throw new IllegalArgumentException("Model names must be unique in an experiment, got " + models.stream().map(Entry::name).toList());
        }
    }

    /** One model of the plan: its name in the tables, its network and training settings. */
    public record Entry(String name, ModelSpec spec, TrainingConfig training) {
        public Entry {
            Objects.requireNonNull(name);
            Objects.requireNonNull(spec);
            Objects.requireNonNull(training);
        }
    }

    /** The seeds 1..n. */
    public static List<Long> seeds(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Expected at least one seed, got " + n);
        }
        Long[] s = new Long[n];
        for (int i = 0; i < n; i++) {
            s[i] = (long) (i + 1);
        }
        return List.of(s);
    }
}
