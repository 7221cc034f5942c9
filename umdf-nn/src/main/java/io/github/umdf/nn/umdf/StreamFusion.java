package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/**
 * Integrates the joint representations of the two missing views into {@code H_e}: DFIM
 * ({@link Dfim}) or, in the "without DFIM" ablation, a plain concatenation ({@link ConcatFusion}).
 */
public interface StreamFusion {
    /**
     * Fuses two streams.
     *
     * @param ha   {@code H_a (B, T, D)}
     * @param hb   {@code H_b (B, T, D)}
     * @param mask {@code (B, T)} validity of the time steps, or null
     * @return {@code H_e (B, T, D)}
     */
    NDArray fuse(ParameterStore ps, NDArray ha, NDArray hb, NDArray mask, boolean training);

    /**
     * The fusion of a stream with an identical copy of itself, computed once: what inference
     * computes when the test sample is cloned into both streams (SPEC "Inference").
     */
    NDArray fuseIdentical(ParameterStore ps, NDArray h, NDArray mask, boolean training);
}
