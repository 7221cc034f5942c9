package io.github.umdf.nn.block;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Attention for training steps, forward and backward, computed by the Java Vector API kernels
 * ({@link VectorAttention}, {@link VectorAttentionBackward}) instead of PyTorch's flash-attention
 * kernel, which on a CPU is slow for heads of a few channels and runs slower with two threads than with
 * one. PyTorch's autograd cannot call Java, so a training step that uses it is a <em>tape</em>: while a
 * tape is open on the thread ({@link #open}), each attention's output enters autograd as a leaf tensor,
 * and {@link #backward} first back-propagates the loss (which stops at those leaves), then walks the
 * tape from its last entry to its first: for an attention it computes the gradients of the queries and
 * keys-values from the leaf's gradient in Java and back-propagates them into the projections that made
 * them; for a {@linkplain #cut cut} it back-propagates the leaf's gradient into the tensor it stands
 * for. Every entry's inputs were made before its leaf, so when an entry is reached every gradient that
 * flows into its leaf has arrived: the parameters' gradients are those of the one-pass backward, to
 * float rounding (tests: 1e-4 relative).
 *
 * <p>{@link #cut}s at the inputs and outputs of layers (MCIM's projections, layers and output, the
 * encoders' layers and output) keep each backward call inside one layer; without them a layer's backward
 * would be walked again by every attention above it. With them every part of UMDF's graph is reached by
 * one call, so its calls may free what they walk ({@link #open(boolean)}).
 *
 * <p>An attention takes this path when all of these hold, and otherwise {@link CrossmodalAttention} takes
 * its usual one: a tape is open on the thread and autograd is recording; no attention dropout, or
 * {@link AttentionDropoutUnit#KEY} (whose keep mask scales the values before the kernel); the conditions
 * of {@link InferenceAttention} other than autograd (float32 on the CPU, heads of at most
 * {@value InferenceAttention#MAX_HEAD_DIM} channels, a binary key mask, the Vector API module, the
 * attention not {@code explicit}); and system property {@value #PROPERTY} is {@code vector} (the
 * default; {@code torch} turns it off). Only the training loop's default step opens a tape
 * ({@code NetworkModel.lossAndGradients}); a network whose step differentiates twice (SMIL) never does.
 *
 * <p>Results are reproducible and independent of the thread count; they are not bit-identical to
 * PyTorch's kernel, so switching {@value #PROPERTY} changes training in the last digits first.
 */
public final class TrainingAttention implements AutoCloseable {
    /** System property: {@code vector} (the default) or {@code torch}. */
    public static final String PROPERTY = "umdf.trainingAttention";

    private static final ThreadLocal<TrainingAttention> OPEN = new ThreadLocal<>();

    private final List<Entry> entries = new ArrayList<>();
    private final boolean freeAsWalked;
    private boolean backwardDone;

    private TrainingAttention(boolean freeAsWalked) {
        this.freeAsWalked = freeAsWalked;
    }


    /** Whether {@value #PROPERTY} selects the vector kernels and the other conditions of the class comment hold for the JVM. */
    public static boolean enabled() {
        return PathSwitch.on(PROPERTY, "vector", "torch") && InferenceAttention.enabled();
    }

    /**
     * Opens a tape on this thread for one training step that keeps the whole graph until the step's
     * arrays are freed: {@code open(false)}.
     */
    public static TrainingAttention open() {
        return open(false);
    }

    /**
     * Opens a tape on this thread for one training step, or returns an inactive one (on which
     * {@link #backward} is a plain backward pass) when {@link #enabled()} is false.
     *
     * @param freeAsWalked whether each backward call may free the part of the graph it walked, as a plain
     *                     backward pass does: only for networks whose every part is reached by one call,
     *                     because every tensor read both by an attention's projections and by anything else
     *                     is {@linkplain #cut cut} where it is made (UMDF's layers). Otherwise ({@code false})
     *                     the calls keep the graph, which is correct for any network and holds the step's
     *                     activations until its arrays are freed (1.8 GB more at MOSI batch 128). A network
     *                     that claims it wrongly fails with an {@link IllegalStateException} naming this.
     * @throws IllegalStateException when a tape is already open on this thread
     */
    public static TrainingAttention open(boolean freeAsWalked) {
        if (OPEN.get() != null) {
            throw new IllegalStateException("A training-attention tape is already open on thread " + Thread.currentThread().getName());
        }
        TrainingAttention tape = new TrainingAttention(freeAsWalked);
        if (enabled()) {
            OPEN.set(tape);
        }
        return tape;
    }

    /** The tape open on this thread while autograd records, or {@code null}. */
    static TrainingAttention active() {
        TrainingAttention tape = OPEN.get();
        return tape != null && JniUtils.isGradMode() ? tape : null;
    }

    /**
     * With a tape open and autograd recording: a leaf tensor with {@code x}'s values, whose gradient the
     * tape back-propagates into {@code x} once everything made from it has been walked (nothing when no
     * gradient flows into {@code x}: DJL cannot tell beforehand, as {@code hasGradient()} reads false for
     * tensors computed from parameters). Otherwise {@code x} itself. Place it where a layer's input or
     * output is made, so that everything that reads the tensor reads the leaf.
     */
    public static NDArray cut(NDArray x) {
        TrainingAttention tape = active();
        if (tape == null) {
            return x;
        }
        NDArray leaf = x.stopGradient();
        leaf.setRequiresGradient(true);
        tape.entries.add(new Cut(x, leaf));
        return leaf;
    }

    /**
     * The attention of every head by the Java kernel, recorded on the open tape, or {@code null} when this
     * path does not apply (see the class comment) and the caller must take another.
     *
     * @param q       queries {@code (B, Tq, H*dh)}, already scaled
     * @param kv      keys and values {@code (B, Tk, 2*H*dh)} as {@link InferenceAttention#attend} takes them
     * @param keyMask {@code (B, Tk)}, 1 = attend, 0 = ignore, or {@code null}
     * @param heads   {@code H}
     * @param values  applied to {@code kv} once the path is known to apply, before the kernel reads it (the
     *                key dropout's scaling of the values), or {@code null}
     * @return a leaf {@code (B, Tq, H*dh)} on {@code q}'s manager, or {@code null}
     */
    public static NDArray attend(NDArray q, NDArray kv, NDArray keyMask, int heads, UnaryOperator<NDArray> values) {
        TrainingAttention tape = active();
        if (tape == null) {
            return null;
        }
        InferenceAttention.Call call = InferenceAttention.call(q, kv, keyMask, heads);
        if (call == null) {
            return null;
        }
        if (values != null) {
            kv = values.apply(kv);
            call = new InferenceAttention.Call(call.q(), floats(kv), call.mask(), call.batch(), call.tq(), call.tk(), heads, call.dh());
        }
        NDManager manager = q.getManager();
        NDArray out = manager.create(q.getShape(), DataType.FLOAT32);
        NDArray lse = manager.create(new Shape(call.batch(), heads, call.tq()), DataType.FLOAT32);
        VectorAttention.attend(call.q(), call.kv(), call.mask(), floats(out), floats(lse), call.batch(), call.tq(), call.tk(),
                heads, call.dh(), threads());
        out.setRequiresGradient(true);
        tape.entries.add(new Attention(q, kv, call, out, lse));
        return out;
    }

    /**
     * The backward pass of one step: back-propagates {@code loss}, then the tape (class comment). With an
     * inactive or empty tape, exactly one plain backward pass of {@code loss}.
     *
     * @param loss a scalar
     */
    public void backward(NDArray loss) {
        if (backwardDone) {
            throw new IllegalStateException("This training-attention tape was already back-propagated");
        }
        backwardDone = true;
        boolean keep = !freeAsWalked;
        try {
            propagate(loss, loss.onesLike(), keep && !entries.isEmpty());
            for (int i = entries.size() - 1; i >= 0; i--) {
                entries.get(i).backward(keep && i > 0);
            }
        } catch (EngineException e) {
            if (freeAsWalked && String.valueOf(e.getMessage()).contains("second time")) {
                throw new IllegalStateException("The training step's backward calls reached a part of the graph twice: the network "
                        + "opened the training-attention tape with freeAsWalked but reads a tensor in an attention and elsewhere "
                        + "without a TrainingAttention.cut where it is made (or set -D" + PROPERTY + "=torch)", e);
            }
            throw e;
        }
    }

    /** The number of entries recorded (attentions and cuts). */
    public int size() {
        return entries.size();
    }

    @Override
    public void close() {
        if (OPEN.get() == this) {
            OPEN.remove();
        }
        entries.clear();
    }

    private static void propagate(NDArray target, NDArray grad, boolean keepGraph) {
        JniUtils.backward((PtNDArray) target, (PtNDArray) grad, keepGraph, false);
    }

    private static int threads() {
        return Math.max(1, JniUtils.getNumThreads());
    }

    private static java.nio.FloatBuffer floats(NDArray a) {
        return InferenceAttention.floats(a);
    }

    private interface Entry {
        /** Back-propagates this entry's leaf gradient into its inputs; {@code keepGraph} when more entries follow. */
        void backward(boolean keepGraph);
    }

    /** A leaf standing for {@code source} from a layer's input on. */
    private static final class Cut implements Entry {
        private final NDArray source;
        private final NDArray leaf;

        Cut(NDArray source, NDArray leaf) {
            this.source = source;
            this.leaf = leaf;
        }

        @Override
        public void backward(boolean keepGraph) {
            try (NDManager temporary = leaf.getManager().newSubManager()) {
                NDArray grad = leaf.getGradient();
                grad.attach(temporary);
                propagate(source, grad, keepGraph);
            } catch (EngineException e) {
                // x was computed without any tensor that needs a gradient (data): nothing to propagate
                if (!String.valueOf(e.getMessage()).contains("does not require grad")) {
                    throw e;
                }
            }
        }
    }

    /** One attention: its inputs, its output leaf and the log-sum-exps of its scores. */
    private static final class Attention implements Entry {
        private final NDArray q;
        private final NDArray kv;
        private final InferenceAttention.Call call;
        private final NDArray out;
        private final NDArray lse;

        Attention(NDArray q, NDArray kv, InferenceAttention.Call call, NDArray out, NDArray lse) {
            this.q = q;
            this.kv = kv;
            this.call = call;
            this.out = out;
            this.lse = lse;
        }

        @Override
        public void backward(boolean keepGraph) {
            // the gradients and the backward call's own graph are freed as soon as the call returns (the graph
            // kept by keepGraph would otherwise hold dq and dkv until the step ends)
            try (NDManager temporary = q.getManager().newSubManager()) {
                NDArray dq = temporary.create(q.getShape(), DataType.FLOAT32);
                NDArray dkv = temporary.create(kv.getShape(), DataType.FLOAT32);
                NDArray grad = out.getGradient();
                grad.attach(temporary);
                VectorAttentionBackward.backward(call.q(), call.kv(), call.mask(), floats(out), floats(lse), floats(grad),
                        floats(dq), floats(dkv), call.batch(), call.tq(), call.tk(), call.heads(), call.dh(), threads());
                // one backward call for both inputs: their graphs may share nodes (self-attention's layer norm)
                propagate(dq.mul(q).sum().add(dkv.mul(kv).sum()), temporary.create(1f), keepGraph);
            }
        }
    }
}
