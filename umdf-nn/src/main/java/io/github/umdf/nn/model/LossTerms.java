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
    private final Map<String, NDArray> extras;

    /**
     * @param total       the scalar objective
     * @param parts       named scalar parts, in log order
     * @param predictions the batch's predictions {@code (B, out)} (for training metrics), or null
     */
    public LossTerms(NDArray total, Map<String, NDArray> parts, NDArray predictions) {
        this(total, parts, predictions, Map.of());
    }

    /**
     * @param extras network-specific arrays for {@link NetworkModel#afterStep} (features, say)
     */
    public LossTerms(NDArray total, Map<String, NDArray> parts, NDArray predictions, Map<String, NDArray> extras) {
        this.total = total;
        this.parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
        this.predictions = predictions;
        this.extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** Network-specific arrays of the batch, for {@link NetworkModel#afterStep}. */
    public Map<String, NDArray> extras() {
        return extras;
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
