package io.github.umdf.spark;

import io.github.umdf.tools.protocol.ExperimentEngine;
import io.github.umdf.tools.protocol.PlannedRun;
import io.github.umdf.tools.protocol.RunFolder;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an experiment's runs as Spark tasks: each (model, seed) run is a job of one task, all submitted
 * at once, so the scheduler keeps every core busy and a run that fails for good ends only its own job.
 * Each finished run's folder comes back to the driver, which hands it to the runner's sink as it
 * arrives (runs finished before an interruption are kept: the resume rule), and reports runs done /
 * due and the time of each.
 *
 * <p>Failures: Spark retries a failed task ({@code spark.task.maxFailures} attempts, default
 * {@value #DEFAULT_ATTEMPTS}; a {@code local[N]} master becomes {@code local[N,attempts]}, since Spark
 * does not retry in local mode otherwise). A run is a deterministic function of its inputs, so a
 * retried run gives the same files. A run whose attempts all fail is returned as a
 * {@link RunFailure} naming the model, seed and cause.
 *
 * <p>Parallelism: PyTorch's random state is process-wide, so trainings in one JVM take turns
 * ({@link io.github.umdf.nn.ops.Engines#RANDOM_LOCK}); runs go in parallel across executor JVMs
 * (one core per executor on a cluster; on one machine {@code local-cluster[N,1,MiB]}, N executor JVMs
 * that take the driver's class path), while {@code local[N]} overlaps only the parts of runs outside
 * training (evaluation, data loading). PyTorch's intra-op thread count is also process-wide: every task
 * of an executor sets the same value ({@code --run-threads}, default 1).
 */
public final class SparkEngine implements ExperimentEngine {
    /** Attempts per task when the configuration sets none (Spark's cluster default). */
    public static final int DEFAULT_ATTEMPTS = 4;
    /**
     * JVM options of local-cluster executors unless the configuration sets its own: offline DJL, and the
     * Vector API module of the inference attention kernel (without it executors evaluate with PyTorch's
     * kernel, whose outputs differ from the driver's in the last digits).
     */
    public static final String EXECUTOR_JAVA_OPTIONS = "-Dai.djl.offline=true --add-modules=jdk.incubator.vector";
    private static final Logger LOG = Logger.getLogger(SparkEngine.class.getName());
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");
    /** Spark's {@code local-cluster[workers, cores per worker, MiB per worker]}. */
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*]");

    private final JavaSparkContext sc;
    private final boolean owned;
    private final int threads;
    private final TaskHook hook;

    /**
     * An engine on the running Spark context of this JVM if there is one (left running), else on a
     * context of its own, stopped by {@link #close()}.
     *
     * @param master  the master URL, or null for {@code spark.master} (set by spark-submit), else {@code local[*]}
     * @param threads PyTorch intra-op threads per run
     */
    public static SparkEngine start(String master, int threads) {
        SparkConf conf = conf(new SparkConf(), master);
        try {
            return new SparkEngine(new JavaSparkContext(conf), true, threads, TaskHook.NONE);
        } catch (Exception e) { // Scala's unchecked SparkException: "Only one SparkContext should be running in this JVM"
            if (!(e instanceof org.apache.spark.SparkException) || !String.valueOf(e.getMessage()).contains("Only one SparkContext")) {
                throw e;
            }
            org.apache.spark.SparkContext running = org.apache.spark.SparkContext.getOrCreate(conf);
            LOG.info("using the Spark context already running in this JVM (master " + running.master() + ")");
            return new SparkEngine(JavaSparkContext.fromSparkContext(running), false, threads, TaskHook.NONE);
        }
    }

    /**
     * An engine on an existing Spark context, which it leaves running.
     *
     * @param threads PyTorch intra-op threads per run
     */
    public SparkEngine(JavaSparkContext sc, int threads) {
        this(sc, false, threads, TaskHook.NONE);
    }

    SparkEngine(JavaSparkContext sc, boolean owned, int threads, TaskHook hook) {
        if (threads < 1) {
            throw new IllegalArgumentException("Expected at least one PyTorch thread per run, got " + threads);
        }
        this.sc = Objects.requireNonNull(sc);
        this.owned = owned;
        this.threads = threads;
        this.hook = Objects.requireNonNull(hook);
    }

    /**
     * The configuration of an experiment's context: the master (with retries in local mode), the
     * application name, and DJL offline on the executors.
     */
    static SparkConf conf(SparkConf conf, String master) {
        String m = master != null ? master : conf.get("spark.master", "local[*]");
        int attempts = conf.getInt("spark.task.maxFailures", DEFAULT_ATTEMPTS);
        conf.setMaster(withRetries(m, attempts));
        if (m.trim().startsWith("local")) { // one machine: the driver listens on the loopback interface only
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
        }
        Matcher cluster = LOCAL_CLUSTER.matcher(m.trim());
        if (cluster.matches()) { // executors are JVMs of their own on this machine: the driver's class path and all of a worker's memory
            conf.setIfMissing("spark.executor.extraClassPath", System.getProperty("java.class.path"));
            conf.setIfMissing("spark.executor.memory", cluster.group(3) + "m");
            conf.setIfMissing("spark.executor.extraJavaOptions", EXECUTOR_JAVA_OPTIONS);
        }
        conf.setIfMissing("spark.app.name", "umdf experiment");
        conf.setIfMissing("spark.executorEnv.DJL_OFFLINE", "true");
        conf.setIfMissing("spark.task.maxFailures", Integer.toString(attempts));
        return conf;
    }

    /** {@code local}, {@code local[N]}, {@code local[*]} with {@code attempts} tries per task; other masters as they are. */
    static String withRetries(String master, int attempts) {
        Matcher m = LOCAL.matcher(master.trim());
        if (!m.matches()) {
            return master;
        }
        return "local[" + (m.group(1) == null ? "1" : m.group(1)) + "," + attempts + "]";
    }

    /** The context the runs go to. */
    public JavaSparkContext context() {
        return sc;
    }

    @Override
    public List<RunFailure> execute(Job job, Sink sink) throws IOException {
        if (job.runs().isEmpty()) {
            return List.of();
        }
        RunTask task = new RunTask(TaskData.ship(job.plan().data(), job.dataset(), sc), hook);
        LOG.info(String.format(Locale.ROOT, "Spark %s, master %s: %d run(s) as tasks, %d PyTorch thread(s) each, up to %d attempts each",
                sc.version(), sc.master(), job.runs().size(), threads, sc.getConf().getInt("spark.task.maxFailures", DEFAULT_ATTEMPTS)));
        Map<PlannedRun, JavaFutureAction<List<RunFolder>>> pending = new LinkedHashMap<>();
        for (PlannedRun run : job.runs()) {
            sc.setJobDescription("umdf " + run.describe());
            pending.put(run, sc.parallelize(List.of(run.withThreads(threads)), 1).map(task).collectAsync());
        }
        sc.setJobDescription(null);
        List<RunFailure> failures = new ArrayList<>();
        try {
            while (!pending.isEmpty()) {
                boolean any = false;
                for (Iterator<Map.Entry<PlannedRun, JavaFutureAction<List<RunFolder>>>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<PlannedRun, JavaFutureAction<List<RunFolder>>> e = it.next();
                    if (!e.getValue().isDone()) {
                        continue;
                    }
                    it.remove();
                    any = true;
                    List<RunFolder> folder;
                    try {
                        folder = e.getValue().get();
                    } catch (ExecutionException ex) {
                        RunFailure f = new RunFailure(e.getKey().model(), e.getKey().seed(), cause(ex));
                        LOG.severe("run failed for good: " + f.describe());
                        failures.add(f);
                        continue;
                    }
                    sink.finished(folder.get(0));
                }
                if (!any) {
                    Thread.sleep(100);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the runs", e);
        } finally {
            pending.values().forEach(f -> f.cancel(true));
        }
        List<RunFailure> inPlanOrder = new ArrayList<>();
        for (PlannedRun run : job.runs()) {
            failures.stream().filter(f -> f.model().equals(run.model()) && f.seed() == run.seed()).forEach(inPlanOrder::add);
        }
        return inPlanOrder;
    }

    /**
     * The cause of a failed job in one line: the task's exception, with the number of attempts Spark
     * reports ("failed 4 times").
     */
    static String cause(ExecutionException e) {
        Throwable t = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(t.getMessage());
        Matcher times = Pattern.compile("failed (\\d+) times?").matcher(message);
        String attempts = times.find() ? " (" + times.group(1) + " attempt" + ("1".equals(times.group(1)) ? "" : "s") + ")" : "";
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what;
        if (root != t) {
            what = root.getClass().getName() + ": " + root.getMessage();
        } else {
            int at = message.indexOf("most recent failure: ");
            what = at >= 0 ? message.substring(at + "most recent failure: ".length()) : message;
            int colon = what.indexOf("): ");
            what = colon >= 0 ? what.substring(colon + 3) : what;
        }
        int line = what.indexOf('\n');
        return (line >= 0 ? what.substring(0, line) : what).trim() + attempts;
    }

    @Override
    public void close() {
        if (owned) {
            sc.stop();
        }
    }
}
