package io.github.umdf.spark;

import io.github.umdf.tools.protocol.ExperimentEngine;
import io.github.umdf.tools.protocol.ExperimentRunner;
import io.github.umdf.tribuo.MultimodalModel;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark engine in local mode ({@code local[2]}, two attempts per task) against the sequential
 * runner on the tiny experiment: the same files, a retried first attempt changes nothing, a run that
 * always fails is named and the tables of the others are written, marked incomplete.
 */
class SparkEngineTest {
    private static JavaSparkContext sc;

    @BeforeAll
    static void startSpark() {
        SparkConf conf = SparkEngine.conf(new SparkConf().set("spark.task.maxFailures", "2"), "local[2]")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.memory", "1g").set("spark.app.name", "umdf-spark tests");
        sc = new JavaSparkContext(conf);
        TinyExperiment.reference(); // before any Spark run: see its warm-up
    }

    @AfterAll
    static void stopSpark() {
        if (sc != null) {
            sc.stop();
        }
    }

    @Test
    void localModeWritesTheSequentialRunnersFilesByteForByte(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("spark");
        ExperimentRunner.Outcome o = new ExperimentRunner(new SparkEngine(sc, false, 1, TaskHook.NONE)).run(TinyExperiment.plan(out));
        assertTrue(o.complete());
        Path reference = TinyExperiment.reference();
        Map<String, byte[]> expected = TinyExperiment.files(reference);
        Map<String, byte[]> found = TinyExperiment.files(out);
        assertEquals(expected.keySet(), found.keySet());
        assertTrue(expected.keySet().containsAll(List.of("RESULTS.json", "table-conditions.md", "table-rates.csv", "runs/umdf/seed-2/PRED.csv",
                "runs/umdf-complete-data/seed-1/MASKS.json", "runs/umdf/seed-1/run.json")), expected.keySet().toString());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, found.get(name), name + " differs from the sequential runner's"));
        for (String model : TinyExperiment.MODELS) {
            for (long seed = 1; seed <= 2; seed++) {
                try (MultimodalModel<?> a = MultimodalModel.load(ExperimentRunner.runDir(reference, model, seed).resolve(ExperimentRunner.MODEL));
                     MultimodalModel<?> b = MultimodalModel.load(ExperimentRunner.runDir(out, model, seed).resolve(ExperimentRunner.MODEL))) {
                    assertArrayEquals(a.parameterBytes(), b.parameterBytes(), model + " seed " + seed + ": the trained parameters");
                }
            }
        }
    }

    @Test
    void aFailedFirstAttemptIsRetriedToTheSameFilesAndFinishedRunsAreNotRedone(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("retried");
        TinyExperiment.copyRun(out, "umdf", 1); // finished before an interruption
        TinyExperiment.copyRun(out, "umdf", 2);
        Path finished = ExperimentRunner.runDir(out, "umdf", 1).resolve(ExperimentRunner.RESULTS);
        FileTime before = Files.getLastModifiedTime(finished);
        TaskHook failFirst = (model, seed, attempt) -> {
            if (model.equals("umdf-complete-data") && seed == 1 && attempt == 0) {
                throw new IllegalStateException("injected failure of the first attempt");
            }
        };
        ExperimentRunner.Outcome o = new ExperimentRunner(new SparkEngine(sc, false, 1, failFirst)).run(TinyExperiment.plan(out));
        assertTrue(o.complete(), o.failures().toString());
        assertEquals(before, Files.getLastModifiedTime(finished), "a finished run is not redone");
        Map<String, byte[]> expected = TinyExperiment.files(TinyExperiment.reference());
        Map<String, byte[]> found = TinyExperiment.files(out);
        assertEquals(expected.keySet(), found.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, found.get(name), name + " differs from the undisturbed run's"));
    }

    @Test
    void aRunThatAlwaysFailsIsNamedAndTheOtherRunsTablesAreWrittenMarkedIncomplete(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("failed");
        TinyExperiment.copyRun(out, "umdf", 1);
        TinyExperiment.copyRun(out, "umdf-complete-data", 1);
        TinyExperiment.copyRun(out, "umdf", 2);
        TaskHook alwaysFail = (model, seed, attempt) -> {
            if (model.equals("umdf-complete-data") && seed == 2) {
                throw new IllegalStateException("injected failure, attempt " + attempt);
            }
        };
        ExperimentRunner.Outcome o = new ExperimentRunner(new SparkEngine(sc, false, 1, alwaysFail)).run(TinyExperiment.plan(out));
        assertFalse(o.complete());
        assertEquals(1, o.failures().size(), o.failures().toString());
        ExperimentEngine.RunFailure f = o.failures().get(0);
        assertEquals("umdf-complete-data", f.model());
        assertEquals(2, f.seed());
        assertTrue(f.cause().contains("IllegalStateException: injected failure, attempt 1") && f.cause().endsWith("(2 attempts)"), f.cause());
        assertEquals(3 * 8, o.records().size(), "the records of the three finished runs (seven subsets, and p = 0.5 with all three)");
        String incomplete = Files.readString(out.resolve(ExperimentRunner.INCOMPLETE));
        assertTrue(incomplete.contains("1 of 4 runs") && incomplete.contains("umdf-complete-data seed 2: "), incomplete);
        for (String table : List.of("table-conditions.md", "table-rates.md", "table-conditions.tex")) {
            String t = Files.readString(out.resolve(table));
            assertTrue(t.contains("INCOMPLETE: 1 of 4 runs") && t.contains("umdf-complete-data seed 2"), table + ":\n" + t);
        }
        assertFalse(Files.exists(ExperimentRunner.runDir(out, "umdf-complete-data", 2).resolve(ExperimentRunner.RESULTS)));
    }

    @Test
    void theCommandLineFindsTheEngineAndUsesTheRunningContext(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("cli");
        TinyExperiment.copyRun(out, "umdf", 1);
        TinyExperiment.copyRun(out, "umdf-complete-data", 1);
        TinyExperiment.copyRun(out, "umdf", 2);
        String[] args = TinyExperiment.args(TinyExperiment.config(dir), out);
        String[] withSpark = java.util.Arrays.copyOf(args, args.length + 4);
        System.arraycopy(new String[] {"--engine", "spark", "--master", "local[2]"}, 0, withSpark, args.length, 4);
        assertEquals(0, io.github.umdf.tools.cli.UmdfCommand.execute(withSpark));
        for (String name : List.of("RESULTS.json", "table-conditions.md", "table-rates.json")) {
            assertArrayEquals(Files.readAllBytes(TinyExperiment.reference().resolve(name)), Files.readAllBytes(out.resolve(name)), name);
        }
        assertTrue(io.github.umdf.tools.protocol.ExperimentEngines.names().contains("spark"));
    }

    @Test
    void localMastersGetRetries() {
        assertEquals("local[2,4]", SparkEngine.withRetries("local[2]", 4));
        assertEquals("local[*,3]", SparkEngine.withRetries("local[*]", 3));
        assertEquals("local[1,4]", SparkEngine.withRetries("local", 4));
        assertEquals("local[2,2]", SparkEngine.withRetries("local[2,2]", 4), "a master that says its attempts keeps them");
        assertEquals("spark://host:7077", SparkEngine.withRetries("spark://host:7077", 4));
    }

    @Test
    void localClusterExecutorsTakeTheDriversClassPathAndAWorkersMemory() {
        SparkConf conf = SparkEngine.conf(new SparkConf(), "local-cluster[2, 1, 3072]");
        assertEquals("local-cluster[2, 1, 3072]", conf.get("spark.master"), "Spark retries tasks in local-cluster mode by itself");
        assertEquals(System.getProperty("java.class.path"), conf.get("spark.executor.extraClassPath"));
        assertEquals("3072m", conf.get("spark.executor.memory"));
        assertEquals("-Dai.djl.offline=true --add-modules=jdk.incubator.vector", conf.get("spark.executor.extraJavaOptions"));
        SparkConf mine = SparkEngine.conf(new SparkConf().set("spark.executor.memory", "2g"), "local-cluster[2,1,3072]");
        assertEquals("2g", mine.get("spark.executor.memory"), "a setting of the user's is kept");
        assertTrue(SparkEngine.conf(new SparkConf(), "local[2]").getOption("spark.executor.extraClassPath").isEmpty(),
                "local mode has no executor JVM");
    }
}
