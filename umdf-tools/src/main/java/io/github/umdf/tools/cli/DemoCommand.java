package io.github.umdf.tools.cli;

import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.tools.protocol.Demo;
import io.github.umdf.tools.protocol.ExperimentRunner;
import io.github.umdf.tools.report.TableFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code umdf demo}: the embedded default. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "Train UMDF briefly on synthetic data and run the whole protocol (start here).",
        description = {"Train UMDF briefly on a small synthetic MOSI-shaped data set (no download, no GPU), then print",
                "the inter-modality table and the missing-rate sweep and write RESULTS.json, PRED.csv, the tables",
                "(Markdown, CSV, JSON, LaTeX) and the figures (rate curves, t-SNE) to a folder. A few minutes on 2 cores."})
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", defaultValue = "umdf-out/demo", description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--epochs", defaultValue = "" + Demo.EPOCHS, description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        System.err.printf(Locale.ROOT, "umdf demo: UMDF on synthetic %s (scale %s), %d epochs, then the paper's protocol%n",
                Demo.PRESET, Demo.SCALE, epochs);
        ExperimentRunner.Outcome o = Demo.run(out, epochs, TrainingListener.LOG);
        System.out.println();
        o.conditionTable().ifPresent(t -> System.out.println(TableFormat.MARKDOWN.writer().render(t)));
        o.rateTable().ifPresent(t -> System.out.println(TableFormat.MARKDOWN.writer().render(t)));
        System.out.println("Everything is in " + out.toAbsolutePath() + ":");
        o.files().forEach(f -> System.out.println("  " + out.toAbsolutePath().relativize(f.toAbsolutePath())));
        System.out.printf(Locale.ROOT, "(%.0f s)%n", (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
