package io.github.umdf.tools.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.github.umdf.nn.block.FusedAttention;
import io.github.umdf.nn.block.InferenceAttention;
import io.github.umdf.nn.block.TrainingAttention;
import io.github.umdf.nn.ops.Engines;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * One attention without autograd, timed side by side: the Java Vector API kernel of inference
 * ({@link InferenceAttention}) against PyTorch's fused kernel ({@link FusedAttention}, with the head
 * split and merge that a caller pays for around it), on the same random inputs, with their largest
 * difference. Milliseconds per call, the best of {@code reps} calls after at least 30 warm-up calls and two
 * seconds (the Vector API code is compiled by the JIT during the first calls), and the Java heap each timed call
 * allocated: a Vector API kernel that allocates much more than its small workspaces has vectors the JIT did not keep
 * in registers (boxed on the heap), which costs time and, through the garbage collector's young generation, memory.
 */
public final class AttentionBenchmark {
    /** Warm-up calls per kernel and shape: at least this many, and for at least the warm-up time (the JIT needs both). */
    private static final int WARM_UP = 30;

    private AttentionBenchmark() {
    }

    /**
     * @param batch   samples {@code B}
     * @param heads   heads {@code H}
     * @param headDim channels per head {@code dh}
     * @param queries query frames {@code Tq}
     * @param keys    key frame counts {@code Tk} to measure, one line each
     * @param reps    timed calls per kernel and shape
     * @param warmUpSeconds the least time each kernel runs on a shape before it is timed (besides 30 calls)
     */
    public static void run(int batch, int heads, int headDim, int queries, List<Integer> keys, int reps, double warmUpSeconds,
                           PrintStream out) {
        run(batch, heads, headDim, queries, keys, reps, warmUpSeconds, false, out);
    }

    /**
     * As {@link #run(int, int, int, int, List, int, double, PrintStream)}; with {@code training} each call is a
     * training step of the attention instead: the forward pass with autograd recording and the backward pass of
     * {@code sum(out * w)} into the queries and keys-values, by the Java kernels of training ({@link TrainingAttention})
     * against PyTorch's fused kernel and its backward. The difference printed is then the largest between the gradients.
     */
    public static void run(int batch, int heads, int headDim, int queries, List<Integer> keys, int reps, double warmUpSeconds,
                           boolean training, PrintStream out) {
        if (batch < 1 || heads < 1 || headDim < 1 || queries < 1 || reps < 1 || keys.isEmpty()
                || keys.stream().anyMatch(k -> k < 1) || !(warmUpSeconds >= 0)) {
            throw new IllegalArgumentException("Expected positive batch, heads, head size, queries, keys and repetitions; found batch "
                    + batch + ", heads " + heads + ", head size " + headDim + ", queries " + queries + ", keys " + keys
                    + ", reps " + reps + ", warm-up " + warmUpSeconds + " s");
        }
        if (headDim > InferenceAttention.MAX_HEAD_DIM) {
            throw new IllegalArgumentException("The Vector API kernel takes heads of at most " + InferenceAttention.MAX_HEAD_DIM
                    + " channels (larger ones use PyTorch's kernel); found " + headDim);
        }
        Engines.ensureOffline();
        Engines.noGrad();
        int dim = heads * headDim;
        out.printf(Locale.ROOT, "attention %s, batch %d, %d heads of %d channels, %d queries; %s%n",
                training ? "forward and backward (a training step)" : "without autograd", batch, heads, headDim, queries, Engines.threads());
        try (NDManager manager = NDManager.newBaseManager()) {
            Engines.seed(1);
            for (int tk : keys) {
                NDArray q = manager.randomNormal(new Shape(batch, queries, dim)).mul(1f / (float) Math.sqrt(headDim));
                NDArray kv = manager.randomNormal(new Shape(batch, tk, 2L * dim));
                NDArray w = manager.randomNormal(new Shape(batch, queries, dim));
                Supplier<NDArray> vector = training
                        ? () -> step(q, kv, w, (ql, kvl) -> TrainingAttention.attend(ql, kvl, null, heads, null))
                        : () -> InferenceAttention.attend(q, kv, null, heads);
                BinaryOperator<NDArray> fused = (ql, kvl) -> {
                    NDArray h = kvl.reshape(batch, tk, 2, heads, headDim).transpose(2, 0, 3, 1, 4);
                    return FusedAttention.attend(ql.reshape(batch, queries, heads, headDim).transpose(0, 2, 1, 3), h.get(0), h.get(1), null)
                            .transpose(0, 2, 1, 3).reshape(batch, queries, dim);
                };
                Supplier<NDArray> torch = training ? () -> step(q, kv, w, fused) : () -> fused.apply(q, kv);
                float difference;
                try (NDManager step = manager.newSubManager()) {
                    q.tempAttach(step);
                    kv.tempAttach(step);
                    w.tempAttach(step);
                    NDArray a = vector.get();
                    if (a == null) {
                        out.printf(Locale.ROOT, "  keys %4d: the Vector API kernel does not run here (start the JVM with "
                                + "--add-modules jdk.incubator.vector; %s=vector)%n", tk, InferenceAttention.PROPERTY);
                        continue;
                    }
                    difference = a.sub(torch.get()).abs().max().getFloat();
                }
                long warmUpNanos = (long) (warmUpSeconds * 1e9);
                Timing java = best(vector, manager, reps, warmUpNanos, q, kv, w);
                Timing pytorch = best(torch, manager, reps, warmUpNanos, q, kv, w);
                out.printf(Locale.ROOT, "  keys %4d: Vector API %7.2f ms, PyTorch fused %7.2f ms, ratio %.2f; largest difference %.1e; "
                                + "Java heap allocated per call %s / %s%n",
                        tk, java.bestMs(), pytorch.bestMs(), pytorch.bestMs() / java.bestMs(), difference,
                        kilobytes(java.heapBytesPerCall()), kilobytes(pytorch.heapBytesPerCall()));
            }
        }
    }

