package io.github.umdf.tools.protocol;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.ops.Engines;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.evaluation.EvaluationCondition;
import io.github.umdf.tribuo.evaluation.ModelPredictor;
import io.github.umdf.tribuo.evaluation.PredictionCsv;
import io.github.umdf.tribuo.evaluation.ProtocolEvaluator;
import io.github.umdf.tribuo.evaluation.ProtocolKind;
import io.github.umdf.tribuo.evaluation.ResultsJson;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One (model, seed) run of an experiment as a value an engine can ship to where it runs: trains the
 * model through Tribuo (selection on the valid split), evaluates it on the test split under the
 * protocol's conditions with the seed's masks, and returns the content of its run folder. It is a
 * deterministic function of its fields and the data set (on one device, with one PyTorch thread
 * count), so a run redone anywhere gives the same files.
 *
 * @param model       the model's name in the tables
 * @param spec        network settings
 * @param training    training settings
 * @param seed        training seed and evaluation-mask seed
 * @param protocol    inter, intra or all
 * @param rates       missing rates of the sweep
 * @param datasetName the data set's name in the records
 * @param fingerprint what the run folder's {@value ExperimentRunner#RUN} records
 * @param threads     PyTorch intra-op threads for the run, or 0 to leave the process's setting
 */
public record PlannedRun(String model, ModelSpec spec, TrainingConfig training, long seed, ProtocolKind protocol, List<Double> rates,
                         String datasetName, String fingerprint, int threads) implements Serializable {
    private static final long serialVersionUID = 1L;

    public PlannedRun {
        Objects.requireNonNull(model);
        Objects.requireNonNull(spec);
        Objects.requireNonNull(training);
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(datasetName);
        Objects.requireNonNull(fingerprint);
        rates = List.copyOf(rates);
        if (threads < 0) {
            throw new IllegalArgumentException("Expected a PyTorch thread count >= 1, or 0 for the process's setting, got " + threads);
        }
    }

    /** The same run with another PyTorch thread count (0: the process's setting). */
    public PlannedRun withThreads(int n) {
        return n == threads ? this : new PlannedRun(model, spec, training, seed, protocol, rates, datasetName, fingerprint, n);
    }

    /** {@code umdf seed 2}: the run in messages. */
    public String describe() {
        return model + " seed " + seed;
    }

    /**
     * Runs: trains, evaluates and returns the run folder's content; writes nothing but a temporary
     * model file.
     *
     * @param dataset  the data set of the plan
     * @param splits   its Tribuo data sources ({@link TribuoRuns#splitsOf})
     * @param listener epoch lines
     */
    public RunFolder run(MultimodalDataset dataset, DataSplits<?> splits, TrainingListener listener) throws IOException {
        long start = System.nanoTime();
        // PyTorch's grad mode is thread-local: off on the thread that started the engine and after any
        // run, on in a fresh thread (a Spark task's). The first steps differ in the last bits with it on.
        Engines.noGrad();
        if (threads > 0) {
            setIntraOpThreads(threads);
        }
        List<EvaluationCondition> conditions = protocol.conditions(dataset.schema().modalities(), rates);
        try (MultimodalModel<?> trained = TribuoRuns.train(spec, training, splits, seed, listener, Map.of())) {
            byte[] modelBytes = modelBytes(trained);
            ProtocolEvaluator.Evaluation ev = ProtocolEvaluator.evaluate(new ModelPredictor(trained, dataset.schema()),
                    dataset.split(SplitName.TEST), conditions, seed, model, datasetName);
            StringWriter predictions = new StringWriter();
            PredictionCsv.write(dataset.schema(), ev.rows(), predictions);
            JsonObject masks = new JsonObject();
            ev.maskDigests().forEach(masks::addProperty);
            String masksJson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(masks) + "\n";
            return new RunFolder(model, seed, utf8(fingerprint), modelBytes, utf8(predictions.toString()), utf8(masksJson),
                    utf8(ResultsJson.toJson(ev.records())), (System.nanoTime() - start) / 1e9);
        }
    }

    /** The bytes {@link MultimodalModel#save} writes. */
    private static byte[] modelBytes(MultimodalModel<?> model) throws IOException {
        Path tmp = Files.createTempFile("umdf-run-", ".umdf");
        try {
            model.save(tmp);
            return Files.readAllBytes(tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** PyTorch's intra-op thread count: process-wide, set again by every run so that whatever ran before does not matter. */
    private static void setIntraOpThreads(int n) {
        if ("PyTorch".equals(Engines.engine().getEngineName())) {
            ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
