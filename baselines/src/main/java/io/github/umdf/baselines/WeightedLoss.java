package io.github.umdf.baselines;

import ai.djl.ndarray.NDArray;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.ops.Scalars;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A training objective assembled from named scalar parts: {@code total = Σ w_i · part_i}, with the
 * unweighted parts kept for the epoch log.
 */
public final class WeightedLoss {
    private final Map<String, NDArray> parts = new LinkedHashMap<>();
    private NDArray total;

    /** Adds {@code weight · part} to the total and logs {@code part} under {@code name}. */
    public WeightedLoss add(String name, NDArray part, double weight) {
        parts.put(name, part);
        NDArray weighted = weight == 1.0 ? part : Scalars.mul(part, (float) weight); // a torch-owned scalar: see Scalars
        total = total == null ? weighted : total.add(weighted);
        return this;
    }

    /** The loss terms with the batch's predictions. */
    public LossTerms terms(NDArray predictions) {
        return terms(predictions, Map.of());
    }

    /** The loss terms with the batch's predictions and network-specific arrays for {@code afterStep}. */
    public LossTerms terms(NDArray predictions, Map<String, NDArray> extras) {
        if (total == null) {
            throw new IllegalStateException("An objective needs at least one part");
        }
        return new LossTerms(total, parts, predictions, extras);
    }
}
