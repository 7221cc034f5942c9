package io.github.umdf.tools.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataCommandTest {
    @Test
    void synthIsByteIdenticalAndInspectPrintsThePresetShapes(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        assertEquals(0, Cli.run("data", "synth", "--preset", "mosi-unaligned", "--seed", "3", "--scale", "0.01", "--out", a.toString()).exitCode());
        assertEquals(0, Cli.run("data", "synth", "--preset", "mosi-unaligned", "--seed", "3", "--scale", "0.01", "--out", b.toString()).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same preset, seed and scale: identical bytes");
        Cli.Result r = Cli.run("data", "inspect", a.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("language (13, 50, 300)"), r.out());
        assertTrue(r.out().contains("audio    (13, 375, 5)"), r.out());
        assertTrue(r.out().contains("vision   (13, 500, 20)"), r.out());
        assertTrue(r.out().contains("format     umdf-npz"), r.out());
    }

    @Test
    void badInputGivesClearErrorsAndExitCodes(@TempDir Path dir) {
        Cli.Result r = Cli.run("data", "synth", "--preset", "mosi-nope", "--out", dir.resolve("x.npz").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("mosi-nope") && r.err().contains("mosi-aligned"), r.err());
        r = Cli.run("data", "inspect", dir.resolve("missing.npz").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("missing.npz"), r.err());
        r = Cli.run("data", "synth", "--preset", "mosi-aligned", "--scale", "2", "--out", dir.resolve("x.npz").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("scale"), r.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : new String[][] {{"--help"}, {"demo", "--help"}, {"data", "--help"}, {"data", "synth", "--help"},
                {"data", "inspect", "--help"}, {"data", "mosi-sdk", "--help"}, {"train", "--help"}, {"evaluate", "--help"},
                {"experiment", "--help"}, {"ablate", "--help"}, {"figures", "curves", "--help"}, {"figures", "tsne", "--help"},
                {"provenance", "show", "--help"}, {"provenance", "rerun", "--help"}, {"models", "--help"}, {"params", "--help"},
                {"bench", "speed", "--help"}, {"bench", "memory", "--help"}}) {
            Cli.Result r = Cli.run(cmd);
            assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r.err());
            assertTrue(r.out().contains("Usage: umdf"), String.join(" ", cmd));
        }
    }
}
