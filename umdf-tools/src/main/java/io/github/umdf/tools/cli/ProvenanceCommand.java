package io.github.umdf.tools.cli;

import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.provenance.ProvenanceFormats;
import io.github.umdf.tribuo.rerun.ModelRerun;
import io.github.umdf.tribuo.rerun.RerunReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code umdf provenance}: show a model's provenance, or retrain it from its provenance alone. */
@Command(name = "provenance", mixinStandardHelpOptions = true, description = "Audit a trained model from its provenance.",
        subcommands = {ProvenanceCommand.Show.class, ProvenanceCommand.Rerun.class})
final class ProvenanceCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Print a model's provenance: the data (files with SHA-256, split, preprocessing), every",
                    "hyperparameter, the seed, the DJL and PyTorch versions and the device."})
    static final class Show implements Callable<Integer> {
        @Parameters(paramLabel = "MODEL", description = "A model file written by 'umdf train'.")
        Path model;

        @Option(names = "--json", description = "Print JSON (OLCUT's marshalled form) instead of a tree.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (MultimodalModel<?> m = MultimodalModel.load(model)) {
                System.out.println(json ? ProvenanceFormats.json(m.getProvenance()) : ProvenanceFormats.tree(m.getProvenance()));
            }
            return 0;
        }
    }

    @Command(name = "rerun", mixinStandardHelpOptions = true,
            description = {"Rebuild the trainer from the model's provenance alone, retrain on the data file, and report",
                    "whether every test prediction is identical. On CPU with the same seed it must match exactly.",
                    "Without --data, a model trained on a synthetic preset regenerates it from the recorded preset, seed and scale.",
                    "Exit code 0 when identical, 3 when the predictions differ."})
    static final class Rerun implements Callable<Integer> {
        @Parameters(paramLabel = "MODEL", description = "A model file written by 'umdf train'.")
        Path model;

        @Option(names = "--data", description = "The data file the model was trained on (its SHA-256 is checked).")
        Path data;

        @Option(names = "--allow-different-data", description = "Warn instead of failing when the file's SHA-256 differs from the recorded one.")
        boolean allowDifferent;

        @Override
        public Integer call() throws Exception {
            try (MultimodalModel<?> m = MultimodalModel.load(model)) {
                RerunReport r = data != null ? ModelRerun.rerun(m, data, !allowDifferent) : ModelRerun.rerun(m);
                r.warnings().forEach(w -> System.err.println("warning: " + w));
                System.out.println(r.summary());
                if (r.retrained() != null) {
                    r.retrained().close();
                }
                return r.identical() ? 0 : 3;
            }
        }
    }
}
