package io.github.umdf.spark;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.tools.protocol.DataSpec;
import io.github.umdf.tools.protocol.ExperimentModels;
import io.github.umdf.tools.protocol.ExperimentPlan;
import io.github.umdf.tools.protocol.ExperimentRunner;
import io.github.umdf.tools.protocol.SequentialEngine;
import io.github.umdf.tribuo.evaluation.ProtocolKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The tests' experiment: 2 models x 2 seeds of a tiny UMDF (d = 8, one layer, one epoch) on 4% of
 * synthetic MOSI, both protocols (seven subsets, and p = 0.5 with every modality), one PyTorch thread
 * per run. The sequential runner's output is computed once per test JVM, as the reference.
 */
final class TinyExperiment {
    static final List<String> MODELS = List.of("umdf", "umdf-complete-data");
    private static Path reference;

    private TinyExperiment() {
    }

    static Path config(Path dir) throws IOException {
        return Files.writeString(dir.resolve("tiny.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="model" type="io.github.umdf.nn.umdf.UmdfConfig">
                    <property name="modelDim" value="8"/>
                    <property name="heads" value="2"/>
                    <property name="depth" value="1"/>
                    <property name="encoderLayers" value="1"/>
                  </component>
                  <component name="training" type="io.github.umdf.nn.config.TrainingConfig">
                    <property name="batchSize" value="16"/>
                    <property name="epochs" value="1"/>
                    <property name="device" value="CPU"/>
                  </component>
                </config>
                """);
    }

    /** The command-line arguments of the same experiment. */
    static String[] args(Path config, Path out) {
        return new String[] {"experiment", "--config", config.toString(), "--models", String.join(",", MODELS), "--preset", "mosi-aligned",
                "--scale", "0.04", "--seeds", "2", "--protocol", "all", "--rates", "0,0.5", "--out", out.toString()};
    }

    static ExperimentPlan plan(Path out) throws IOException {
        Path config = config(Files.createDirectories(out.resolveSibling(out.getFileName() + "-config")));
        return new ExperimentPlan(DataSpec.preset("mosi-aligned", 1, 0.04),
                ExperimentModels.resolve(MODELS, config, Map.of(), PaperDataset.MOSI, UnaryOperator.identity()),
                ExperimentPlan.seeds(2), ProtocolKind.ALL, List.of(0.0, 0.5), out);
    }

    /** The sequential runner's output folder (one thread per run), made on the first call. */
    static synchronized Path reference() {
        if (reference == null) {
            try {
                Path out = Files.createTempDirectory("umdf-spark-reference").resolve("sequential");
                // no warm-up: a training's numbers do not depend on the trainings before it in the JVM
                new ExperimentRunner(new SequentialEngine(TrainingListener.SILENT, 1)).run(plan(out));
                reference = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reference;
    }

    /** Copies one finished run folder of the reference into {@code out}, as if it had finished before an interruption. */
    static void copyRun(Path out, String model, long seed) throws IOException {
        Path from = ExperimentRunner.runDir(reference(), model, seed);
        Path to = Files.createDirectories(ExperimentRunner.runDir(out, model, seed));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Every file under a folder but the model files (their provenance holds the training time), by relative path. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                if (!p.toString().endsWith(ExperimentRunner.MODEL)) {
                    out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }
}
