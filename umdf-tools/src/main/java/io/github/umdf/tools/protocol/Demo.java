package io.github.umdf.tools.protocol;

import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.umdf.UmdfConfig;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.evaluation.ModelPredictor;
import io.github.umdf.tribuo.evaluation.ProtocolKind;
import io.github.umdf.tribuo.evaluation.RateRange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default of the command line ({@code umdf demo}): UMDF on a scaled-down synthetic
 * {@code mosi-aligned}, a short training, then the inter-modality table, the missing-rate sweep,
 * {@code RESULTS.json}, {@code PRED.csv}, the tables and the figures (rate curves and t-SNE) in one
 * folder. A few minutes on two CPU cores.
 *
 * <p>The network is the paper's UMDF with a lighter attention stack for CPU time (depth 2 instead
 * of 4, 4 heads instead of 10); everything else, the objective and the protocol included, is the
 * paper's. The same settings are in {@code configs/umdf-cpu.xml};
 * {@code umdf experiment --config configs/umdf-mosi.xml ...} runs the full-size network.
 */
public final class Demo {
    /** The demo's data set. */
    public static final String PRESET = "mosi-aligned";
    /** Fraction of the real split sizes: 321 / 58 / 172 samples. */
    public static final double SCALE = 0.25;
    /** Training epochs. */
    public static final int EPOCHS = 20;
    /** Batch size. */
    public static final int BATCH = 32;
    /** Seed of the data, the training and the masks. */
    public static final long SEED = 1;

    private Demo() {
    }

    /** The demo's network: UMDF with depth 2 and 4 heads. */
    public static UmdfConfig network() {
        return UmdfConfig.builder().depth(2).heads(4).build();
    }

    /** The demo's training settings. */
    public static TrainingConfig training() {
        return TrainingConfig.builder().batchSize(BATCH).epochs(EPOCHS).learningRate(1e-3).build();
    }

    /** The demo plan: one model (umdf), one seed, the whole protocol. */
    public static ExperimentPlan plan(Path out, int epochs) {
        return new ExperimentPlan(DataSpec.preset(PRESET, SEED, SCALE),
                List.of(new ExperimentPlan.Entry("umdf", network(), training().toBuilder().epochs(epochs).build())),
                List.of(SEED), ProtocolKind.ALL, RateRange.parse(RateRange.PAPER), out);
    }

    /**
     * Runs the demo; returns the experiment outcome (files include the t-SNE figure). The demo always
     * trains afresh: a run folder left by an earlier demo in {@code out} is deleted first.
     */
    public static ExperimentRunner.Outcome run(Path out, int epochs, TrainingListener listener) throws IOException {
        ExperimentPlan plan = plan(out, epochs);
        Path previous = ExperimentRunner.runDir(out, "umdf", SEED);
        if (java.nio.file.Files.isDirectory(previous)) {
            try (var files = java.nio.file.Files.walk(previous)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    java.nio.file.Files.delete(p);
                }
            }
        }
        ExperimentRunner.Outcome o = new ExperimentRunner(listener).run(plan);
        Path modelFile = ExperimentRunner.runDir(out, "umdf", SEED).resolve(ExperimentRunner.MODEL);
        List<Path> files = new ArrayList<>(o.files());
        try (MultimodalModel<?> model = MultimodalModel.load(modelFile)) {
            files.add(Figures.tsne(new ModelPredictor(model, o.dataset().schema()), o.dataset().split(SplitName.TEST),
                    ModalitySubset.parse("l"), 0.5, SEED, "UMDF on " + PRESET, out.resolve("figures").resolve("tsne-l-p0.5.png")));
        }
        return new ExperimentRunner.Outcome(o.records(), o.conditionTable(), o.rateTable(), files, o.dataset(), o.failures());
    }
}
