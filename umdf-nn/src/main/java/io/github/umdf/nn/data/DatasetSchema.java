package io.github.umdf.nn.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What every sample of a data set looks like: the modalities it has with their shapes, the task
 * and the label names. A modality absent from the schema is absent from the whole data set
 * (real CMU-MOSI transcripts without visual features, say): conditions that need it are not
 * applicable, never evaluated on zeros.
 */
public final class DatasetSchema implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Task task;
    private final List<String> labelNames;
    private final EnumMap<Modality, ModalityShape> modalities;
    private final Double labelMin;
    private final Double labelMax;

    private DatasetSchema(Builder b) {
        this.name = Objects.requireNonNull(b.name, "name");
        this.task = Objects.requireNonNull(b.task, "task");
        if (b.labelNames.isEmpty()) {
            throw new IllegalArgumentException("A schema needs at least one label name");
        }
        if (b.modalities.isEmpty()) {
            throw new IllegalArgumentException("A schema needs at least one modality");
        }
        if (task == Task.SINGLE_LABEL && b.labelNames.size() < 2) {
            throw new IllegalArgumentException("Single-label classification needs at least two class names, found " + b.labelNames);
        }
        this.labelNames = Collections.unmodifiableList(new ArrayList<>(b.labelNames));
        this.modalities = new EnumMap<>(b.modalities);
        this.labelMin = b.labelMin;
        this.labelMax = b.labelMax;
    }

    /** A new builder. */
    public static Builder builder(String name, Task task) {
        return new Builder(name, task);
    }

    /** A builder initialised with this schema. */
    public Builder toBuilder() {
        Builder b = new Builder(name, task);
        b.labelNames.addAll(labelNames);
        b.modalities.putAll(modalities);
        b.labelMin = labelMin;
        b.labelMax = labelMax;
        return b;
    }

    /** The data set's name ({@code mosi-aligned}, {@code mosi}, ...). */
    public String name() {
        return name;
    }

    /** The task. */
    public Task task() {
        return task;
    }

    /**
     * Label names: {@code [sentiment]} for sentiment regression, the class names for single-label,
     * the label names for multi-label (IEMOCAP: neutral, happy, sad, angry).
     */
    public List<String> labelNames() {
        return labelNames;
    }

    /** Number of target values per sample: label count, or 1 for single-label (the class index). */
    public int targetSize() {
        return task.targetSize(labelNames.size());
    }

    /** Number of network outputs: label count for every task (K logits for single-label). */
    public int outputSize() {
        return labelNames.size();
    }

    /** The modalities of the data set, in canonical order. */
    public Set<Modality> modalities() {
        return Collections.unmodifiableSet(modalities.keySet());
    }

    /** Whether the data set has this modality at all. */
    public boolean has(Modality m) {
        return modalities.containsKey(m);
    }

    /** The shape of a modality. */
    public ModalityShape shape(Modality m) {
        ModalityShape s = modalities.get(m);
        if (s == null) {
            throw new IllegalArgumentException("Data set '" + name + "' has no " + m.key() + " modality; it has " + modalities.keySet());
        }
        return s;
    }

    /** All shapes by modality. */
    public Map<Modality, ModalityShape> shapes() {
        return Collections.unmodifiableMap(modalities);
    }

    /** Whether all modalities share one time axis (word-aligned data). */
    public boolean aligned() {
        return modalities.values().stream().mapToInt(ModalityShape::length).distinct().count() == 1;
    }

    /** The declared lower bound of regression labels, if any (MOSI/MOSEI: -3). */
    public OptionalDouble labelMin() {
        return labelMin == null ? OptionalDouble.empty() : OptionalDouble.of(labelMin);
    }

    /** The declared upper bound of regression labels, if any (MOSI/MOSEI: 3). */
    public OptionalDouble labelMax() {
        return labelMax == null ? OptionalDouble.empty() : OptionalDouble.of(labelMax);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DatasetSchema)) {
            return false;
        }
        DatasetSchema s = (DatasetSchema) o;
        return name.equals(s.name) && task == s.task && labelNames.equals(s.labelNames) && modalities.equals(s.modalities)
                && Objects.equals(labelMin, s.labelMin) && Objects.equals(labelMax, s.labelMax);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, task, labelNames, modalities, labelMin, labelMax);
    }

    @Override
    public String toString() {
        return "DatasetSchema(" + name + ", " + task.key() + ", labels=" + labelNames + ", " + modalities + ")";
    }

    /** Builder for {@link DatasetSchema}. */
    public static final class Builder {
        private final String name;
        private final Task task;
        private final List<String> labelNames = new ArrayList<>();
        private final EnumMap<Modality, ModalityShape> modalities = new EnumMap<>(Modality.class);
        private Double labelMin;
        private Double labelMax;

        private Builder(String name, Task task) {
            this.name = name;
            this.task = task;
        }

        /** Sets the label names. */
        public Builder labels(List<String> names) {
            labelNames.clear();
            labelNames.addAll(names);
            return this;
        }

        /** Sets the label names. */
        public Builder labels(String... names) {
            return labels(List.of(names));
        }

        /** Adds a modality with its shape. */
        public Builder modality(Modality m, int length, int dim) {
            modalities.put(m, new ModalityShape(length, dim));
            return this;
        }

        /** Removes a modality. */
        public Builder without(Modality m) {
            modalities.remove(m);
            return this;
        }

        /** Declares the regression label range that loading validates. */
        public Builder labelRange(double min, double max) {
            if (!(min < max)) {
                throw new IllegalArgumentException("Expected min < max, found [" + min + ", " + max + "]");
            }
            labelMin = min;
            labelMax = max;
            return this;
        }

        /** The schema. */
        public DatasetSchema build() {
            return new DatasetSchema(this);
        }
    }
}
