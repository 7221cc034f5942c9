package io.github.umdf.tools.cli;

import io.github.umdf.tools.protocol.ExperimentRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentCommandTest {
    @Test
    void anInterruptedExperimentResumesToTheSameTable(@TempDir Path dir) throws Exception {
        Path config = Cli.tinyConfig(dir);
        Path out = dir.resolve("exp");
        String[] args = {"experiment", "--config", config.toString(), "--models", "umdf,umdf-complete-data", "--preset", "mosi-aligned",
                "--scale", "0.04", "--seeds", "2", "--protocol", "inter", "--out", out.toString()};
        Cli.Result first = Cli.run(args);
        assertEquals(0, first.exitCode(), first.err());
        String table = Files.readString(out.resolve("table-conditions.md"));
        assertTrue(table.contains("umdf-complete-data") && table.contains("Avg."), table);
        for (String ext : new String[] {"md", "csv", "json", "tex"}) {
            assertTrue(Files.isRegularFile(out.resolve("table-conditions." + ext)), ext);
        }

        // as if killed during the last run: its results were never written
        Path lastRun = ExperimentRunner.runDir(out, "umdf-complete-data", 2);
        Files.delete(lastRun.resolve(ExperimentRunner.RESULTS));
        Files.delete(lastRun.resolve(ExperimentRunner.MODEL));
        Path finished = ExperimentRunner.runDir(out, "umdf", 1).resolve(ExperimentRunner.MODEL);
        FileTime before = Files.getLastModifiedTime(finished);
        Files.delete(out.resolve("table-conditions.md"));

        Cli.Result second = Cli.run(args);
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(table, Files.readString(out.resolve("table-conditions.md")), "resumed table = uninterrupted table");
        assertEquals(before, Files.getLastModifiedTime(finished), "a finished run is not redone");
        assertTrue(Files.isRegularFile(lastRun.resolve(ExperimentRunner.RESULTS)), "the unfinished run was done again");

        // other settings into the same folder: an error, never a silent reuse of the old runs
        String[] changed = args.clone();
        changed[changed.length - 1] = out.toString();
        String[] withEpochs = java.util.Arrays.copyOf(changed, changed.length + 2);
        withEpochs[changed.length] = "--epochs";
        withEpochs[changed.length + 1] = "2";
        Cli.Result third = Cli.run(withEpochs);
        assertEquals(1, third.exitCode());
        assertTrue(third.err().contains("other settings") && third.err().contains("run.json differs in training"), third.err());
        assertTrue(third.err().contains("epochs=2"), "the message shows the differing value: " + third.err());
    }
}
