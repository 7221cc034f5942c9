package io.github.umdf.nn.block;

/**
 * How unaligned streams are brought to the reference (language) length before the feature-wise
 * concatenation of the joint representation (SPEC D3).
 */
public enum Resampling {
    /** Adaptive average pooling over time (PyTorch {@code adaptive_avg_pool1d} windows); the default. */
    ADAPTIVE_AVG_POOL,
    /** Linear interpolation ({@code align_corners = false}). */
    LINEAR
}
