package io.github.umdf.baselines;

import ai.djl.ndarray.NDArray;

/** What a prediction head gives: the representation it reads out and the predictions made from it. */
public final class Readout {
    /** The representation {@code (B, D)} (a joint representation or a unimodal feature). */
    public final NDArray representation;
    /** The predictions {@code (B, out)}: regression values or logits. */
    public final NDArray prediction;

    /**
     * @param representation {@code (B, D)}
     * @param prediction     {@code (B, out)}
     */
    public Readout(NDArray representation, NDArray prediction) {
        this.representation = representation;
        this.prediction = prediction;
    }
}
