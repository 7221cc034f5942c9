package io.github.umdf.nn.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import io.github.umdf.nn.data.Modality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A batch as the networks see it, per modality:
 * <ul>
 *   <li>{@code features (N, T_m, d_m)}: observed frames, zero vectors elsewhere;</li>
 *   <li>{@code valid (N, T_m)}: 1 for frames that exist, 0 for padding (null: all exist);</li>
 *   <li>{@code observed (N, T_m)}: 1 for frames that exist and were not dropped (null: equal to valid).</li>
 * </ul>
 * and the sample id of each row, when known ({@link #sampleIds()}): a network whose prediction for a
 * sample reads other samples of the batch (GCNet's conversation graph) finds them by id.
 * Built by {@code io.github.umdf.nn.train.BatchBuilder}, the one conversion point from the plain
 * data model to NDArrays. Multi-view batches stack the views along the batch axis, view after view.
 */
public final class ModalityInputs {
    private final EnumMap<Modality, NDArray> features;
    private final EnumMap<Modality, NDArray> valid;
    private final EnumMap<Modality, NDArray> observed;
    private final List<String> sampleIds;

    /**
     * A batch whose rows' sample ids are not known.
     *
     * @param features per modality the zero-filled features
     * @param valid    per modality the validity, entries may be null
     * @param observed per modality the observation mask, entries may be null
     */
    public ModalityInputs(Map<Modality, NDArray> features, Map<Modality, NDArray> valid, Map<Modality, NDArray> observed) {
        this(features, valid, observed, List.of());
    }

    /**
     * @param features  per modality the zero-filled features
     * @param valid     per modality the validity, entries may be null
     * @param observed  per modality the observation mask, entries may be null
     * @param sampleIds the sample id of each row, or an empty list when not known
     */
    public ModalityInputs(Map<Modality, NDArray> features, Map<Modality, NDArray> valid, Map<Modality, NDArray> observed,
                          List<String> sampleIds) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("A batch needs at least one modality");
        }
        this.features = new EnumMap<>(features);
        this.valid = valid.isEmpty() ? new EnumMap<>(Modality.class) : new EnumMap<>(valid);
        this.observed = observed.isEmpty() ? new EnumMap<>(Modality.class) : new EnumMap<>(observed);
        this.sampleIds = List.copyOf(sampleIds);
        if (!this.sampleIds.isEmpty() && this.sampleIds.size() != size()) {
            throw new IllegalArgumentException("Expected one sample id per row (" + size() + " rows), got " + this.sampleIds.size() + " ids");
        }
    }

    /** The modalities of the batch. */
    public Set<Modality> modalities() {
        return Collections.unmodifiableSet(features.keySet());
    }

    /** Number of rows {@code N}. */
    public long size() {
        return features.values().iterator().next().getShape().get(0);
    }

    /** The features of a modality. */
    public NDArray features(Modality m) {
        NDArray f = features.get(m);
        if (f == null) {
            throw new IllegalArgumentException("The batch has no " + m.key() + " modality; it has " + features.keySet());
        }
        return f;
    }

    /** Validity of a modality, or null when every frame exists. */
    public NDArray valid(Modality m) {
        return valid.get(m);
    }

    /** Observation mask of a modality, or null when it equals {@link #valid(Modality)}. */
    public NDArray observed(Modality m) {
        NDArray o = observed.get(m);
        return o != null ? o : valid.get(m);
    }

    /** The sample id of each row, in row order; empty when the batch was built without them. */
    public List<String> sampleIds() {
        return sampleIds;
    }

    /**
     * Concatenates batches of the same modalities along the batch axis (views after each other); the
     * sample ids follow when every part has them.
     */
    public static ModalityInputs concat(ModalityInputs... parts) {
        if (parts.length == 1) {
            return parts[0];
        }
        EnumMap<Modality, NDArray> f = new EnumMap<>(Modality.class);
        EnumMap<Modality, NDArray> v = new EnumMap<>(Modality.class);
        EnumMap<Modality, NDArray> o = new EnumMap<>(Modality.class);
        List<String> ids = new ArrayList<>();
        boolean everyPartHasIds = true;
        for (ModalityInputs p : parts) {
            everyPartHasIds &= !p.sampleIds.isEmpty();
            ids.addAll(p.sampleIds);
        }
        for (Modality m : parts[0].modalities()) {
            f.put(m, cat(parts, p -> p.features(m)));
            boolean anyValid = false;
            boolean anyObserved = false;
            for (ModalityInputs p : parts) {
                anyValid |= p.valid.get(m) != null;
                anyObserved |= p.observed.get(m) != null;
            }
            if (anyValid) {
                v.put(m, cat(parts, p -> orOnes(p.valid.get(m), p.features(m))));
            }
            if (anyObserved) {
                o.put(m, cat(parts, p -> orOnes(p.observed(m), p.features(m))));
            }
        }
        return new ModalityInputs(f, v, o, everyPartHasIds ? ids : List.of());
    }

    private static NDArray orOnes(NDArray mask, NDArray features) {
        return mask != null ? mask : features.getManager().ones(features.getShape().slice(0, 2));
    }

    private static NDArray cat(ModalityInputs[] parts, java.util.function.Function<ModalityInputs, NDArray> get) {
        NDList list = new NDList();
        for (ModalityInputs p : parts) {
            list.add(get.apply(p));
        }
        return NDArrays.concat(list, 0);
    }
}
