package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;

/**
 * A 1-D convolution over time with "same" padding, computed as one matrix product over stacked
 * shifted copies of the sequence (im2col) with the parameters of a DJL {@link Conv1d} block:
 * <pre>
 *   y[b, t, o] = bias[o] + sum over c, j of W[o, c, j] * x[b, t + j - k/2, c]      (x = 0 outside [0, T))
 * </pre>
 * exactly PyTorch's {@code conv1d} (a cross-correlation) on {@code x} transposed to
 * {@code (B, C, T)}, with the same parameter names and shapes, so saved models are unaffected.
 *
 * <p>Why not the block's own forward: on CPUs with AVX-512, libtorch 2.7.1 runs {@code conv1d}
 * through oneDNN's blocked-layout kernels, which pad the channel axis to a multiple of 8 or 16;
 * here they produced NaN from finite inputs and weights in a nondeterministic fraction of steps
 * (the padded lanes are read from memory the kernel does not initialise, so the outcome depends on
 * what the allocator hands back). A matrix product has no padded lanes. It is also the layout the
 * network already uses ({@code (B, T, C)}): no transposes around the convolution.
 */
public final class TemporalConvolution {
    private TemporalConvolution() {
    }

    /**
     * @param conv   a Conv1d block with kernel {@code k} (odd), padding {@code k / 2}, stride 1, no dilation
     * @param x      {@code (B, T, C_in)}
     * @param kernel {@code k}
     * @return {@code (B, T, C_out)}
     */
    public static NDArray apply(ParameterStore ps, Conv1d conv, NDArray x, int kernel, boolean training) {
        Parameter weightParameter = conv.getParameters().get("weight");
        NDArray w = ps.getValue(weightParameter, x.getDevice(), training); // (C_out, C_in, k)
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        long cin = x.getShape().get(2);
        long cout = w.getShape().get(0);
        if (w.getShape().get(1) != cin || w.getShape().get(2) != kernel) {
            throw new IllegalArgumentException("Expected a convolution weight (C_out, " + cin + ", " + kernel + "), found " + w.getShape());
        }
        NDArray windows;
        if (kernel == 1) {
            windows = x;
        } else {
            int pad = kernel / 2;
            NDArray zeros = x.getManager().zeros(new Shape(b, pad, cin), x.getDataType());
            NDArray padded = NDArrays.concat(new NDList(zeros, x, zeros), 1); // (B, T + 2 pad, C_in)
            NDList shifted = new NDList(kernel);
            for (int j = 0; j < kernel; j++) {
                shifted.add(padded.get(":, {}:{}, :", j, j + t));
            }
            windows = NDArrays.stack(shifted, 3).reshape(b, t, cin * kernel); // (B, T, C_in * k), c-major as W
        }
        NDArray flat = w.reshape(cout, cin * kernel);
        flat.attach(x.getManager()); // an op's result joins its receiver's manager: keep the step's arrays off the parameter's
        NDArray y = windows.matMul(flat.transpose()); // (B, T, C_out)
        Parameter biasParameter = conv.getParameters().contains("bias") ? conv.getParameters().get("bias") : null;
        return biasParameter == null ? y : y.add(ps.getValue(biasParameter, x.getDevice(), training));
    }
}
