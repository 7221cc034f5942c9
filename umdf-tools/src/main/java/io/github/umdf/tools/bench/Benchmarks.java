package io.github.umdf.tools.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.InferenceMode;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.model.UmdfModel;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.nn.train.Engines;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingConfig;
import io.github.umdf.nn.train.TrainingLoop;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Speed and memory figures, printed rather than asserted: training samples per second (two missing
 * views per sample for UMDF), inference samples per second one-stream and two-stream, and the
 * resident memory of the process over many training steps.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /** Enough samples of a preset for {@code batch}-sized batches (the training split's first samples). */
    static List<MultimodalSample> samples(String preset, int count) {
        int full = SyntheticPresets.get(preset).fullSize(SplitName.TRAIN);
        double scale = Math.min(1.0, Math.max(count, 8) / (double) full + 1e-9);
        MultimodalDataset ds = SyntheticPresets.generate(preset, 1, scale);
        List<MultimodalSample> train = ds.split(SplitName.TRAIN);
        return new ArrayList<>(train.subList(0, Math.min(count, train.size())));
    }

    /**
     * Training and inference throughput of a network on a preset's shapes.
     *
     * @param steps timed training steps (after one warm-up step)
     */
    public static void throughput(ModelSpec spec, String preset, int batch, int steps, PrintStream out) {
        List<MultimodalSample> data = samples(preset, batch);
        var schema = SyntheticPresets.get(preset).schema();
        Engines.RANDOM_LOCK.lock();
        try (NetworkSession s = NetworkSession.create(spec, schema, Device.cpu(), 1)) {
            TrainingLoop.Stepper stepper = new TrainingLoop.Stepper(s, TrainingConfig.builder().build(), spec.viewsPerSample(), 1);
            stepper.step(data, 0, 0); // warm-up
            long t0 = System.nanoTime();
            for (int i = 1; i <= steps; i++) {
                stepper.step(data, i, i);
            }
            double train = (System.nanoTime() - t0) / 1e9;
            out.printf(Locale.ROOT, "%s on %s, batch %d: training %.2f s/step, %.1f samples/s (%d view(s) per sample, %d steps)%n",
                    spec.family(), preset, batch, train / steps, batch * steps / train, spec.viewsPerSample(), steps);
            List<SampleMask> masks = BatchBuilder.completeMasks(data);
            if (s.model() instanceof UmdfModel) {
                UmdfModel m = (UmdfModel) s.model();
                for (InferenceMode mode : InferenceMode.values()) {
                    double sec = timeInference(s, data, masks, steps, (ps, in) -> m.predict(ps, in, mode));
                    out.printf(Locale.ROOT, "  inference %-10s %.3f s/batch, %.1f samples/s%n", mode, sec, batch / sec);
                }
            } else {
                double sec = timeInference(s, data, masks, steps, (ps, in) -> s.model().predict(ps, in));
                out.printf(Locale.ROOT, "  inference %.3f s/batch, %.1f samples/s%n", sec, batch / sec);
            }
        } finally {
            Engines.RANDOM_LOCK.unlock();
        }
    }

    private static double timeInference(NetworkSession s, List<MultimodalSample> data, List<SampleMask> masks, int reps,
                                        java.util.function.BiFunction<ai.djl.training.ParameterStore, ModalityInputs, ai.djl.ndarray.NDArray> f) {
        Engines.noGrad();
        long total = 0;
        for (int i = 0; i <= reps; i++) {
            try (NDManager step = s.manager().newSubManager()) {
                ModalityInputs in = s.batchBuilder().inputs(step, data, masks);
                long t = System.nanoTime();
                f.apply(s.parameterStore(), in).toFloatArray();
                if (i > 0) {
                    total += System.nanoTime() - t;
                }
            }
        }
        return total / 1e9 / reps;
    }

    /**
     * Resident memory over training steps: prints VmRSS (after a Java GC) every {@code every} steps.
     * Native memory that grows after the warm-up steps would show here as a rising line.
     */
    public static void memory(ModelSpec spec, String preset, int batch, int steps, int every, PrintStream out) throws IOException {
        List<MultimodalSample> data = samples(preset, batch);
        var schema = SyntheticPresets.get(preset).schema();
        Engines.RANDOM_LOCK.lock();
        try (NetworkSession s = NetworkSession.create(spec, schema, Device.cpu(), 1)) {
            TrainingLoop.Stepper stepper = new TrainingLoop.Stepper(s, TrainingConfig.builder().build(), spec.viewsPerSample(), 1);
            out.printf(Locale.ROOT, "%s on %s, batch %d: resident memory every %d steps%n", spec.family(), preset, batch, every);
            out.printf(Locale.ROOT, "  step %5d  rss %8.1f MB  (before training)%n", 0, rssMb());
            long start = System.nanoTime();
            for (int i = 1; i <= steps; i++) {
                stepper.step(data, i, i);
                if (i % every == 0) {
                    System.gc();
                    out.printf(Locale.ROOT, "  step %5d  rss %8.1f MB  heap %7.1f MB  %.1f s%n", i, rssMb(),
                            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0,
                            (System.nanoTime() - start) / 1e9);
                }
            }
        } finally {
            Engines.RANDOM_LOCK.unlock();
        }
    }

    /** Resident set size of this process in MB (Linux), or NaN. */
    static double rssMb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return Double.NaN;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
