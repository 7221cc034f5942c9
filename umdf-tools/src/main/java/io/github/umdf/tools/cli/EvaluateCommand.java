package io.github.umdf.tools.cli;

import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.tools.protocol.ResultTables;
import io.github.umdf.tools.report.TableFormat;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.evaluation.EvaluationCondition;
import io.github.umdf.tribuo.evaluation.ModelPredictor;
import io.github.umdf.tribuo.evaluation.PredictionCsv;
import io.github.umdf.tribuo.evaluation.ProtocolEvaluator;
import io.github.umdf.tribuo.evaluation.ProtocolKind;
import io.github.umdf.tribuo.evaluation.RateRange;
import io.github.umdf.tribuo.evaluation.ResultsJson;
import io.github.umdf.tribuo.evaluation.metrics.Metric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code umdf evaluate}: the paper's protocol on the test split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        header = "Evaluate a model on the test split: conditions and missing rates.",
        description = {"Evaluate a trained model on the test split under the paper's protocol: the seven inter-modality",
                "conditions and/or the missing-rate sweep, with masks that are a pure function of (seed, condition,",
                "rate, sample id) and therefore identical for every model.",
                "Writes RESULTS.json (metrics per condition) and optionally PRED.csv (every prediction)."})
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "A model file written by 'umdf train'.")
    Path modelFile;

    @Mixin
    DataOptions data;

    @Option(names = "--protocol", defaultValue = "all", description = "inter, intra or all (default: ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--rates", defaultValue = RateRange.PAPER, description = "Missing rates of the sweep, start:stop:step or a list (default: ${DEFAULT-VALUE}).")
    String rates;

    @Option(names = "--seed", defaultValue = "1", description = "Evaluation seed: the masks (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--name", description = "Model name in the results (default: the model's family, e.g. umdf).")
    String name;

    @Option(names = "--out", required = true, description = "RESULTS.json to write.")
    Path out;

    @Option(names = "--predictions", description = "PRED.csv to write (every test prediction, to recompute any metric).")
    Path predictions;

    @Mixin
    MetricsOption metrics;

    @Override
    public Integer call() throws Exception {
        MultimodalDataset ds = data.spec().load();
        var columns = metrics.columns(ds.schema().task()); // an unknown --metrics key fails before the evaluation
        try (MultimodalModel<?> model = MultimodalModel.load(modelFile)) {
            return evaluate(model, ds, columns);
        }
    }

    private Integer evaluate(MultimodalModel<?> model, MultimodalDataset ds, List<Metric> columns) throws Exception {
        String modelName = name != null ? name : model.spec().family();
        String dataset = data.spec().name();
        List<EvaluationCondition> conditions = ProtocolKind.parse(protocol).conditions(ds.schema().modalities(), RateRange.parse(rates));
        ProtocolKind.notApplicable(ds.schema().modalities()).forEach(c ->
                System.err.println("not applicable on this data set (a modality is absent): " + c.braces()));
        System.err.printf(Locale.ROOT, "evaluating %s on %s: %d conditions x %d test samples%n", modelName, dataset,
                conditions.size(), ds.split(SplitName.TEST).size());
        ProtocolEvaluator.Evaluation ev = ProtocolEvaluator.evaluate(new ModelPredictor(model, ds.schema()),
                ds.split(SplitName.TEST), conditions, seed, modelName, dataset);
        ResultsJson.write(ev.records(), out);
        if (predictions != null) {
            PredictionCsv.write(ds.schema(), ev.rows(), predictions);
        }
        List<String> models = List.of(modelName);
        ResultTables.conditions(ev.records(), ds.schema(), dataset, models, null, null, columns)
                .ifPresent(t -> System.out.println(TableFormat.MARKDOWN.writer().render(t)));
        ResultTables.rates(ev.records(), ds.schema(), dataset, models, columns)
                .ifPresent(t -> System.out.println(TableFormat.MARKDOWN.writer().render(t)));
        System.err.println("wrote " + out.toAbsolutePath() + (predictions != null ? " and " + predictions.toAbsolutePath() : ""));
        return 0;
    }
}
