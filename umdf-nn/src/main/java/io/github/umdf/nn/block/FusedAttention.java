package io.github.umdf.nn.block;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;
import io.github.umdf.nn.ops.Scalars;
import io.github.umdf.nn.ops.TorchScript;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * PyTorch's fused scaled-dot-product attention ({@code torch.scaled_dot_product_attention}: on CPU
 * the flash-attention kernel, on CUDA flash or memory-efficient attention), which DJL 0.36's NDArray
 * API does not expose. It is reached through TorchScript modules of one line, compiled by the
 * PyTorch engine when first used ({@link TorchScript}): their sources are the class-path resources
 * {@code sdpa.torchscript.py} and {@code sdpa_dropout.torchscript.py} beside this class, so no binary
 * and no Python is involved. Each network compiles its own modules ({@link TorchScript#forNetwork}):
 * a module's graph executor changes its plan after the first call, and the gradients with it in the
 * last bits, so modules shared by the process would make a training's numbers depend on the
 * trainings before it in the JVM. The fused kernel never materialises the {@code (B, H, Tq, Tk)}
 * attention map in the forward pass and recomputes it in the backward pass: less memory traffic,
 * no map kept for autograd.
 *
 * <p>{@link #attend} computes {@code softmax(q k^T + mask) v} with scale 1 (the caller scales
 * {@code q}) and no dropout; {@link #attendWithDropout} is the same attention with dropout on the
 * weights, written out inside a second one-line module (PyTorch's fused kernels take no dropout on
 * CPU) so that only a boolean keep mask is stored for the backward pass. The written-out path in
 * {@link CrossmodalAttention} stays the reference. Gradients flow to {@code q}, {@code k} and {@code v}.
 *
 * <p>Which path runs is a process setting, like the thread count: system property
 * {@value #PROPERTY} = {@code fused} (the default) or {@code explicit}. Without dropout the two agree
 * to about 1e-6 (float rounding); with dropout they draw their masks differently. Results are
 * reproducible for a given setting, not across settings.
 * When the module cannot be compiled (another engine, an older PyTorch) the written-out path is
 * used and a warning says why, once.
 */
public final class FusedAttention {
    /** System property choosing the attention implementation: {@code fused} or {@code explicit}. */
    public static final String PROPERTY = "umdf.attention";
    private static final Logger LOG = Logger.getLogger(FusedAttention.class.getName());
    private static final String SOURCE = "sdpa.torchscript.py";
    private static final String DROPOUT_SOURCE = "sdpa_dropout.torchscript.py";

    private static final String CLASS = "Sdpa";
    private static final String DROPOUT_CLASS = "SdpaDropout";

    /** Whether both modules compile on this engine, found out once; {@code unavailable} says why not. */
    private static volatile boolean checked;
    private static volatile String unavailable;

    private FusedAttention() {
    }

    /** Whether the fused path is chosen ({@value #PROPERTY}) and its module compiled on this engine. */
    public static boolean enabled() {
        return PathSwitch.on(PROPERTY, "fused", "explicit") && available();
    }

    /**
     * {@code softmax(q k^T + mask) v} in one fused call.
     *
     * @param q    queries {@code (B, H, Tq, dh)}, already scaled
     * @param k    keys {@code (B, H, Tk, dh)}
     * @param v    values {@code (B, H, Tk, dh)}
     * @param bias additive mask broadcastable to {@code (B, H, Tq, Tk)} (0 = keep, a large negative
     *             number = ignore), or {@code null}
     * @return {@code (B, H, Tq, dh)}, on {@code q}'s manager
     */
    public static NDArray attend(NDArray q, NDArray k, NDArray v, NDArray bias) {
        PtSymbolBlock m = module(q, CLASS, SOURCE);
        NDList in = bias == null ? new NDList(q, k, v) : new NDList(q, k, v, bias);
        // grad mode decides whether autograd records; the 'training' flag only tells the module's state
        return IValueUtils.forward(m, in, JniUtils.isGradMode()).head();
    }

    /**
     * {@code dropout(softmax(q k^T + bias)) v} in one TorchScript call. The dropout is PyTorch's
     * {@code native_dropout}: each weight kept with probability {@code 1 - rate} and scaled by
     * {@code 1 / (1 - rate)}, drawn from the engine's seeded generator, and only a boolean keep mask
     * is saved for the backward pass (the DJL dropout saves a float mask and its input).
     *
     * @param bias additive mask broadcastable to {@code (B, H, Tq, Tk)}, or {@code null}
     * @param rate the dropout rate, in [0, 1)
     * @return {@code (B, H, Tq, dh)}, on {@code q}'s manager
     */
    public static NDArray attendWithDropout(NDArray q, NDArray k, NDArray v, NDArray bias, float rate) {
        PtSymbolBlock m = module(q, DROPOUT_CLASS, DROPOUT_SOURCE);
        NDArray mask = bias != null ? bias : q.getManager().zeros(new Shape(1, 1, 1, 1), q.getDataType());
        return IValueUtils.forward(m, new NDList(q, k, v, mask, Scalars.of(q, rate)), JniUtils.isGradMode()).head();
    }

    /** The module of the network {@code q} belongs to. */
    private static PtSymbolBlock module(NDArray q, String className, String source) {
        if (!available()) {
            throw new IllegalStateException("Fused attention is unavailable: " + unavailable);
        }
        return TorchScript.forNetwork(q.getManager(), FusedAttention.class, className, source);
    }

    /** Why the fused path is unavailable, or {@code null} when it is available. */
    public static String unavailableReason() {
        available();
        return unavailable;
    }

    /** Whether the modules compile on this engine: tried once, in a manager closed right after. */
    private static boolean available() {
        if (checked) {
            return unavailable == null;
        }
        synchronized (FusedAttention.class) {
            if (!checked) {
                try {
                    Engine engine = Engine.getInstance();
                    if (!"PyTorch".equals(engine.getEngineName())) {
                        unavailable = "the engine is " + engine.getEngineName() + ", not PyTorch";
                    } else {
                        try (NDManager manager = engine.newBaseManager(Device.cpu())) {
                            TorchScript.load(manager, FusedAttention.class, CLASS, SOURCE);
                            TorchScript.load(manager, FusedAttention.class, DROPOUT_CLASS, DROPOUT_SOURCE);
                        }
                    }
                } catch (IOException | RuntimeException | LinkageError e) {
                    unavailable = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                if (unavailable != null) {
                    LOG.log(Level.WARNING, "Fused attention unavailable, using the written-out attention: {0}", unavailable);
                }
                checked = true;
            }
            return unavailable == null;
        }
    }
}
