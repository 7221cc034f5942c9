package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resamples a sequence {@code (B, T_in, D)} to {@code T_out} steps with a fixed matrix
 * {@code P (T_out x T_in)} (SPEC D3). With a validity mask the result is a masked weighted average,
 * {@code y = P (x * m) / P m}, so padding frames do not dilute the average; an output step whose
 * window holds no valid frame is zero and invalid. The matrices are computed once per shape in
 * Java and copied into the step's manager.
 */
public final class TemporalResampler {
    private static final Map<String, float[]> CACHE = new ConcurrentHashMap<>();

    private TemporalResampler() {
    }

    /**
     * A resampled sequence.
     *
     * @param sequence {@code y (B, T_out, D)}
     * @param valid    {@code (B, T_out)} validity of the output steps, or null when every step is valid
     */
    public record Resampled(NDArray sequence, NDArray valid) {
    }

    /** The resampling matrix, {@code T_out x T_in}, row-major. */
    public static float[] matrix(Resampling kind, int tOut, int tIn) {
        return CACHE.computeIfAbsent(kind + ":" + tOut + ":" + tIn, k -> compute(kind, tOut, tIn)).clone();
    }

    private static float[] compute(Resampling kind, int tOut, int tIn) {
        float[] p = new float[tOut * tIn];
        for (int i = 0; i < tOut; i++) {
            if (kind == Resampling.ADAPTIVE_AVG_POOL) {
                int start = (int) Math.floor((double) i * tIn / tOut);
                int end = (int) Math.ceil((double) (i + 1) * tIn / tOut);
                for (int j = start; j < end; j++) {
                    p[i * tIn + j] = 1f / (end - start);
                }
            } else {
                double src = Math.max(0.0, (i + 0.5) * tIn / tOut - 0.5);
                int i0 = Math.min((int) Math.floor(src), tIn - 1);
                int i1 = Math.min(i0 + 1, tIn - 1);
                double lambda = src - i0;
                p[i * tIn + i0] += (float) (1 - lambda);
                p[i * tIn + i1] += (float) lambda;
            }
        }
        return p;
    }

    /**
     * Resamples {@code x (B, T_in, D)} to {@code tOut} steps.
     *
     * @param valid {@code (B, T_in)} validity, or null when every frame is valid
     * @return {@code y (B, T_out, D)} with its validity {@code (B, T_out)} (null when {@code valid} is null)
     */
    public static Resampled resample(Resampling kind, NDArray x, NDArray valid, int tOut) {
        int tIn = (int) x.getShape().get(1);
        if (tIn == tOut) {
            return new Resampled(x, valid);
        }
        NDManager manager = x.getManager();
        float[] cached = CACHE.computeIfAbsent(kind + ":" + tOut + ":" + tIn, k -> compute(kind, tOut, tIn));
        NDArray p = manager.create(cached, new Shape(1, tOut, tIn));
        if (valid == null) {
            return new Resampled(p.matMul(x), null);
        }
        NDArray m = valid.expandDims(2); // (B, T_in, 1)
        NDArray weight = p.matMul(m); // (B, T_out, 1)
        NDArray y = p.matMul(x.mul(m)).div(weight.maximum(1e-6f));
        NDArray validOut = weight.squeeze(2).gt(0f).toType(valid.getDataType(), false);
        return new Resampled(y.mul(validOut.expandDims(2)), validOut);
    }
}
