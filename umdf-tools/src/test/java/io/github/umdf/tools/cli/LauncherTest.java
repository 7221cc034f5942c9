package io.github.umdf.tools.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code ./umdf} launcher's Java heap options: the serial collector unless the user picks one. */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("..", "umdf");

    @Test
    void heapOptionsAreTheSerialCollectorAndASmallYoungGenerationUnlessTheUserPicksACollector() throws Exception {
        assertTrue(Files.isRegularFile(LAUNCHER), LAUNCHER.toAbsolutePath().toString());
        assertEquals("-XX:+UseSerialGC -Xmn64m", heapOptions(""));
        assertEquals("-XX:+UseSerialGC -Xmn64m", heapOptions("-Xmx2g -Dai.djl.pytorch.num_threads=1"));
        // a flag that merely starts with -XX:+Use or mentions GC picks no collector
        assertEquals("-XX:+UseSerialGC -Xmn64m", heapOptions("-XX:+UseCompressedOops -Xlog:gc"));
        // two collectors on one command line make the JVM refuse to start
        assertEquals("-Xmn64m", heapOptions("-XX:+UseG1GC"));
        assertEquals("-Xmn64m", heapOptions("-Xmx4g -XX:+UseParallelGC -Xlog:gc"));
    }

    /** What {@code UMDF_PRINT_HEAP_OPTS=1 ./umdf} prints with {@code UMDF_JAVA_OPTS}. */
    private static String heapOptions(String javaOpts) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("bash", LAUNCHER.toString()).redirectErrorStream(true);
        pb.environment().put("UMDF_NO_BUILD", "1");
        pb.environment().put("UMDF_PRINT_HEAP_OPTS", "1");
        pb.environment().put("UMDF_JAVA_OPTS", javaOpts);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not finish");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
