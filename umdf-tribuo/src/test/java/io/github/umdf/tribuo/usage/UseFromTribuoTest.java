package io.github.umdf.tribuo.usage;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.umdf.UmdfConfig;
import io.github.umdf.tribuo.Fixtures;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.MultimodalTrainer;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.data.MultimodalDataSources;
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
    void theDocumentShowsExactlyThisCode() throws Exception {
        Path module = Fixtures.projectRoot().resolve("umdf-tribuo");
        String source = Files.readString(module.resolve("src/test/java/io/github/umdf/tribuo/usage/UseFromTribuoTest.java"));
        String doc = Files.readString(module.resolve("USE-FROM-TRIBUO.md"));
        List<String> body = new ArrayList<>();
        boolean inside = false;
        for (String line : source.split("\n")) {
            if (line.contains("END USE-FROM-TRIBUO")) {
                break;
            }
            if (inside) {
                body.add(line.length() >= 8 ? line.substring(8) : line.strip());
            }
            inside |= line.contains("BEGIN USE-FROM-TRIBUO");
        }
        List<String> blocks = javaBlocks(doc);
        assertEquals(2, blocks.size(), "USE-FROM-TRIBUO.md should hold an import block and a code block");
        assertEquals(String.join("\n", body), blocks.get(1), "the document's code block must be the test's code");
        for (String imp : blocks.get(0).split("\n")) {
            assertTrue(source.contains(imp), "the test must have the documented import " + imp);
        }
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
