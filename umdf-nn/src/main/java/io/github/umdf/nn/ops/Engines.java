package io.github.umdf.nn.ops;

import ai.djl.engine.Engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Engine facts and the process-wide random state. DJL never downloads here: the PyTorch native
 * comes from the {@code pytorch-native-cpu} jar on the class path, and offline mode is switched on
 * before the engine starts so that any download attempt fails loudly.
 *
 * <p>{@code Engine.setRandomSeed} seeds torch's global generator, which parameter initialisation and
 * dropout draw from; it is shared by the whole process. {@link #RANDOM_LOCK} serialises the work
 * that must be reproducible (initialising and training a network), so two trainings in one JVM
 * cannot interleave their draws.
 */
public final class Engines {
    /** Held while a network is initialised or trained. */
    public static final ReentrantLock RANDOM_LOCK = new ReentrantLock();

    private Engines() {
    }

    /** Switches DJL to offline mode unless the user chose otherwise. Idempotent. */
    public static void ensureOffline() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    /** The engine, offline. */
    public static Engine engine() {
        ensureOffline();
        return Engine.getInstance();
    }

    /** Seeds the engine's random state from a 64-bit seed. */
    public static void seed(long seed) {
        engine().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /**
     * Turns off gradient recording on this thread. PyTorch's grad mode is thread-local and on by
     * default in new threads; inference on such a thread would record a graph for nothing.
     */
    public static void noGrad() {
        if ("PyTorch".equals(engine().getEngineName())) {
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        }
    }

    /** Whether PyTorch records operations for autograd on this thread (always false for other engines). */
    public static boolean recordsGradients() {
        return "PyTorch".equals(engine().getEngineName()) && ai.djl.pytorch.jni.JniUtils.isGradMode();
    }

    /**
     * Runs {@code work} with PyTorch's gradient recording on for this thread and restores the previous
     * mode afterwards. For a kernel whose no-autograd path computes other numbers than the path training
     * takes (libtorch's fused LSTM, see the baselines' {@code PackedRecurrence}); other engines run
     * {@code work} as it is.
     */
    public static <T> T recordingGradients(Supplier<T> work) {
        if (!"PyTorch".equals(engine().getEngineName()) || ai.djl.pytorch.jni.JniUtils.isGradMode()) {
            return work.get();
        }
        ai.djl.pytorch.jni.JniUtils.setGradMode(true);
        try {
            return work.get();
        } finally {
            ai.djl.pytorch.jni.JniUtils.setGradMode(false);
        }
    }

    /**
     * Starts PyTorch's operator profiler (shapes recorded, memory not). For benchmarks: every operator
     * runs slower under it.
     *
     * @throws IllegalStateException on an engine other than PyTorch
     */
    public static void startProfile() {
        requirePyTorch("the operator profiler");
        ai.djl.pytorch.jni.JniUtils.startProfile(false, true, false);
    }

    /** Stops the profiler started by {@link #startProfile()} and writes its Chrome trace to {@code trace}. */
    public static void stopProfile(java.nio.file.Path trace) {
        requirePyTorch("the operator profiler");
        ai.djl.pytorch.jni.JniUtils.stopProfile(trace.toAbsolutePath().toString());
    }

    private static void requirePyTorch(String what) {
        if (!"PyTorch".equals(engine().getEngineName())) {
            throw new IllegalStateException(what + " needs the PyTorch engine; found " + engine().getEngineName());
        }
    }

    /** PyTorch's intra-op and inter-op thread counts, e.g. {@code "1 intra-op / 1 inter-op PyTorch thread(s)"}. */
    public static String threads() {
        if (!"PyTorch".equals(engine().getEngineName())) {
            return engine().getEngineName() + " engine";
        }
        return ai.djl.pytorch.jni.JniUtils.getNumThreads() + " intra-op / " + ai.djl.pytorch.jni.JniUtils.getNumInteropThreads()
                + " inter-op PyTorch thread(s)";
    }

    /** DJL, engine and native versions and the GPU count, for provenance and logs. */
    public static Map<String, String> versions() {
        Engine e = engine();
        Map<String, String> out = new LinkedHashMap<>();
        out.put("djl", Engine.getDjlVersion());
        out.put("engine", e.getEngineName());
        out.put("engineVersion", e.getVersion());
        out.put("gpus", Integer.toString(e.getGpuCount()));
        return out;
    }
}
