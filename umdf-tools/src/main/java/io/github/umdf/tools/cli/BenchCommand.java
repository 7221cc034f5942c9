package io.github.umdf.tools.cli;

import io.github.umdf.nn.block.AttentionDropoutUnit;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.umdf.UmdfConfig;
import io.github.umdf.tools.bench.AttentionBenchmark;
import io.github.umdf.tools.bench.Benchmarks;
import io.github.umdf.tools.bench.LoadBenchmark;
import io.github.umdf.tools.protocol.ModelConfigFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code umdf bench}: speed and memory figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Print speed and memory figures (CPU).",
        subcommands = {BenchCommand.Speed.class, BenchCommand.Memory.class, BenchCommand.Load.class, BenchCommand.Attention.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ModelSpec model(String name, Path config, String preset) throws Exception {
        DatasetSchema schema = SyntheticPresets.get(preset).schema();
        PaperDataset paper = PaperDataset.forDatasetName(schema.name());
        return config != null ? ModelConfigFile.read(config).model() : ModelConfigFile.ofFamily(name, paper).model();
    }

    @Command(name = "speed", mixinStandardHelpOptions = true,
            description = {"Training and inference samples per second on MOSI-shaped data (aligned 50/50/50 and unaligned",
                    "50/375/500), one-stream and two-stream inference side by side, with the peak resident memory, page",
                    "faults and CPU seconds per step, the C allocator and the PyTorch thread counts. Full size: --batch 128.",
                    "Threads: UMDF_JAVA_OPTS=\"-Dai.djl.pytorch.num_threads=N\"; allocator: UMDF_MALLOC (see ./umdf)."})
    static final class Speed implements Callable<Integer> {
        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--model", defaultValue = "umdf", description = "A registered model (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--config", description = "A configuration file instead of --model.")
        Path config;

        @Option(names = "--presets", split = ",", defaultValue = "mosi-aligned,mosi-unaligned",
                description = "Shapes to measure (default: ${DEFAULT-VALUE}).")
        List<String> presets;

        @Option(names = "--batch", defaultValue = "32", description = "Batch size (default: ${DEFAULT-VALUE}; the paper's MOSI batch is 128).")
        int batch;

        @Option(names = "--steps", defaultValue = "3", description = "Timed steps (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--equal-attention-dropout",
                description = "UMDF: every MCIM attention drops attention weights at the language-target rate (default: MulT's "
                        + "rates, language targets only), the work of PyTorch's nn.MultiheadAttention reference, for comparisons.")
        boolean equalAttentionDropout;

        @Option(names = "--attention-dropout-unit", paramLabel = "UNIT",
                description = "UMDF: what attention dropout drops, WEIGHT (MulT) or KEY (each key of a head; no attention map, so "
                        + "the Java training attention runs); default: the configuration's (attnDropoutUnit, WEIGHT unless set).")
        AttentionDropoutUnit attentionDropoutUnit;

        @Option(names = "--profile", paramLabel = "DIR",
                description = "Also run the timed training steps and one-stream inference batches under PyTorch's operator "
                        + "profiler and write Chrome traces to DIR (train-<preset>.json, infer-<preset>.json); "
                        + "benchmarks/profile_ops.py sums them per operator. Slows every operator: take times from a run without it.")
        Path profile;

        @Override
        public Integer call() throws Exception {
            for (String p : presets) {
                ModelSpec m = model(model, config, p);
                if (equalAttentionDropout) {
                    UmdfConfig u = umdf(m, "--equal-attention-dropout");
                    m = u.toBuilder().attnDropout(u.attnDropoutLanguage(), u.attnDropoutLanguage(), u.attnDropoutLanguage()).build();
                }
                if (attentionDropoutUnit != null) {
                    m = umdf(m, "--attention-dropout-unit").toBuilder().attnDropoutUnit(attentionDropoutUnit).build();
                }
                Benchmarks.throughput(m, p, batch, steps, profile, System.out);
            }
            return 0;
        }

        private UmdfConfig umdf(ModelSpec m, String option) {
            if (!(m instanceof UmdfConfig)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        option + " applies to UMDF configurations; found model family " + m.family());
            }
            return (UmdfConfig) m;
        }
    }

    @Command(name = "memory", mixinStandardHelpOptions = true,
            description = "Resident memory every N training steps: it must stay flat after warm-up.")
    static final class Memory implements Callable<Integer> {
        @Option(names = "--model", defaultValue = "umdf", description = "A registered model (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--config", description = "A configuration file instead of --model.")
        Path config;

        @Option(names = "--preset", defaultValue = "mosi-aligned", description = "Shapes (default: ${DEFAULT-VALUE}).")
        String preset;

        @Option(names = "--batch", defaultValue = "16", description = "Batch size (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--steps", defaultValue = "300", description = "Training steps (default: ${DEFAULT-VALUE}).")
        int steps;

        @Option(names = "--every", defaultValue = "50", description = "Print every N steps (default: ${DEFAULT-VALUE}).")
        int every;

        @Override
        public Integer call() throws Exception {
            Benchmarks.memory(model(model, config, preset), preset, batch, steps, every, System.out);
            return 0;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = {"Heap and time to hold a full-size synthetic data set as Tribuo examples (scale 1).",
                    "Set the heap with UMDF_JAVA_OPTS, e.g. UMDF_JAVA_OPTS=-Xmx4g ./umdf bench load."})
    static final class Load implements Callable<Integer> {
        @Option(names = "--preset", defaultValue = "mosei-aligned", description = "A synthetic preset (default: ${DEFAULT-VALUE}).")
        String preset;

        @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() {
            LoadBenchmark.run(preset, seed, System.out);
            return 0;
        }
    }

    @Command(name = "attention", mixinStandardHelpOptions = true,
            description = {"One attention without autograd, timed side by side: the Java Vector API kernel that inference",
                    "runs (heads of at most 12 channels) against PyTorch's fused kernel, on the same inputs, with their",
                    "largest difference and the Java heap each call allocates (all threads; a Vector API kernel that",
                    "allocates much more than its workspaces has boxed vectors). Defaults: the paper's MOSI attentions",
                    "(10 heads of 4 channels, 50 queries; 50, 100 and 150 keys), batch 128. With --training, a training",
                    "step of the attention instead (forward with autograd and backward: the Java kernels of training",
                    "against PyTorch's fused kernel and its backward).",
                    "Threads: UMDF_JAVA_OPTS=\"-Dai.djl.pytorch.num_threads=N\"."})
    static final class Attention implements Callable<Integer> {
        @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--heads", defaultValue = "10", description = "Heads (default: ${DEFAULT-VALUE}).")
        int heads;

        @Option(names = "--head-dim", defaultValue = "4", description = "Channels per head, at most 12 (default: ${DEFAULT-VALUE}).")
        int headDim;

        @Option(names = "--queries", defaultValue = "50", description = "Query frames (default: ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--keys", split = ",", defaultValue = "50,100,150",
                description = "Key frame counts, one line each (default: ${DEFAULT-VALUE}).")
        List<Integer> keys;

        @Option(names = "--reps", defaultValue = "20",
                description = "Timed calls per kernel and shape; the best is printed (default: ${DEFAULT-VALUE}).")
        int reps;

        @Option(names = "--warm-up", defaultValue = "2", paramLabel = "SECONDS",
                description = "Untimed calls first, at least 30 and for at least this long per kernel and shape: the JIT compiles "
                        + "the Vector API code during the first calls (default: ${DEFAULT-VALUE}).")
        double warmUp;

        @Option(names = "--training",
                description = "Time the forward and backward pass with autograd (a training step) instead of inference.")
        boolean training;

        @Override
        public Integer call() {
            AttentionBenchmark.run(batch, heads, headDim, queries, keys, reps, warmUp, training, System.out);
            return 0;
        }
    }
}
