package io.github.umdf.nn.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A data set with its three splits, its {@link DatasetSchema}, where it came from and what loading
 * did to it. Construction validates every sample against the schema (shapes within and across
 * splits, target sizes, label ranges, unique ids) and throws {@link InvalidDataException} naming
 * the data set, split, sample and field on the first violation.
 */
public final class MultimodalDataset {
    private final DatasetSchema schema;
    private final EnumMap<SplitName, List<MultimodalSample>> splits;
    private final DataOrigin origin;
    private final LoadReport report;

    /**
     * @param schema the schema every sample must follow
     * @param splits samples per split; every split must be present (it may be empty)
     * @param origin where the data came from
     * @param report what loading changed
     */
    public MultimodalDataset(DatasetSchema schema, Map<SplitName, List<MultimodalSample>> splits, DataOrigin origin,
                             LoadReport report) {
        this.schema = Objects.requireNonNull(schema);
        this.origin = Objects.requireNonNull(origin);
        this.report = Objects.requireNonNull(report);
        this.splits = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            List<MultimodalSample> list = splits.get(s);
            if (list == null) {
                throw InvalidDataException.of(origin.location(), s, null, "a " + s.key() + " split", "none");
            }
            this.splits.put(s, Collections.unmodifiableList(new ArrayList<>(list)));
        }
        validate();
    }

    private void validate() {
        Map<String, SplitName> ids = new HashMap<>();
        String file = origin.location();
        for (Map.Entry<SplitName, List<MultimodalSample>> e : splits.entrySet()) {
            SplitName split = e.getKey();
            for (MultimodalSample s : e.getValue()) {
                SplitName before = ids.putIfAbsent(s.id(), split);
                if (before != null) {
                    throw InvalidDataException.of(file, split, "id", "unique sample ids",
                            "'" + s.id() + "' also in split '" + before.key() + "'");
                }
                for (Modality m : s.modalities()) {
                    if (!schema.has(m)) {
                        throw InvalidDataException.of(file, split, m.key(), "only the modalities " + schema.modalities(),
                                "sample '" + s.id() + "' with " + m.key());
                    }
                    FrameSequence seq = s.require(m);
                    ModalityShape shape = schema.shape(m);
                    if (seq.length() != shape.length() || seq.dim() != shape.dim()) {
                        throw InvalidDataException.of(file, split, m.key(), "shape (T=" + shape.length() + ", d=" + shape.dim() + ")",
                                "(T=" + seq.length() + ", d=" + seq.dim() + ") in sample '" + s.id() + "'");
                    }
                }
                validateTarget(file, split, s);
            }
        }
    }

    private void validateTarget(String file, SplitName split, MultimodalSample s) {
        if (s.targetSize() != schema.targetSize()) {
            throw InvalidDataException.of(file, split, "label", schema.targetSize() + " target value(s)",
                    s.targetSize() + " in sample '" + s.id() + "'");
        }
        for (int k = 0; k < s.targetSize(); k++) {
            float y = s.target(k);
            if (!Float.isFinite(y)) {
                throw InvalidDataException.of(file, split, "label", "finite label values", y + " in sample '" + s.id() + "'");
            }
            Optional<String> expected = schema.task().expectedTarget(schema, k, y);
            if (expected.isPresent()) {
                throw InvalidDataException.of(file, split, "label", expected.get(), y + " in sample '" + s.id() + "'");
            }
        }
    }

    public DatasetSchema schema() {
        return schema;
    }

    /** The samples of a split, unmodifiable, in file order. */
    public List<MultimodalSample> split(SplitName s) {
        return splits.get(s);
    }

    public DataOrigin origin() {
        return origin;
    }

    public LoadReport report() {
        return report;
    }

    /** Total number of samples over the three splits. */
    public int size() {
        return splits.values().stream().mapToInt(List::size).sum();
    }

    @Override
    public String toString() {
        return "MultimodalDataset(" + schema.name() + ", train=" + split(SplitName.TRAIN).size() + ", valid="
                + split(SplitName.VALID).size() + ", test=" + split(SplitName.TEST).size() + ", " + origin + ")";
    }
}