    /**
     * One training step of an attention on copies of {@code q} and {@code kv} that need gradients: the forward pass
     * with autograd recording, inside a training-attention tape, then the backward pass of {@code sum(out * w)}. Returns both
     * gradients, flattened and joined, or {@code null} when {@code attention} returns {@code null}.
     */
    private static NDArray step(NDArray q, NDArray kv, NDArray w, BinaryOperator<NDArray> attention) {
        NDArray ql = q.duplicate();
        NDArray kvl = kv.duplicate();
        ql.setRequiresGradient(true);
        kvl.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector();
             TrainingAttention tape = TrainingAttention.open()) {
            NDArray out = attention.apply(ql, kvl);
            if (out == null) {
                return null;
            }
            tape.backward(out.mul(w).sum());
        }
        return ql.getGradient().flatten().concat(kvl.getGradient().flatten());
    }

    /**
     * A kernel's figures.
     *
     * @param bestMs            the best time of the timed calls, in milliseconds
     * @param heapBytesPerCall  Java heap allocated per timed call by every thread until the result is returned (the
     *                          kernels' workspaces, the engine's wrappers, and any vector the JIT failed to keep in
     *                          registers), or -1 when the JVM does not count allocations
     */
    record Timing(double bestMs, long heapBytesPerCall) {
    }

    /**
     * The best time of {@code reps} calls after the warm-up, and the heap they allocated; each call's arrays are freed
     * with it (the inputs are lent to the call's manager by {@code tempAttach}).
     */
    private static Timing best(Supplier<NDArray> kernel, NDManager manager, int reps, long warmUpNanos, NDArray... inputs) {
        double best = Double.MAX_VALUE;
        long start = System.nanoTime();
        int warmUp = 0;
        long heap = 0;
        for (int timed = 0; timed < reps; ) {
            boolean warm = warmUp >= WARM_UP && System.nanoTime() - start >= warmUpNanos;
            try (NDManager step = manager.newSubManager()) {
                for (NDArray a : inputs) {
                    a.tempAttach(step);
                }
                long heapBefore = warm ? allocatedBytes() : 0;
                long t = System.nanoTime();
                NDArray result = kernel.get();
                long heapAfter = warm ? allocatedBytes() : 0; // the result's copy below is not the kernel's
                result.toFloatArray();
                if (warm) {
                    best = Math.min(best, (System.nanoTime() - t) / 1e6);
                    heap = heap < 0 || heapBefore < 0 || heapAfter < 0 ? -1 : heap + heapAfter - heapBefore;
                    timed++;
                } else {
                    warmUp++;
                }
            }
        }
        return new Timing(best, heap < 0 ? -1 : heap / reps);
    }

    /**
     * The heap allocated so far by the live threads, or -1 when the JVM does not count it (the kernels' pool threads
     * stay alive between calls, so a difference of two readings covers them).
     */
    static long allocatedBytes() {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
            return -1;
        }
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(0, bytes); // -1 for a thread that ended meanwhile
        }
        return total;
    }

    private static String kilobytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }
}
