package io.github.umdf.tools.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
    void mosiSdkChecksTheTextEncoderChoiceBeforeReadingAnything(@TempDir Path dir) {
        String[] files = {"data", "mosi-sdk", "--labels", dir.resolve("l.csd").toString(), "--words", dir.resolve("w.csd").toString(),
                "--folds", dir.resolve("f.json").toString(), "--out", dir.resolve("o.npz").toString()};
        Cli.Result r = Cli.run(concat(files, "--text", "bert"));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("Unknown text encoder 'bert'; expected one of minilm, glove, hashed"), r.err());
        r = Cli.run(concat(files, "--lexicon", dir.resolve("vader.txt").toString()));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("The VADER lexicon is used by the hashed text encoder only; found text encoder 'minilm'"), r.err());
        r = Cli.run(concat(files, "--text", "glove", "--glove", dir.resolve("absent.json").toString()));
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("GloVe vectors not found: " + dir.resolve("absent.json")), r.err());
        assertTrue(r.err().contains("Fetch them once with: scripts/fetch-glove.sh"), r.err());
        r = Cli.run("data", "mosi-sdk", "--help");
        assertTrue(r.out().contains("Language features: minilm, glove or hashed (default: minilm)."), r.out());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Every command of the tree, as the words that name it ({@code [bench, load]}), found by walking picocli's model. */
    static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        walk(new CommandLine(new UmdfCommand()), new ArrayList<>(), out);
        return out;
    }

    private static void walk(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandName().equals(e.getKey())) { // aliases once
                List<String> sub = new ArrayList<>(path);
                sub.add(e.getKey());
                walk(e.getValue(), sub, out);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandHasHelp() {
        List<List<String>> commands = commands();
        assertTrue(commands.size() > 15 && commands.contains(List.of("bench", "load")), commands.toString());
        return commands.stream().map(cmd -> DynamicTest.dynamicTest("umdf " + String.join(" ", cmd) + " --help", () -> {
            List<String> args = new ArrayList<>(cmd);
            args.add("--help");
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r.err());
            assertTrue(r.out().contains("Usage: umdf" + (cmd.isEmpty() ? "" : " " + String.join(" ", cmd))), r.out());
        }));
    }

    @Test
    void theReadmeNamesEveryCommand() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        for (List<String> cmd : commands()) {
            if ((cmd.size() == 1 || cmd.size() == 2) && !cmd.contains("help")) { // picocli's own help command needs no words
                String name = "umdf " + String.join(" ", cmd);
                assertTrue(readme.contains("`" + name), "README.md does not mention `" + name + "`");
            }
        }
    }
}
