package io.github.umdf.tools.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code umdf bench speed}: the UMDF-only options and the profiler traces; {@code umdf bench attention}. */
class BenchCommandTest {
    @Test
    void umdfOnlyOptionsAreRefusedForOtherModels() {
        for (String option : new String[] {"--equal-attention-dropout", "--attention-dropout-unit=KEY"}) {
            Cli.Result r = Cli.run("bench", "speed", "--model", "transm", option);
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(option.replace("=KEY", "") + " applies to UMDF configurations; found model family transm"), r.err());
        }
        Cli.Result r = Cli.run("bench", "speed", "--attention-dropout-unit=HEAD");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("WEIGHT, KEY"), r.err());
    }

    @Test
    void profileWritesATraceOfTrainingAndOfInference(@TempDir Path dir) throws Exception {
        Path traces = dir.resolve("traces");
        Cli.Result r = Cli.run("bench", "speed", "--config", Cli.tinyConfig(dir).toString(), "--presets", "mosi-aligned",
                "--batch", "2", "--steps", "1", "--equal-attention-dropout", "--attention-dropout-unit", "KEY",
                "--profile", traces.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("training") && r.out().contains("inference ONE_STREAM"), r.out());
        // libtorch's profiler writes the Chrome trace format as an array of complete events ("ph": "X")
        for (String phase : new String[] {"train", "infer"}) {
            Path trace = traces.resolve(phase + "-mosi-aligned.json");
            assertTrue(r.out().contains("profile written to " + trace), r.out());
            String json = Files.readString(trace);
            assertTrue(json.startsWith("[") && json.contains("\"ph\": \"X\"") && json.contains("aten::"), phase + ": " + json.substring(0, Math.min(200, json.length())));
        }
    }

    @Test
    void attentionTimesBothKernelsOnTheSameInputsAndTheyAgree() {
        Cli.Result r = Cli.run("bench", "attention", "--batch", "3", "--heads", "2", "--head-dim", "5", "--queries", "17",
                "--keys", "3,40", "--reps", "1", "--warm-up", "0");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("batch 3, 2 heads of 5 channels, 17 queries"), r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "keys +(\\d+): Vector API +[0-9.]+ ms, PyTorch fused +[0-9.]+ ms, ratio [0-9.]+; largest difference ([0-9.e+-]+); "
                        + "Java heap allocated per call \\d+ KB / \\d+ KB").matcher(r.out());
        java.util.List<String> keys = new java.util.ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
            assertTrue(Double.parseDouble(m.group(2)) <= 1e-5, r.out());
        }
        assertEquals(java.util.List.of("3", "40"), keys, r.out());
    }

    @Test
    void attentionRefusesHeadsTheKernelDoesNotTake() {
        Cli.Result r = Cli.run("bench", "attention", "--head-dim", "13", "--reps", "1", "--warm-up", "0");
        assertTrue(r.exitCode() != 0, r.out());
        assertTrue(r.err().contains("at most 12 channels") && r.err().contains("found 13"), r.err());
    }
}
