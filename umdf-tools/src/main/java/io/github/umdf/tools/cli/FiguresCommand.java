package io.github.umdf.tools.cli;

import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.tools.protocol.Figures;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.evaluation.ModelPredictor;
import io.github.umdf.tribuo.evaluation.Predictor;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.evaluation.ResultsJson;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code umdf figures}: the paper's figures as PNG. */
@Command(name = "figures", mixinStandardHelpOptions = true, description = "Draw the paper's figures as PNG files.",
        subcommands = {FiguresCommand.Curves.class, FiguresCommand.TsneFigure.class})
final class FiguresCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "curves", mixinStandardHelpOptions = true,
            description = "Metric against missing rate per model (paper Figures 3-5), from a RESULTS.json.")
    static final class Curves implements Callable<Integer> {
        @Option(names = "--results", required = true, description = "A RESULTS.json of 'umdf evaluate' or 'umdf experiment'.")
        Path results;

        @Option(names = "--dataset", description = "The data set to draw (default: the first in the results).")
        String dataset;

        @Option(names = "--models", split = ",", description = "Models to draw, in legend order (default: all in the results).")
        List<String> models;

        @Option(names = "--out", required = true, description = "Output folder.")
        Path out;

        @Override
        public Integer call() throws Exception {
            List<ResultRecord> records = ResultsJson.read(results);
            if (records.isEmpty()) {
                throw new IllegalArgumentException(results + " holds no results");
            }
            String ds = dataset != null ? dataset : records.get(0).dataset();
            List<String> ms = models != null ? models : records.stream().map(ResultRecord::model).distinct().toList();
            Figures.rateCurves(records, ds, ms, out).forEach(p -> System.out.println(p.toAbsolutePath()));
            return 0;
        }
    }

    @Command(name = "tsne", mixinStandardHelpOptions = true,
            description = {"t-SNE of a model's joint representations of the test samples, coloured negative / neutral /",
                    "positive (paper Figure 6: condition {l}, p = 0.5). With --models, one panel per model side by side,",
                    "on the same samples and masks, as the paper draws CubeMLP, TransM, SMIL and UMDF."})
    static final class TsneFigure implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Models models;

        static final class Models {
            @Option(names = "--model", description = "A model file written by 'umdf train'.")
            Path model;

            @Option(names = "--models", split = ",", paramLabel = "FILE", description = "Model files (e.g. runs/<model>/seed-1/model.umdf of "
                    + "'umdf experiment'): one panel each, left to right.")
            List<Path> files;
        }

        @Mixin
        DataOptions data;

        @Option(names = "--condition", defaultValue = "l", description = "Modalities kept (default: ${DEFAULT-VALUE}).")
        String condition;

        @Option(names = "--rate", defaultValue = "0.5", description = "Frame missing rate (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--seed", defaultValue = "1", description = "Mask and t-SNE seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--out", required = true, description = "The PNG file.")
        Path out;

        @Override
        public Integer call() throws Exception {
            MultimodalDataset ds = data.spec().load();
            ModalitySubset c = ModalitySubset.parse(condition);
            if (!c.applicableTo(ds.schema().modalities())) {
                throw new IllegalArgumentException("Condition " + c.braces() + " needs a modality the data set lacks; it has "
                        + ds.schema().modalities());
            }
            List<Path> files = models.model != null ? List.of(models.model) : models.files;
            List<MultimodalModel<?>> loaded = new ArrayList<>();
            try {
                for (Path f : files) {
                    loaded.add(MultimodalModel.load(f));
                }
                List<Predictor> predictors = new ArrayList<>();
                List<String> titles = new ArrayList<>();
                for (int i = 0; i < loaded.size(); i++) {
                    predictors.add(new ModelPredictor(loaded.get(i), ds.schema()));
                    String family = loaded.get(i).spec().family();
                    boolean repeated = loaded.stream().filter(m -> m.spec().family().equals(family)).count() > 1;
                    titles.add((repeated ? files.get(i).toString() : family) + " on " + data.spec().name());
                }
                if (models.model != null) {
                    Figures.tsne(predictors.get(0), ds.split(SplitName.TEST), c, rate, seed, titles.get(0), out);
                } else {
                    Figures.tsnePanels(predictors, titles, ds.split(SplitName.TEST), c, rate, seed, out);
                }
            } finally {
                loaded.forEach(MultimodalModel::close);
            }
            System.out.println(out.toAbsolutePath());
            return 0;
        }
    }
}
