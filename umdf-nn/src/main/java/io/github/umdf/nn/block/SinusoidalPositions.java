package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sinusoidal positional embedding (Vaswani et al. 2017, section 3.5):
 * {@code PE(t, 2i) = sin(t / 10000^(2i/d))}, {@code PE(t, 2i+1) = cos(t / 10000^(2i/d))} for
 * positions {@code t = 0 .. T-1}. The table is computed once per {@code (T, d)} in Java and copied
 * into the step's manager when used, so nothing outlives a step.
 */
public final class SinusoidalPositions {
    private static final Map<Long, float[]> CACHE = new ConcurrentHashMap<>();

    private SinusoidalPositions() {
    }

    /** The table as floats, {@code T x d}, row-major. */
    public static float[] table(int length, int dim) {
        return CACHE.computeIfAbsent(((long) length << 32) | dim, k -> compute(length, dim)).clone();
    }

    private static float[] compute(int length, int dim) {
        float[] pe = new float[length * dim];
        for (int t = 0; t < length; t++) {
            for (int i = 0; i < dim; i += 2) {
                double angle = t / Math.pow(10000.0, (double) i / dim);
                pe[t * dim + i] = (float) Math.sin(angle);
                if (i + 1 < dim) {
                    pe[t * dim + i + 1] = (float) Math.cos(angle);
                }
            }
        }
        return pe;
    }

    /** The table as an array {@code (1, T, d)} on {@code manager}. */
    public static NDArray create(NDManager manager, int length, int dim) {
        float[] cached = CACHE.computeIfAbsent(((long) length << 32) | dim, k -> compute(length, dim));
        return manager.create(cached, new Shape(1, length, dim));
    }
}
