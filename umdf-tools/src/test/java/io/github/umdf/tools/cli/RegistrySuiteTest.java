package io.github.umdf.tools.cli;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelGroup;
import io.github.umdf.nn.model.ModelRegistry;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.tools.protocol.ExperimentRunner;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.data.MultimodalDataSources;
import io.github.umdf.tribuo.evaluation.MissingModalityEvaluator;
import io.github.umdf.tribuo.evaluation.ProtocolKind;
import io.github.umdf.tribuo.evaluation.RateRange;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.evaluation.ResultsJson;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.regression.Regressor;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Suites derived from the model registry, so that a new model is tested by registering it and nothing
 * else. Every registered model — UMDF, its ablations and control, the baselines, and the toy model of
 * this test source set ({@code io.github.umdf.tools.toy}, registered by one line in
 * {@code src/test/resources/META-INF/services}, configured by {@code src/test/resources/configs/toy-mean-mosi.xml})
 * — is trained through Tribuo, predicted under the protocol and saved by the command line's
 * {@code experiment}; loads back from the file the command line wrote and gives the same records; and,
 * when it has a configuration file, gets its registry defaults from it.
 */
class RegistrySuiteTest {
    private static final String PRESET = "mosi-aligned";
    private static final String SCALE = "0.01";

    @TempDir
    static Path dir;
    private static Path out;
    private static List<ResultRecord> results;

    @BeforeAll
    static void experimentWithEveryRegisteredModel() throws Exception {
        out = dir.resolve("exp");
        // UMDF and its variants at the tiny size of Cli.tinyConfig; the baselines and the toy at their (small) defaults
        Cli.Result r = Cli.run("experiment", "--config", Cli.tinyConfig(dir).toString(), "--models", String.join(",", ModelRegistry.names()),
                "--preset", PRESET, "--scale", SCALE,
                "--seeds", "1", "--epochs", "1", "--batch-size", "16", "--device", "cpu", "--protocol", "inter", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        results = ResultsJson.read(out.resolve(ExperimentRunner.RESULTS));
    }

    @Test
    void theToyModelOfThisTestSourceSetIsPickedUp() {
        assertTrue(ModelRegistry.names().contains("toy-mean"), ModelRegistry.names().toString());
        Cli.Result models = Cli.run("models");
        assertTrue(models.out().contains("toy-mean") && models.out().contains("Nobody et al., TEST 2026"), models.out());
        assertTrue(results.stream().anyMatch(r -> r.model().equals("toy-mean")), "the toy model ran in the experiment");
    }

    @TestFactory
    Stream<DynamicTest> everyRegisteredModelTrainsAndIsEvaluatedUnderTheSevenConditions() {
        return ModelRegistry.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            List<ResultRecord> own = results.stream().filter(r -> r.model().equals(name)).toList();
            assertEquals(List.of("l", "a", "v", "la", "lv", "av", "lav"), own.stream().map(ResultRecord::condition).toList(), name);
            for (ResultRecord r : own) {
                assertTrue(Double.isFinite(r.metric("mae")), r.describe() + ": " + r.metrics());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyRegisteredModelLoadsFromTheFileTheCommandLineWrote() {
        DataSplits<Regressor> data = MultimodalDataSources.synthetic(PRESET, 1, Double.parseDouble(SCALE), new RegressorAdapter());
        return ModelRegistry.names().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Path file = ExperimentRunner.runDir(out, name, 1).resolve(ExperimentRunner.MODEL);
            try (MultimodalModel<Regressor> model = MultimodalModel.load(file, Regressor.class)) {
                var conditions = ProtocolKind.INTER.conditions(model.schema().modalities(), RateRange.parse("0"));
                List<ResultRecord> reloaded = new MissingModalityEvaluator(1, name).evaluate(model, data.test(), conditions).records();
                assertEquals(results.stream().filter(r -> r.model().equals(name)).toList(), reloaded, name);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyConfigurationFileGivesItsModelsRegistryDefaults() {
        List<ModelFamily> withFiles = ModelRegistry.inGroups(ModelGroup.UMDF, ModelGroup.BASELINE);
        return withFiles.stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            Path file = configFile(f.name() + "-mosi.xml");
            ConfigurationManager cm = new ConfigurationManager(file.toString());
            try {
                ModelSpec loaded = (ModelSpec) cm.lookup("model");
                assertEquals(f.defaultSpec(PaperDataset.MOSI), loaded, file.toString());
                assertEquals(f.name(), loaded.family());
            } finally {
                cm.close();
            }
        }));
    }

    /** A model's configuration file: in the repository's {@code configs/}, or on the test class path under {@code configs/}. */
    private static Path configFile(String name) throws URISyntaxException {
        Path repo = Path.of("..", "configs", name);
        if (Files.isRegularFile(repo)) {
            return repo;
        }
        URL resource = RegistrySuiteTest.class.getResource("/configs/" + name);
        assertNotNull(resource, "no configs/" + name + " in the repository nor on the test class path: a registered model "
                + "of group umdf or baseline comes with its MOSI configuration file");
        return Path.of(resource.toURI());
    }
}
