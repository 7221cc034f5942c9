package io.github.umdf.tools.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.data.MultimodalDataSources;
import io.github.umdf.tribuo.evaluation.EvaluationCondition;
import io.github.umdf.tribuo.evaluation.MissingModalityEvaluator;
import io.github.umdf.tribuo.evaluation.ProtocolKind;
import io.github.umdf.tribuo.evaluation.RateRange;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.tribuo.regression.Regressor;
import io.github.umdf.tribuo.evaluation.ResultsJson;
import io.github.umdf.tribuo.evaluation.metrics.PythonReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** train -> evaluate -> provenance through the command line, with the metrics recomputed independently. */
class TrainEvaluateTest {
    @Test
    void regressionRoundTripWithIndependentRecomputationAndExactRerun(@TempDir Path dir) throws Exception {
        Path config = Cli.tinyConfig(dir);
        Path model = dir.resolve("m.umdf");
        Cli.Result t = Cli.run("train", "--config", config.toString(), "--preset", "mosi-aligned", "--scale", "0.05",
                "--seed", "2", "--out", model.toString());
        assertEquals(0, t.exitCode(), t.err());
        Path results = dir.resolve("RESULTS.json");
        Path pred = dir.resolve("PRED.csv");
        Cli.Result e = Cli.run("evaluate", "--model", model.toString(), "--preset", "mosi-aligned", "--scale", "0.05",
                "--protocol", "all", "--rates", "0,0.5", "--seed", "2", "--out", results.toString(), "--predictions", pred.toString());
        assertEquals(0, e.exitCode(), e.err());
        assertTrue(e.out().contains("{l,a,v}") && e.out().contains("Avg."), e.out());
        List<ResultRecord> records = ResultsJson.read(results);
        // the library's protocol (Tribuo model and data set in, records out) gives the very records of RESULTS.json
        try (MultimodalModel<Regressor> loaded = MultimodalModel.load(model, Regressor.class)) {
            DataSplits<Regressor> data = MultimodalDataSources.synthetic("mosi-aligned", 1, 0.05, new RegressorAdapter());
            List<EvaluationCondition> conditions = ProtocolKind.ALL.conditions(loaded.schema().modalities(), RateRange.parse("0,0.5"));
            assertEquals(records, new MissingModalityEvaluator(2).evaluate(loaded, data.test(), conditions).records());
        }
        // seven conditions at rate 0, plus {l,a,v} at 0.5 (lav at 0 is shared)
        assertEquals(8, records.size());
        assertEquals(List.of("l", "a", "v", "la", "lv", "av", "lav", "lav"), records.stream().map(ResultRecord::condition).toList());
        assertEquals(List.of("id", "condition", "rate", "seed", "truth", "prediction"),
                List.of(Files.readAllLines(pred).get(0).split(",")));
        assertEquals(1 + 8 * 35, Files.readAllLines(pred).size());

        Cli.Result show = Cli.run("provenance", "show", "--json", model.toString());
        assertEquals(0, show.exitCode(), show.err());
        JsonElement parsed = JsonParser.parseString(show.out());
        assertTrue(parsed.isJsonArray() && ((JsonArray) parsed).size() > 0);
        Cli.Result tree = Cli.run("provenance", "show", model.toString());
        assertTrue(tree.out().contains("seed") && tree.out().contains("mosi-aligned"), tree.out());

        Cli.Result rerun = Cli.run("provenance", "rerun", model.toString());
        assertEquals(0, rerun.exitCode(), rerun.out() + rerun.err());
        assertTrue(rerun.out().toLowerCase().contains("identical"), rerun.out());

        // last, as it may be skipped: the metrics recomputed from PRED.csv by an independent numpy implementation
        assumeTrue(PythonReference.available(), "python3 with numpy is not available: the independent recomputation is skipped");
        String json = PythonReference.run("pred", pred.toString(), "--model", "umdf", "--dataset", "mosi-aligned");
        List<ResultRecord> recomputed = ResultsJson.fromJson(json);
        assertEquals(records.size(), recomputed.size());
        for (int i = 0; i < records.size(); i++) {
            for (Map.Entry<String, Double> m : records.get(i).metrics().entrySet()) {
                double a = m.getValue();
                double b = recomputed.get(i).metric(m.getKey());
                assertTrue(Double.isNaN(a) && Double.isNaN(b) || Math.abs(a - b) <= 1e-6,
                        records.get(i).condition() + " " + m.getKey() + ": " + a + " vs " + b);
            }
        }
    }

    @Test
    void multiLabelRecordsCarryPerEmotionMetricsThatRecomputeIndependently(@TempDir Path dir) throws Exception {
        Path config = Cli.tinyConfig(dir);
        Path data = dir.resolve("iemocap.npz");
        assertEquals(0, Cli.run("data", "synth", "--preset", "iemocap-aligned", "--scale", "0.03", "--out", data.toString()).exitCode());
        Path model = dir.resolve("m.umdf");
        Cli.Result t = Cli.run("train", "--config", config.toString(), "--data", data.toString(), "--seed", "1", "--out", model.toString());
        assertEquals(0, t.exitCode(), t.err());
        Path results = dir.resolve("RESULTS.json");
        Path pred = dir.resolve("PRED.csv");
        Cli.Result e = Cli.run("evaluate", "--model", model.toString(), "--data", data.toString(), "--protocol", "inter",
                "--out", results.toString(), "--predictions", pred.toString());
        assertEquals(0, e.exitCode(), e.err());
        List<ResultRecord> records = ResultsJson.read(results);
        assertEquals(7, records.size());
        assertTrue(records.get(0).metrics().keySet().containsAll(List.of("acc_neutral", "f1_neutral", "acc_angry", "f1_angry")));
        assumeTrue(PythonReference.available(), "python3 with numpy is not available: the independent recomputation is skipped");
        List<ResultRecord> recomputed = ResultsJson.fromJson(PythonReference.run("pred", pred.toString(), "--model", "umdf",
                "--dataset", "iemocap"));
        for (int i = 0; i < records.size(); i++) {
            for (Map.Entry<String, Double> m : records.get(i).metrics().entrySet()) {
                assertEquals(m.getValue(), recomputed.get(i).metric(m.getKey()), 1e-6, m.getKey());
            }
        }
    }

    @Test
    void paramsPrintsEveryComponent() {
        Cli.Result r = Cli.run("params", "--model", "umdf", "--preset", "mosi-aligned");
        assertEquals(0, r.exitCode(), r.err());
        for (String c : List.of("mcim.projection.language", "mcim.coarseAttention", "mcim.fineAttention", "jointEncoder", "dfim",
                "fusedEncoder", "predictionHead", "logitsHead", "total")) {
            assertTrue(r.out().contains(c), c + " in " + r.out());
        }
    }
}
