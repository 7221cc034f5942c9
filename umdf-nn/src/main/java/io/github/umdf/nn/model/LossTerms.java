package io.github.umdf.nn.model;

import ai.djl.ndarray.NDArray;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loss of one training batch: the total that is differentiated and its named parts (task,
 * feature, logits, ...) for the epoch log. Every array lives in the batch's manager.
 */
public final class LossTerms {
    private final NDArray total;
    private final Map<String, NDArray> parts;
    private final NDArray predictions;

    /**
     * @param total       the scalar objective
     * @param parts       named scalar parts, in log order
     * @param predictions the batch's predictions {@code (B, out)} (for training metrics), or null
     */
    public LossTerms(NDArray total, Map<String, NDArray> parts, NDArray predictions) {
        this.total = total;
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        this.predictions = predictions;
    }

    public NDArray total() {
        return total;
    }

    public Map<String, NDArray> parts() {
        return parts;
    }

    public NDArray predictions() {
        return predictions;
    }
}
