package io.github.umdf.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with a constant on arrays that take part in a gradient computation.
 *
 * <p>Why this exists: DJL 0.36's PyTorch engine implements {@code x.mul(2f)}, {@code x.div(n)},
 * {@code x.maximum(0f)} and the like by wrapping the number in a tensor that shares the memory of a
 * Java direct buffer ({@code torch::from_blob}) and closing it right after the call. Autograd keeps
 * that scalar tensor for the backward pass of {@code mul}, {@code div} and {@code maximum}; once the
 * garbage collector frees the buffer, the backward pass reads freed memory and gradients turn into
 * NaN or infinity, depending on GC timing (observed here, reproducible with a thread calling
 * {@code System.gc()}). The scalars made here are allocated by torch ({@code full}), so autograd's
 * reference keeps them alive. {@code add} and {@code sub} with a number save nothing for the
 * backward pass and are safe. Arrays that never need gradients (masks) may use the number overloads.
 */
public final class Scalars {
    private Scalars() {
    }

    /** A 0-d torch-owned tensor holding {@code value}, on {@code like}'s manager, device and data type. */
    public static NDArray of(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }

    /** {@code x * value}. */
    public static NDArray mul(NDArray x, float value) {
        return x.mul(of(x, value));
    }

    /** {@code x / value}. */
    public static NDArray div(NDArray x, float value) {
        return x.div(of(x, value));
    }

    /** {@code max(x, value)} element-wise. */
    public static NDArray maximum(NDArray x, float value) {
        return x.maximum(of(x, value));
    }
}
