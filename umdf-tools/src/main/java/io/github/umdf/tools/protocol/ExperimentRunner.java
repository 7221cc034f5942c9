package io.github.umdf.tools.protocol;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.tools.report.ResultTable;
import io.github.umdf.tools.report.TableFormat;
import io.github.umdf.tribuo.evaluation.EvaluationCondition;
import io.github.umdf.tribuo.evaluation.ProtocolKind;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.evaluation.ResultsJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs an {@link ExperimentPlan}: for every seed and model, trains through Tribuo (model selection
 * on the valid split), evaluates on the test split with the protocol's masks, and writes the run's
 * {@code model.umdf}, {@code PRED.csv} and {@code RESULTS.json} into
 * {@code <out>/runs/<model>/seed-<seed>/}; then aggregates every run into {@code <out>/RESULTS.json},
 * the tables (Markdown, CSV, JSON, LaTeX) and the rate-curve figures.
 *
 * <p>The pieces are separable so that every engine shares them: this class decides which runs are
 * due and writes what comes back; a {@link PlannedRun} is one (model, seed) run, wherever it runs; a
 * {@link RunFolder} is what it produced; an {@link ExperimentEngine} carries the runs out (in this
 * process by default, {@link SequentialEngine}; as Spark tasks with the {@code umdf-spark} module).
 * Whatever the engine, the run folders are written here, as each run finishes, and the tables from
 * the records in plan order, so the files are the same.
 *
 * <p>Resuming: a run is finished when its {@code RESULTS.json} exists (it is written last, atomically).
 * An experiment started again skips finished runs and redoes unfinished ones from scratch; since a
 * run is a deterministic function of its seed (on one device), the final tables equal those of an
 * uninterrupted experiment. Each run folder records what it was asked to do in {@code run.json}
 * (model, seed, network and training settings, data, conditions): a finished run whose settings
 * differ from the plan's is an error, never silently reused.
 *
 * <p>Runs that fail for good (an engine that goes on after a failure, such as Spark's) leave the
 * tables of the finished runs written and marked incomplete, and {@value #INCOMPLETE} naming each
 * missing run with its cause; a complete experiment removes that file.
 */
public final class ExperimentRunner {
    private static final Logger LOG = Logger.getLogger(ExperimentRunner.class.getName());

    /** File names inside a run folder and the output folder. */
    public static final String RESULTS = "RESULTS.json";
    public static final String PREDICTIONS = "PRED.csv";
    public static final String MODEL = "model.umdf";
    /** Per condition the SHA-256 of the evaluation masks a run was scored on. */
    public static final String MASKS = "MASKS.json";
    /** What a run was asked to do; a resumed run must match it. */
    public static final String RUN = "run.json";
    /** In the output folder while runs are missing from the tables: one line per missing run with its cause. */
    public static final String INCOMPLETE = "INCOMPLETE.txt";

    private final ExperimentEngine engine;

    /** An experiment runner with the {@link SequentialEngine}. */
    public ExperimentRunner(TrainingListener listener) {
        this(new SequentialEngine(listener));
    }

    /** An experiment runner whose runs the given engine carries out. */
    public ExperimentRunner(ExperimentEngine engine) {
        this.engine = Objects.requireNonNull(engine);
    }

    /**
     * What an experiment produced.
     *
     * @param failures the runs that failed for good (their results are missing from the tables)
     */
    public record Outcome(List<ResultRecord> records, Optional<ResultTable> conditionTable, Optional<ResultTable> rateTable,
                          List<Path> files, MultimodalDataset dataset, List<ExperimentEngine.RunFailure> failures) {
        public Outcome {
            failures = List.copyOf(failures);
        }

        /** Whether every run of the plan is in the tables. */
        public boolean complete() {
            return failures.isEmpty();
        }
    }

    /** The folder of one run. */
    public static Path runDir(Path outDir, String model, long seed) {
        return outDir.resolve("runs").resolve(model).resolve("seed-" + seed);
    }

    /** Runs the plan (resuming finished runs) and writes the aggregate outputs. */
    public Outcome run(ExperimentPlan plan) throws IOException {
        Files.createDirectories(plan.outDir());
        MultimodalDataset dataset = plan.data().load();
        String datasetName = plan.data().name();
        List<EvaluationCondition> conditions = plan.protocol().conditions(dataset.schema().modalities(), plan.rates());
        ProtocolKind.notApplicable(dataset.schema().modalities()).forEach(c ->
                LOG.info("not applicable on " + datasetName + " (a modality is absent): " + c.braces()));

        Map<String, List<ResultRecord>> byRun = new HashMap<>();
        List<PlannedRun> due = new ArrayList<>();
        int total = plan.seeds().size() * plan.models().size();
        for (long seed : plan.seeds()) {
            for (ExperimentPlan.Entry entry : plan.models()) {
                Path dir = runDir(plan.outDir(), entry.name(), seed);
                Path results = dir.resolve(RESULTS);
                String fingerprint = fingerprint(plan, entry, seed, conditions, dataset);
                if (Files.isRegularFile(results)) {
                    Path run = dir.resolve(RUN);
                    String recorded = Files.isRegularFile(run) ? Files.readString(run) : null;
                    Optional<List<String>> added = fingerprint.equals(recorded) ? Optional.of(List.of())
                            : recorded == null ? Optional.empty() : NewDefaults.added(recorded, fingerprint, defaults(entry));
                    if (added.isEmpty()) {
                        throw new IllegalStateException(dir + " holds the results of a run with other settings ("
                                + fingerprintDifference(recorded, fingerprint) + "): use another --out folder, or delete that run "
                                + "folder to redo it");
                    }
                    LOG.info(String.format(Locale.ROOT, "%s seed %d: finished earlier, read from %s%s", entry.name(), seed, results,
                            added.get().isEmpty() ? "" : " (recorded before these settings existed; they are at their defaults now: "
                                    + String.join(", ", added.get()) + ")"));
                    byRun.put(key(entry.name(), seed), ResultsJson.read(results));
                    continue;
                }
                due.add(new PlannedRun(entry.name(), entry.spec(), entry.training(), seed, plan.protocol(), plan.rates(), datasetName,
                        fingerprint, 0));
            }
        }
        if (!due.isEmpty()) {
            LOG.info(String.format(Locale.ROOT, "%d of %d runs to do (%d finished earlier)", due.size(), total, total - due.size()));
        }
        Progress progress = new Progress(due.size());
        List<ExperimentEngine.RunFailure> failures = engine.execute(new ExperimentEngine.Job(plan, dataset, due), folder -> {
            folder.write(runDir(plan.outDir(), folder.model(), folder.seed()));
            byRun.put(key(folder.model(), folder.seed()), folder.records());
            progress.finished(folder);
        });
        for (ExperimentEngine.RunFailure f : failures) {
            LOG.severe("run failed for good: " + f.describe());
        }
        List<ResultRecord> all = new ArrayList<>();
        for (long seed : plan.seeds()) {
            for (ExperimentPlan.Entry entry : plan.models()) {
                all.addAll(byRun.getOrDefault(key(entry.name(), seed), List.of()));
            }
        }
        return aggregate(plan, all, dataset, failures);
    }

    private static String key(String model, long seed) {
        return model + " seed " + seed;
    }

    /** Runs done / due with the time of each as they finish, and the time left at the pace so far. */
    private static final class Progress {
        private final int due;
        private final long start = System.nanoTime();
        private int done;

        Progress(int due) {
            this.due = due;
        }

        void finished(RunFolder folder) {
            done++;
            double elapsed = (System.nanoTime() - start) / 1e9;
            String left = done < due ? String.format(Locale.ROOT, ", about %s left", duration(elapsed / done * (due - done))) : "";
            LOG.info(String.format(Locale.ROOT, "[%d/%d runs done] %s seed %d: finished in %s%s", done, due, folder.model(),
                    folder.seed(), duration(folder.seconds()), left));
        }
    }

    /**
     * A run's identity: model name, seed, network and training settings (their OLCUT provenance),
     * the data (preset, seed, scale, or file and SHA-256) and the protocol's conditions.
     */
    static String fingerprint(ExperimentPlan plan, ExperimentPlan.Entry entry, long seed, List<EvaluationCondition> conditions,
                              MultimodalDataset dataset) {
        JsonObject o = new JsonObject();
        o.addProperty("model", entry.name());
        o.addProperty("seed", seed);
        o.addProperty("data", plan.data().toString());
        o.addProperty("dataSha256", dataset.origin().sha256());
        o.addProperty("network", entry.spec().getProvenance().toString());
        o.addProperty("training", entry.training().getProvenance().toString());
        o.addProperty("conditions", conditions.toString());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o) + "\n";
    }

    /**
     * The provenance text of the entry's network and training configurations with every setting at
     * its default (a configuration without a no-argument constructor has none: its settings must match).
     */
    static Map<String, String> defaults(ExperimentPlan.Entry entry) {
        Map<String, String> out = new HashMap<>();
        defaultProvenance(entry.spec()).ifPresent(p -> out.put("network", p));
        defaultProvenance(entry.training()).ifPresent(p -> out.put("training", p));
        return out;
    }

    private static Optional<String> defaultProvenance(com.oracle.labs.mlrg.olcut.provenance.Provenancable<?> configured) {
        try {
            var constructor = configured.getClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            Object fresh = constructor.newInstance();
            if (fresh instanceof com.oracle.labs.mlrg.olcut.config.Configurable c) {
                c.postConfig();
            }
            return Optional.of(((com.oracle.labs.mlrg.olcut.provenance.Provenancable<?>) fresh).getProvenance().toString());
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Says how a recorded run fingerprint differs from the current one: the differing fields of
     * {@value #RUN}, and for the first of them the text around the first differing character.
     *
     * @param recorded the recorded fingerprint, or null when {@value #RUN} is missing
     */
    static String fingerprintDifference(String recorded, String current) {
        if (recorded == null) {
            return RUN + " is missing, so the settings of those results are unknown";
        }
        JsonObject was;
        JsonObject now = JsonParser.parseString(current).getAsJsonObject();
        try {
            was = JsonParser.parseString(recorded).getAsJsonObject();
        } catch (RuntimeException e) {
            return RUN + " is not a JSON object: " + e.getMessage();
        }
        List<String> keys = new ArrayList<>(now.keySet());
        was.keySet().stream().filter(k -> !now.has(k)).forEach(keys::add);
        List<String> differing = keys.stream().filter(k -> !Objects.equals(was.get(k), now.get(k))).toList();
        if (differing.isEmpty()) {
            return RUN + " differs only in layout";
        }
        String key = differing.get(0);
        String a = was.has(key) ? was.get(key).toString() : "(absent)";
        String b = now.has(key) ? now.get(key).toString() : "(absent)";
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return RUN + " differs in " + String.join(", ", differing) + "; " + key + " recorded ..." + window(a, i)
                + "... against now ..." + window(b, i) + "...";
    }

    private static String window(String s, int at) {
        return s.substring(Math.max(0, at - 30), Math.min(s.length(), at + 50));
    }

    /**
     * Writes the aggregate results, tables and figures; with failures, the tables say they are
     * incomplete and {@value #INCOMPLETE} lists the missing runs.
     */
    Outcome aggregate(ExperimentPlan plan, List<ResultRecord> records, MultimodalDataset dataset,
                      List<ExperimentEngine.RunFailure> failures) throws IOException {
        Path out = plan.outDir();
        List<Path> files = new ArrayList<>();
        ResultsJson.write(records, out.resolve(RESULTS));
        files.add(out.resolve(RESULTS));
        List<String> models = plan.models().stream().map(ExperimentPlan.Entry::name).toList();
        String datasetName = plan.data().name();
        String first = models.get(0);
        var columns = ResultTables.columns(dataset.schema().task(), plan.metrics());
        Optional<ResultTable> conditions = Optional.empty();
        if (plan.protocol() != ProtocolKind.INTRA) {
            conditions = ResultTables.conditions(records, dataset.schema(), datasetName, models, models.size() > 1 ? first : null,
                    models.size() > 1 ? models.get(1) : null, columns);
            // further comparisons of the first model with each other one
            if (models.size() > 2 && conditions.isPresent()) {
                conditions = Optional.of(ResultTables.conditionsComparing(records, dataset.schema(), datasetName, models, columns));
            }
        }
        Optional<ResultTable> rates = plan.protocol() != ProtocolKind.INTER
                ? ResultTables.rates(records, dataset.schema(), datasetName, models, columns) : Optional.empty();
        Path incomplete = out.resolve(INCOMPLETE);
        if (failures.isEmpty()) {
            Files.deleteIfExists(incomplete);
        } else {
            int total = plan.models().size() * plan.seeds().size();
            conditions = conditions.map(t -> ResultTables.incomplete(t, failures, total));
            rates = rates.map(t -> ResultTables.incomplete(t, failures, total));
            StringBuilder sb = new StringBuilder("Incomplete: " + failures.size() + " of " + total
                    + " runs failed for good and are missing from the tables; start the experiment again to redo them.\n");
            failures.forEach(f -> sb.append(f.describe()).append('\n'));
            Files.writeString(incomplete, sb.toString());
            files.add(incomplete);
        }
        for (TableFormat f : TableFormat.values()) {
            if (conditions.isPresent()) {
                Path p = out.resolve("table-conditions." + f.extension());
                f.writer().write(conditions.get(), p);
                files.add(p);
            }
            if (rates.isPresent()) {
                Path p = out.resolve("table-rates." + f.extension());
                f.writer().write(rates.get(), p);
                files.add(p);
            }
        }
        if (rates.isPresent()) {
            files.addAll(Figures.rateCurves(records, dataset.schema(), datasetName, models, out.resolve("figures")));
        }
        for (long seed : plan.seeds()) {
            for (String model : models) {
                Path dir = runDir(out, model, seed);
                for (String name : List.of(PREDICTIONS, RESULTS, MODEL)) {
                    if (Files.isRegularFile(dir.resolve(name))) {
                        files.add(dir.resolve(name));
                    }
                }
            }
        }
        return new Outcome(records, conditions, rates, files, dataset, failures);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
