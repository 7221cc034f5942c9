package io.github.umdf.spark;

import io.github.umdf.tools.protocol.ExperimentRunner;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tiny experiment on {@code local-cluster[2,1,1024]}: two executor JVMs started by Spark, each run
 * the first or second training of a fresh JVM, and the files are the sequential runner's (made in this
 * JVM) byte for byte. Spark builds an executor's class path from {@code $SPARK_HOME/jars}: the build
 * sets {@code SPARK_HOME} to a folder of its own (an empty {@code jars}: the executors take this JVM's
 * class path) and {@code SPARK_SCALA_VERSION}, as {@code ./umdf} does.
 */
class LocalClusterTest {
    @Test
    void executorJvmsWriteTheSequentialRunnersFilesByteForByte(@TempDir Path dir) throws Exception {
        String home = System.getenv("SPARK_HOME");
        assumeTrue(home != null && System.getenv("SPARK_SCALA_VERSION") != null,
                "SPARK_HOME and SPARK_SCALA_VERSION are not set (the Maven build sets them for this test)");
        Files.createDirectories(Path.of(home, "jars"));
        Path reference = TinyExperiment.reference(); // before the cluster: in this JVM, alone
        SparkConf conf = SparkEngine.conf(new SparkConf(), "local-cluster[2,1,1024]")
                .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false").set("spark.app.name", "umdf-spark local-cluster test");
        Path out = dir.resolve("cluster");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            ExperimentRunner.Outcome o = new ExperimentRunner(new SparkEngine(sc, false, 1, TaskHook.NONE)).run(TinyExperiment.plan(out));
            assertTrue(o.complete(), o.failures().toString());
        }
        Map<String, byte[]> expected = TinyExperiment.files(reference);
        Map<String, byte[]> found = TinyExperiment.files(out);
        assertEquals(expected.keySet(), found.keySet());
        expected.forEach((name, bytes) -> assertArrayEquals(bytes, found.get(name), name + " differs from the sequential runner's"));
    }
}
