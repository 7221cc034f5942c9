package io.github.umdf.tools.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.InferenceMode;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.ops.Engines;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingLoop;
import io.github.umdf.nn.umdf.UmdfModel;

import java.io.PrintStream;
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
     * Training and inference throughput of a network on a preset's shapes, with the memory and
     * page-fault figures of each phase and the C allocator that served them.
     *
     * @param steps timed training steps (after one warm-up step); inference is timed over as many batches
     */
    public static void throughput(ModelSpec spec, String preset, int batch, int steps, PrintStream out) {
        throughput(spec, preset, batch, steps, null, out);
    }

    /**
     * As {@link #throughput(ModelSpec, String, int, int, PrintStream)}; with a {@code profileDir}, the timed
     * training steps and the timed one-stream inference batches also run under PyTorch's profiler, whose
     * Chrome traces are written there ({@code train-<preset>.json}, {@code infer-<preset>.json}; open them
     * in chrome://tracing or Perfetto, or sum them per operator with {@code benchmarks/profile_ops.py}).
     * The profiler slows every operator down: read times from a run without it.
     */
    public static void throughput(ModelSpec spec, String preset, int batch, int steps, java.nio.file.Path profileDir,
                                  PrintStream out) {
        List<MultimodalSample> data = samples(preset, batch);
        var schema = SyntheticPresets.get(preset).schema();
        Engines.RANDOM_LOCK.lock();
        try (NetworkSession s = NetworkSession.create(spec, schema, Device.cpu(), 1)) {
            out.printf(Locale.ROOT, "%s on %s, batch %d: allocator %s, %s%n", spec.family(), preset, batch,
                    ProcessStats.allocator(), Engines.threads());
            TrainingLoop.Stepper stepper = new TrainingLoop.Stepper(s, TrainingConfig.builder().build(), spec.viewsPerSample(), 1);
            boolean peakReset = ProcessStats.resetPeak();
            stepper.step(data, 0, 0); // warm-up
            ProcessStats.Counters c0 = ProcessStats.counters();
            Profiler.start(profileDir);
            long t0 = System.nanoTime();
            for (int i = 1; i <= steps; i++) {
                stepper.step(data, i, i);
            }
            double train = (System.nanoTime() - t0) / 1e9;
            Profiler.stop(profileDir, "train-" + preset + ".json", out);
            ProcessStats.Counters trainDelta = ProcessStats.counters().minus(c0);
            out.printf(Locale.ROOT, "  training   %.2f s/step, %.1f samples/s (%d view(s) per sample, %d steps)%n",
                    train / steps, batch * steps / train, spec.viewsPerSample(), steps);
            out.printf(Locale.ROOT, "             peak resident %.0f MB%s; %s%n", ProcessStats.peakResidentMb(),
                    peakReset ? "" : " (since the start)", ProcessStats.perStep(trainDelta, steps));
            List<SampleMask> masks = BatchBuilder.completeMasks(data);
            if (s.model() instanceof UmdfModel) {
                UmdfModel m = (UmdfModel) s.model();
                for (InferenceMode mode : InferenceMode.values()) {
                    timeInference(s, data, masks, steps, mode.toString(), (ps, in) -> m.predict(ps, in, mode),
                            mode == InferenceMode.ONE_STREAM ? profileDir : null, "infer-" + preset + ".json", out);
                }
            } else {
                timeInference(s, data, masks, steps, "", (ps, in) -> s.model().predict(ps, in), profileDir,
                        "infer-" + preset + ".json", out);
            }
        } finally {
            Engines.RANDOM_LOCK.unlock();
        }
    }

    private static void timeInference(NetworkSession s, List<MultimodalSample> data, List<SampleMask> masks, int reps, String label,
                                      java.util.function.BiFunction<ai.djl.training.ParameterStore, ModalityInputs, ai.djl.ndarray.NDArray> f,
                                      java.nio.file.Path profileDir, String traceName, PrintStream out) {
        Engines.noGrad();
        boolean peakReset = ProcessStats.resetPeak();
        long total = 0;
        ProcessStats.Counters c0 = null;
        for (int i = 0; i <= reps; i++) {
            try (NDManager step = s.manager().newSubManager()) {
                ModalityInputs in = s.batchBuilder().inputs(step, data, masks);
                if (i == 1) {
                    c0 = ProcessStats.counters();
                    Profiler.start(profileDir);
                }
                long t = System.nanoTime();
                f.apply(s.parameterStore(), in).toFloatArray();
                if (i > 0) {
                    total += System.nanoTime() - t;
                }
            }
        }
        if (reps > 0) {
            Profiler.stop(profileDir, traceName, out);
        }
        double sec = total / 1e9 / reps;
        ProcessStats.Counters delta = c0 == null ? new ProcessStats.Counters(0, 0, 0, 0) : ProcessStats.counters().minus(c0);
        out.printf(Locale.ROOT, "  inference %-10s %.3f s/batch, %.1f samples/s; peak resident %.0f MB%s; %s%n", label, sec,
                data.size() / sec, ProcessStats.peakResidentMb(), peakReset ? "" : " (since the start)",
                ProcessStats.perStep(delta, reps));
    }

    /**
     * Resident memory over training steps: prints VmRSS (after a Java GC) every {@code every} steps.
     * Native memory that grows after the warm-up steps would show here as a rising line.
     */
    public static void memory(ModelSpec spec, String preset, int batch, int steps, int every, PrintStream out) {
        List<MultimodalSample> data = samples(preset, batch);
        var schema = SyntheticPresets.get(preset).schema();
        Engines.RANDOM_LOCK.lock();
        try (NetworkSession s = NetworkSession.create(spec, schema, Device.cpu(), 1)) {
            TrainingLoop.Stepper stepper = new TrainingLoop.Stepper(s, TrainingConfig.builder().build(), spec.viewsPerSample(), 1);
            out.printf(Locale.ROOT, "%s on %s, batch %d: resident memory every %d steps%n", spec.family(), preset, batch, every);
            out.printf(Locale.ROOT, "  step %5d  rss %8.1f MB  (before training)%n", 0, ProcessStats.residentMb());
            long start = System.nanoTime();
            for (int i = 1; i <= steps; i++) {
                stepper.step(data, i, i);
                if (i % every == 0) {
                    System.gc();
                    out.printf(Locale.ROOT, "  step %5d  rss %8.1f MB  heap %7.1f MB  %.1f s%n", i, ProcessStats.residentMb(),
                            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1048576.0,
                            (System.nanoTime() - start) / 1e9);
                }
            }
        } finally {
            Engines.RANDOM_LOCK.unlock();
        }
    }
}
