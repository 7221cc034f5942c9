package io.github.umdf.tools.cli;

import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.io.DatasetReaders;
import io.github.umdf.nn.data.npz.UmdfArchive;
import io.github.umdf.nn.data.synth.SyntheticPreset;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.tools.protocol.DatasetSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code umdf data}: inspect data files, write synthetic data sets, assemble CMU-MOSI from SDK files. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Inspect, generate and assemble data sets.",
        subcommands = {DataCommand.Inspect.class, DataCommand.Synth.class, DataCommand.Presets.class, MosiSdkCommand.class})
final class DataCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = {"Print a data file's format, splits, per modality the shape (N, T, d), label statistics",
                    "and the NaN/inf values set to 0 on load.",
                    "Reads .npz (umdf archives), .pkl (MMSA or MulT pickles) and .csv (utterance tables)."})
    static final class Inspect implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The data file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            MultimodalDataset ds = DatasetReaders.read(file);
            DatasetSummary.lines(ds).forEach(System.out::println);
            return 0;
        }
    }

    @Command(name = "synth", mixinStandardHelpOptions = true,
            description = {"Write a synthetic data set with a planted cross-modal signal as a .npz archive",
                    "(the format 'umdf data inspect' and 'umdf train --data' read; numpy.load opens it too).",
                    "The same preset, seed and scale always give a byte-identical file."})
    static final class Synth implements Callable<Integer> {
        @Option(names = "--preset", required = true, description = "One of: ${COMPLETION-CANDIDATES}.",
                completionCandidates = PresetNames.class)
        String preset;

        @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--scale", defaultValue = "1", description = "Fraction of the real split sizes, in (0, 1] (default: ${DEFAULT-VALUE}).")
        double scale;

        @Option(names = "--out", required = true, description = "The .npz file to write.")
        Path out;

        @Override
        public Integer call() throws Exception {
            SyntheticPresets.get(preset);
            Map<SplitName, Integer> sizes = SyntheticPresets.splitSizes(preset, scale);
            System.err.printf(Locale.ROOT, "generating %s (seed %d, scale %s): train %d, valid %d, test %d%n", preset, seed, scale,
                    sizes.get(SplitName.TRAIN), sizes.get(SplitName.VALID), sizes.get(SplitName.TEST));
            MultimodalDataset ds = SyntheticPresets.generate(preset, seed, scale);
            UmdfArchive.write(ds, out);
            System.out.println(out.toAbsolutePath());
            return 0;
        }
    }

    @Command(name = "presets", mixinStandardHelpOptions = true, description = "List the synthetic presets.")
    static final class Presets implements Callable<Integer> {
        @Override
        public Integer call() {
            for (SyntheticPreset p : SyntheticPresets.all()) {
                System.out.printf(Locale.ROOT, "%-20s %s%n", p.name(), p.description());
            }
            return 0;
        }
    }

    /** Completion candidates for {@code --preset}. */
    static final class PresetNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SyntheticPresets.names().iterator();
        }
    }
}
