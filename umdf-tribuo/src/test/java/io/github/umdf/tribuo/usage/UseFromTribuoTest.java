package io.github.umdf.tribuo.usage;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.nn.umdf.UmdfConfig;
import io.github.umdf.tribuo.Fixtures;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.MultimodalTrainer;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.data.MultimodalDataSources;
import io.github.umdf.tribuo.evaluation.EvaluationCondition;
import io.github.umdf.tribuo.evaluation.MissingModalityEvaluation;
import io.github.umdf.tribuo.evaluation.MissingModalityEvaluator;
import io.github.umdf.tribuo.evaluation.ProtocolKind;
import io.github.umdf.tribuo.evaluation.RateRange;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.evaluation.ResultsJson;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs the "Use from Tribuo" example of {@code umdf-tribuo/USE-FROM-TRIBUO.md} and keeps the document in step with it. */
class UseFromTribuoTest {

    @Test
    void theDocumentedExampleRuns() throws Exception {
        // BEGIN USE-FROM-TRIBUO
        // Data: each split is a Tribuo DataSource. Real files: MultimodalDataSources.mmsaPickle(path, adapter),
        // multPickle(...), umdfArchive(...), utteranceCsv(...); here 1% of the synthetic MOSI preset.
        DataSplits<Regressor> data = MultimodalDataSources.synthetic("mosi-aligned", 42, 0.01, new RegressorAdapter());
        MutableDataset<Regressor> train = new MutableDataset<>(data.train());
        MutableDataset<Regressor> valid = new MutableDataset<>(data.valid());
        MutableDataset<Regressor> test = new MutableDataset<>(data.test());

        // Trainer: the paper's MOSI settings are UmdfConfig.paper(PaperDataset.MOSI) and
        // TrainingConfig.paper(PaperDataset.MOSI) (configs/umdf-mosi.xml holds the same);
        // for a quick try, a small network (d = 8, one MCIM layer) and one epoch.
        UmdfConfig network = UmdfConfig.builder().modelDim(8).heads(2).depth(1).encoderLayers(1).build();
        TrainingConfig training = TrainingConfig.paper(PaperDataset.MOSI).toBuilder().epochs(1).build();
        MultimodalTrainer<Regressor> trainer = new MultimodalTrainer<>(network, training, new RegressorAdapter(), 42);

        // Train: the valid split selects the epoch; the test split is only for the report.
        MultimodalModel<Regressor> model = trainer.train(train, valid, Map.of());

        // Evaluate with Tribuo's own evaluator.
        RegressionEvaluation evaluation = new RegressionEvaluator().evaluate(model, test);
        System.out.println(evaluation);

        // Save and load (Tribuo's protobuf format; Java serialization works as well).
        Path file = Files.createTempFile("umdf-mosi", ".tribuo");
        model.serializeToFile(file);
        Model<Regressor> loaded = Model.deserializeFromFile(file).castModel(Regressor.class);
        System.out.println(loaded.predict(test).get(0).getOutput());
        model.close();
        // END USE-FROM-TRIBUO

        assertTrue(Double.isFinite(evaluation.mae(new Regressor("sentiment", Double.NaN))));
        Fixtures.assertIdentical(model.predict(test), loaded.predict(test));
        ((MultimodalModel<Regressor>) loaded).close();
        model.close();
        Files.delete(file);
    }

    @Test
    void theDocumentedEvaluationUnderMissingModalitiesRuns() throws Exception {
        DataSplits<Regressor> data = MultimodalDataSources.synthetic("mosi-aligned", 42, 0.01, new RegressorAdapter());
        MutableDataset<Regressor> test = new MutableDataset<>(data.test());
        MultimodalModel<Regressor> model = Fixtures.train(data, 42, 1);
        // BEGIN USE-FROM-TRIBUO-EVALUATION
        // The paper's protocol: language only {l}, audio and vision {a,v}, and every modality with half of
        // the frames missing (p = 0.5). The masks are fixed by the evaluation seed: every model evaluated
        // with seed 1 sees the same ones, here and in the command line.
        MissingModalityEvaluator protocol = new MissingModalityEvaluator(1);
        List<EvaluationCondition> conditions = List.of(
                new EvaluationCondition(ModalitySubset.parse("l"), 0.0),
                new EvaluationCondition(ModalitySubset.parse("av"), 0.0),
                new EvaluationCondition(ModalitySubset.parse("lav"), 0.5));
        MissingModalityEvaluation<Regressor> missing = protocol.evaluate(model, test, conditions);
        for (ResultRecord r : missing.records()) {
            System.out.printf("{%s} at p = %.1f: MAE %.3f, F1 %.3f%n", r.condition(), r.rate(), r.metric("mae"), r.metric("f1_non0"));
        }

        // Each condition's predictions are Tribuo predictions, for Tribuo's own evaluators.
        RegressionEvaluation languageOnly = new RegressionEvaluator().evaluate(model, missing.predictions(conditions.get(0)),
                test.getProvenance());

        // The whole protocol (seven conditions, rates 0.0 to 0.9), written as `umdf evaluate` writes it.
        List<EvaluationCondition> all = ProtocolKind.ALL.conditions(model.schema().modalities(), RateRange.parse(RateRange.PAPER));
        Path results = Files.createTempFile("RESULTS", ".json");
        ResultsJson.write(protocol.evaluate(model, test, all).records(), results);
        // END USE-FROM-TRIBUO-EVALUATION

        assertEquals(languageOnly.averageMAE(), missing.records().get(0).metric("mae"), 1e-6);
        assertEquals(16, ResultsJson.read(results).size());
        model.close();
        Files.delete(results);
    }

    @Test
    void theDocumentShowsExactlyThisCode() throws Exception {
        Path module = Fixtures.projectRoot().resolve("umdf-tribuo");
        String source = Files.readString(module.resolve("src/test/java/io/github/umdf/tribuo/usage/UseFromTribuoTest.java"));
        String doc = Files.readString(module.resolve("USE-FROM-TRIBUO.md"));
        List<String> blocks = javaBlocks(doc);
        assertEquals(3, blocks.size(), "USE-FROM-TRIBUO.md should hold an import block and two code blocks");
        assertEquals(region(source, "USE-FROM-TRIBUO"), blocks.get(1), "the document's first code block must be the test's code");
        assertEquals(region(source, "USE-FROM-TRIBUO-EVALUATION"), blocks.get(2), "the document's second code block must be the test's code");
        for (String imp : blocks.get(0).split("\n")) {
            assertTrue(source.contains(imp), "the test must have the documented import " + imp);
        }
    }

    /** The lines between {@code // BEGIN name} and {@code // END name}, without the method's indentation. */
    private static String region(String source, String name) {
        List<String> body = new ArrayList<>();
        boolean inside = false;
        for (String line : source.split("\n")) {
            if (line.strip().equals("// END " + name)) {
                break;
            }
            if (inside) {
                body.add(line.length() >= 8 ? line.substring(8) : line.strip());
            }
            inside |= line.strip().equals("// BEGIN " + name);
        }
        return String.join("\n", body);
    }

    private static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : markdown.split("\n")) {
            if (line.equals("```java")) {
                current = new StringBuilder();
            } else if (line.equals("```") && current != null) {
                blocks.add(current.toString().stripTrailing());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }
}
