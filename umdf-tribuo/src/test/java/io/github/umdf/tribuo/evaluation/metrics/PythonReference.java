package io.github.umdf.tribuo.evaluation.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code src/test/python/metrics_reference.py}; tests skip themselves when python3 with numpy is missing. */
public final class PythonReference {

    private PythonReference() {
    }

    /**
     * The script, in {@code umdf-tribuo/src/test/python}: found from the module folder (surefire's
     * {@code basedir}) of {@code umdf-tribuo} or of a sibling module that uses this test jar.
     */
    public static Path script() {
        Path base = Paths.get(System.getProperty("basedir", "."));
        Path own = base.resolve("src/test/python/metrics_reference.py");
        return Files.exists(own) ? own : base.resolveSibling("umdf-tribuo").resolve("src/test/python/metrics_reference.py");
    }

    /** Whether {@code python3 -c "import numpy"} succeeds and the script exists. */
    public static boolean available() {
        if (!Files.isRegularFile(script())) {
            return false;
        }
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the script with the arguments and returns its standard output; fails on a non-zero exit. */
    public static String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", script().toString()));
        command.addAll(List.of(args));
        Path err = Files.createTempFile("metrics-reference", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("metrics_reference.py timed out");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("metrics_reference.py failed (" + p.exitValue() + "): "
                        + Files.readString(err));
            }
            return out;
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
