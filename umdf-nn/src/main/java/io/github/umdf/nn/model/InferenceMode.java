package io.github.umdf.nn.model;

/** How a trained UMDF network predicts (SPEC "Inference"). */
public enum InferenceMode {
    /**
     * One stream: the paper feeds a clone of the test sample as both streams, so both joint
     * representations are equal and DFIM's gate mixes equal tensors; computing one stream gives the
     * same result at half the cost. The default.
     */
    ONE_STREAM,
    /** The paper's literal two-stream computation on a cloned sample (kept for tests and audits). */
    TWO_STREAM
}
