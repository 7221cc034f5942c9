package io.github.umdf.nn.block;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Attention without autograd (inference, validation) for heads of at most {@value #MAX_HEAD_DIM}
 * channels, computed by a kernel written with the Java Vector API ({@link VectorAttention}) instead of
 * PyTorch's flash-attention kernel, which is slow for heads this small (the paper's 40 features in 10
 * heads: 4 channels). It reads the projections' outputs in place (no copy to the Java heap beyond one
 * sample at a time) and writes a tensor of the step's manager.
 *
 * <p>It runs when all of these hold, and otherwise {@link CrossmodalAttention} takes its usual path:
 * autograd is not recording ({@code JniUtils.isGradMode()} is false); the tensors are float32 on the
 * CPU; the head has at most {@value #MAX_HEAD_DIM} channels; the key mask is made of zeros and ones;
 * system property {@value #PROPERTY} is {@code vector} (the default; {@code torch} turns it off) and
 * {@value FusedAttention#PROPERTY} is not {@code explicit}; and the JVM was started with
 * {@code --add-modules jdk.incubator.vector} ({@code ./umdf} and the Maven build do this; without it a
 * message says so once and PyTorch's kernel runs).
 *
 * <p>The result equals the written-out attention to float rounding (tests: 1e-5). It is reproducible
 * and independent of the thread count, which is PyTorch's intra-op thread count
 * ({@code ai.djl.pytorch.num_threads}); it is not bit-identical to PyTorch's kernel, so switching
 * {@value #PROPERTY} changes inference outputs in the last digits.
 */
public final class InferenceAttention {
    /** System property: {@code vector} (the default) or {@code torch}. */
    public static final String PROPERTY = "umdf.inferenceAttention";
    /** Heads with more channels than this use PyTorch's kernel, whose matrix products then pay. */
    public static final int MAX_HEAD_DIM = 12;
    static final String MODULE = "jdk.incubator.vector";
    private static final Logger LOG = Logger.getLogger(InferenceAttention.class.getName());

    private static volatile boolean told;

    private InferenceAttention() {
    }

    /** Whether {@value #PROPERTY} selects the vector kernel and the JVM has the Vector API module. */
    public static boolean enabled() {
        if (!PathSwitch.on(PROPERTY, "vector", "torch")) {
            return false;
        }
        if (!vectorModulePresent()) {
            if (!told) {
                told = true;
                LOG.log(Level.INFO, "The JVM runs without --add-modules " + MODULE
                        + ": inference attention uses PyTorch's kernel (slower for small heads)");
            }
            return false;
        }
        return !"explicit".equalsIgnoreCase(System.getProperty(FusedAttention.PROPERTY, "fused"));
    }

    /** Whether the Vector API's incubator module is in the boot layer ({@code --add-modules jdk.incubator.vector}). */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(MODULE).isPresent();
    }

    /**
     * The attention of every head, or {@code null} when the kernel does not apply to this call (see the
     * class comment) and the caller must take another path.
     *
     * @param q       queries {@code (B, Tq, H*dh)}, already scaled by {@code 1/sqrt(dh)}
     * @param kv      keys and values {@code (B, Tk, 2*H*dh)}: keys first, then values, each head's
     *                channels contiguous
     * @param keyMask {@code (B, Tk)}, 1 = attend, 0 = ignore, or {@code null}
     * @param heads   the number of heads {@code H}
     * @return {@code (B, Tq, H*dh)} on {@code q}'s manager, or {@code null}
     */
    public static NDArray attend(NDArray q, NDArray kv, NDArray keyMask, int heads) {
        if (JniUtils.isGradMode()) {
            checkShapes(q, kv, heads); // a bad call fails on every path
            return null;
        }
        Call call = call(q, kv, keyMask, heads); // checks the shapes
        if (call == null) {
            return null;
        }
        NDArray out = q.getManager().create(q.getShape(), DataType.FLOAT32);
        VectorAttention.attend(call.q(), call.kv(), call.mask(), floats(out), call.batch(), call.tq(), call.tk(), heads,
                call.dh(), Math.max(1, JniUtils.getNumThreads()));
        return out;
    }

    /**
     * The arguments of one kernel call: the tensors' memory in place and the sizes.
     *
     * @param q    queries {@code (batch, tq, heads*dh)}
     * @param kv   keys and values {@code (batch, tk, 2*heads*dh)}
     * @param mask key mask {@code (batch, tk)} of zeros and ones, or {@code null}
     */
    record Call(FloatBuffer q, FloatBuffer kv, FloatBuffer mask, int batch, int tq, int tk, int heads, int dh) {
    }

    /**
     * The kernel's arguments, or {@code null} when the kernel does not apply (every condition of the class
     * comment except the one on autograd, which callers check).
     */
    static Call call(NDArray q, NDArray kv, NDArray keyMask, int heads) {
        checkShapes(q, kv, heads);
        Shape qs = q.getShape();
        int dh = (int) (qs.get(2) / heads);
        if (dh > MAX_HEAD_DIM || !enabled() || !cpuFloat(q) || !cpuFloat(kv)
                || keyMask != null && !keyMask.getDevice().equals(Device.cpu())) {
            return null;
        }
        long dim = qs.get(2);
        int b = (int) qs.get(0);
        int tq = (int) qs.get(1);
        int tk = (int) kv.getShape().get(1);
        if ((long) tk * 2 * dim > Integer.MAX_VALUE / 2 || (long) tq * dim > Integer.MAX_VALUE / 2
                || (long) b * tk * 2 * dim > Integer.MAX_VALUE) {
            return null; // buffers are indexed with ints
        }
        FloatBuffer mask = null;
        if (keyMask != null) {
            NDArray m = keyMask.getDataType() == DataType.FLOAT32 ? keyMask : keyMask.toType(DataType.FLOAT32, false);
            mask = floats(m);
            if (!binary(mask, b * tk)) {
                return null;
            }
        }
        return new Call(floats(q), floats(kv), mask, b, tq, tk, heads, dh);
    }

    private static void checkShapes(NDArray q, NDArray kv, int heads) {
        Shape qs = q.getShape();
        Shape kvs = kv.getShape();
        long dim = qs.get(2);
        if (qs.dimension() != 3 || kvs.dimension() != 3 || kvs.get(0) != qs.get(0) || kvs.get(2) != 2 * dim
                || dim % heads != 0) {
            throw new IllegalArgumentException("Expected queries (B, Tq, d) and keys-values (B, Tk, 2d) with heads dividing d; found "
                    + qs + " and " + kvs + " with " + heads + " heads");
        }
    }

    private static boolean cpuFloat(NDArray a) {
        return a.getDataType() == DataType.FLOAT32 && a.getDevice().equals(Device.cpu());
    }

    /** The tensor's memory as floats, in place (a contiguous copy on the tensor's manager when it is not contiguous). */
    static FloatBuffer floats(NDArray a) {
        ByteBuffer bytes = a.toByteBuffer(true);
        if (!bytes.isDirect()) {
            throw new IllegalStateException("Expected the engine to expose a CPU tensor's memory directly, found a heap copy");
        }
        return bytes.asFloatBuffer();
    }

    private static boolean binary(FloatBuffer mask, int n) {
        for (int i = 0; i < n; i++) {
            float m = mask.get(i);
            if (m != 0f && m != 1f) {
                return false;
            }
        }
        return true;
    }
}
