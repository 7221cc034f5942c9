package io.github.umdf.tools.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.npz.UmdfArchive;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.tools.protocol.ExperimentRunner;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.TrainingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        String[] withEpochs = java.util.Arrays.copyOf(args, args.length + 2);
        withEpochs[args.length] = "--epochs";
        withEpochs[args.length + 1] = "2";
        Cli.Result third = Cli.run(withEpochs);
        assertEquals(1, third.exitCode());
        assertTrue(third.err().contains("other settings") && third.err().contains("run.json differs in training"), third.err());
        assertTrue(third.err().contains("epochs=2"), "the message shows the differing value: " + third.err());
    }

    @Test
    void theSparkEngineWithoutItsModuleIsAUsageErrorBeforeAnyTraining(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("exp");
        Cli.Result r = Cli.run("experiment", "--config", Cli.tinyConfig(dir).toString(), "--models", "umdf", "--preset", "mosi-aligned",
                "--scale", "0.01", "--seeds", "1", "--out", out.toString(), "--engine", "spark", "--master", "local[2]");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("the Spark engine is not on the class path") && r.err().contains("umdf-spark"), r.err());
        assertTrue(!Files.exists(ExperimentRunner.runDir(out, "umdf", 1)), "nothing was trained");
    }

    @Test
    void everyModelOfASeedIsScoredOnTheSameMasks(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("exp");
        Cli.Result r = Cli.run("experiment", "--config", Cli.tinyConfig(dir).toString(), "--models", "umdf,toy-mean", "--preset",
                "mosi-aligned", "--scale", "0.01", "--seeds", "2", "--protocol", "all", "--rates", "0,0.5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String umdf1 = Files.readString(ExperimentRunner.runDir(out, "umdf", 1).resolve(ExperimentRunner.MASKS));
        String toy1 = Files.readString(ExperimentRunner.runDir(out, "toy-mean", 1).resolve(ExperimentRunner.MASKS));
        String umdf2 = Files.readString(ExperimentRunner.runDir(out, "umdf", 2).resolve(ExperimentRunner.MASKS));
        String toy2 = Files.readString(ExperimentRunner.runDir(out, "toy-mean", 2).resolve(ExperimentRunner.MASKS));
        assertEquals(umdf1, toy1, "two models, one seed: the same masks");
        assertEquals(umdf2, toy2, "two models, one seed: the same masks");
        JsonObject one = JsonParser.parseString(umdf1).getAsJsonObject();
        JsonObject two = JsonParser.parseString(umdf2).getAsJsonObject();
        assertEquals(8, one.size(), one.toString()); // seven subsets at 0, lav at 0.5
        assertEquals(one.get("l@0.00"), two.get("l@0.00"), "whole-modality conditions draw nothing");
        assertNotEquals(one.get("lav@0.50"), two.get("lav@0.50"), "frame drops are drawn from the seed");

        // Figure 6 for several models: one panel each, side by side
        Path png = dir.resolve("tsne.png");
        Cli.Result f = Cli.run("figures", "tsne", "--models", ExperimentRunner.runDir(out, "umdf", 1).resolve(ExperimentRunner.MODEL) + ","
                + ExperimentRunner.runDir(out, "toy-mean", 1).resolve(ExperimentRunner.MODEL), "--preset", "mosi-aligned", "--scale", "0.01",
                "--out", png.toString());
        assertEquals(0, f.exitCode(), f.err());
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(2 * 560, image.getWidth(), "two panels side by side");
        assertEquals(520, image.getHeight());
    }

    @Test
    void trainingNeverReadsTheTestSplit(@TempDir Path dir) throws Exception {
        // two data files alike in their train and valid splits, with unlike test splits
        MultimodalDataset base = SyntheticPresets.generate("mosi-aligned", 1, 0.01);
        List<MultimodalSample> otherTest = new ArrayList<>();
        for (MultimodalSample s : SyntheticPresets.generate("mosi-aligned", 9, 0.01).split(SplitName.TEST)) {
            otherTest.add(new MultimodalSample("other-" + s.id(), modalities(s), new float[] {-s.target(0)}));
        }
        Map<SplitName, List<MultimodalSample>> splits = new EnumMap<>(SplitName.class);
        splits.put(SplitName.TRAIN, base.split(SplitName.TRAIN));
        splits.put(SplitName.VALID, base.split(SplitName.VALID));
        splits.put(SplitName.TEST, otherTest);
        MultimodalDataset changed = new MultimodalDataset(base.schema(), splits, base.origin(), base.report());
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        UmdfArchive.write(base, a);
        UmdfArchive.write(changed, b);
        byte[][] parameters = new byte[2][];
        TrainingSummary[] summaries = new TrainingSummary[2];
        int i = 0;
        for (Path data : List.of(a, b)) {
            Path out = dir.resolve("exp-" + i);
            Cli.Result r = Cli.run("experiment", "--config", Cli.tinyConfig(dir).toString(), "--models", "umdf", "--data", data.toString(),
                    "--paper-defaults", "mosi", "--seeds", "1", "--epochs", "2", "--protocol", "inter", "--out", out.toString());
            assertEquals(0, r.exitCode(), r.err());
            try (MultimodalModel<?> m = MultimodalModel.load(ExperimentRunner.runDir(out, "umdf", 1).resolve(ExperimentRunner.MODEL))) {
                summaries[i] = m.trainingSummary();
                parameters[i++] = m.parameterBytes();
            }
        }
        // model selection on the test split may pick the same epoch (and parameters), but scores the epochs otherwise
        assertEquals(summaries[0], summaries[1], "the validation losses per epoch do not depend on the test split");
        assertArrayEquals(parameters[0], parameters[1], "the trained parameters do not depend on the test split");
    }

    private static EnumMap<Modality, FrameSequence> modalities(MultimodalSample s) {
        EnumMap<Modality, FrameSequence> m = new EnumMap<>(Modality.class);
        for (Modality x : s.modalities()) {
            m.put(x, s.require(x));
        }
        return m;
    }
}
