package io.github.umdf.tools.bench;

import io.github.umdf.nn.ops.Engines;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** PyTorch's operator profiler around a benchmark's timed phase; does nothing without a directory. */
final class Profiler {
    private Profiler() {
    }

    static void start(Path dir) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the profile directory " + dir, e);
        }
        Engines.startProfile();
    }

    static void stop(Path dir, String name, PrintStream out) {
        if (dir == null) {
            return;
        }
        Path trace = dir.resolve(name);
        Engines.stopProfile(trace);
        out.println("  profile written to " + trace);
    }
}
