package io.github.umdf.tools.cli;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.tools.protocol.ModelConfigFile;
import io.github.umdf.tools.protocol.TribuoRuns;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.TrainingSummary;
import io.github.umdf.tribuo.data.DataSplits;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code umdf train}: trains a model through Tribuo and saves it with its provenance. */
@Command(name = "train", mixinStandardHelpOptions = true,
        header = "Train a model (Tribuo) and save it with its provenance.",
        description = {"Train a model on the train split, selecting it on the valid split (the test split is not read),",
                "and save it as a Tribuo model file with its full provenance.",
                "Example: umdf train --config configs/umdf-mosi.xml --preset mosi-aligned --scale 0.1 --seed 1 --epochs 3 --out umdf.model"})
final class TrainCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    ModelOptions model;

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Option(names = "--seed", defaultValue = "1", description = "Training seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "MODEL", description = "The model file to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        DatasetSchema schema = data.spec().schema();
        PaperDataset paper = data.paper(schema);
        ModelConfigFile config = model.read(paper);
        TrainingConfig tc = training.apply(config.training(paper));
        System.err.printf(Locale.ROOT, "training %s on %s, seed %d: %s%n", config.model().family(), data.spec(), seed, tc);
        DataSplits<?> splits = TribuoRuns.splits(data.spec());
        MultimodalModel<?> m = TribuoRuns.train(config.model(), tc, splits, seed, TrainingListener.LOG, Map.of());
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        m.save(out);
        TrainingSummary s = m.trainingSummary();
        System.err.printf(Locale.ROOT, "selected epoch %d of %d (validation loss %.4f)%n", s.bestEpoch(), s.epochs(), s.bestValidationLoss());
        System.out.println(out.toAbsolutePath());
        m.close();
        return 0;
    }
}
