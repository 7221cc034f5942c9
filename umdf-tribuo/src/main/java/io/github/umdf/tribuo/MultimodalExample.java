package io.github.umdf.tribuo;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ExampleProto;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Tribuo {@link Example} carrying one {@link MultimodalSample}: dense per-modality sequences
 * with per-frame validity, kept as they are rather than expanded into one Tribuo feature per value
 * (a MOSEI sample has 50 x (300 + 74 + 35) values; as features, a data set's feature map would
 * hold millions of names).
 *
 * <p>For generic Tribuo code the example exposes a few summary features, never empty and never
 * NaN: {@value #MODALITIES} (the number of modalities present) and, per present modality,
 * {@code <modality>.frames} (its number of valid frames, e.g. {@code language.frames}).
 * {@link MultimodalModel} reads the sample, not these features. A modality absent from the sample
 * is treated as missing by the network. The metadata key {@link Example#NAME} holds the sample id.
 *
 * <p>Tribuo operations that rebuild examples as plain {@link ArrayExample}s (feature transformations
 * through a {@code TransformerMap}, feature selection) lose the sample; {@link MultimodalTrainer}
 * and {@link MultimodalModel} reject such examples with a message saying so. The example's
 * protobuf form is not supported (it would silently drop the sequences); Java serialization is.
 *
 * @param <T> the output type
 */
public final class MultimodalExample<T extends Output<T>> extends ArrayExample<T> {
    private static final long serialVersionUID = 1L;

    /** Name of the summary feature counting the modalities present. */
    public static final String MODALITIES = "modalities";
    /** Suffix of the per-modality summary features: {@code language.frames} = number of valid language frames. */
    public static final String FRAMES_SUFFIX = ".frames";

    private transient MultimodalSample sample;
    private transient DatasetSchema source;
    private final String datasetName;

    /**
     * An example of weight 1.
     *
     * @param output      the output (ground truth, or the output factory's unknown output for unlabelled data)
     * @param sample      the sample; its target values are ignored here (the output is the truth)
     * @param datasetName the name of the data set the sample comes from (named in errors and the network's schema)
     */
    public MultimodalExample(T output, MultimodalSample sample, String datasetName) {
        this(output, sample, datasetName, DEFAULT_WEIGHT);
    }

    /**
     * An example.
     *
     * @param output      the output
     * @param sample      the sample
     * @param datasetName the name of its data set
     * @param weight      the example weight (Tribuo bookkeeping; the network's loss does not weight samples)
     */
    public MultimodalExample(T output, MultimodalSample sample, String datasetName, float weight) {
        super(output, summaryNames(sample), summaryValues(sample), metadata(sample));
        this.sample = sample;
        this.datasetName = Objects.requireNonNull(datasetName, "datasetName");
        setWeight(weight);
    }

    /** Copy constructor: shares the immutable sample, copies features and metadata. */
    /**
     * An example of a loaded data set: its name is the schema's, and the trainer takes the modalities
     * and shapes from {@code source} instead of checking every example (the data set checked them when
     * it was read).
     */
    public MultimodalExample(T output, MultimodalSample sample, DatasetSchema source) {
        this(output, sample, source.name());
        this.source = source;
    }

    private MultimodalExample(MultimodalExample<T> other) {
        super(other);
        this.sample = other.sample;
        this.source = other.source;
        this.datasetName = other.datasetName;
    }

    private static String[] summaryNames(MultimodalSample sample) {
        List<String> names = new ArrayList<>();
        names.add(MODALITIES);
        for (Modality m : sample.modalities()) {
            names.add(m.key() + FRAMES_SUFFIX);
        }
        return names.toArray(new String[0]);
    }

    private static double[] summaryValues(MultimodalSample sample) {
        double[] values = new double[1 + sample.modalities().size()];
        values[0] = sample.modalities().size();
        int i = 1;
        for (Modality m : sample.modalities()) {
            values[i++] = sample.require(m).validCount();
        }
        return values;
    }

    private static Map<String, Object> metadata(MultimodalSample sample) {
        Map<String, Object> map = new HashMap<>();
        map.put(NAME, sample.id());
        return map;
    }

    /** The sample: the per-modality sequences the network reads. */
    public MultimodalSample sample() {
        return sample;
    }

    /** The name of the data set the sample comes from. */
    public String datasetName() {
        return datasetName;
    }

    /** The schema of the loaded data set the example comes from, when it was made from one (null otherwise, and after Java deserialization). */
    public DatasetSchema sourceSchema() {
        return source;
    }

    @Override
    public MultimodalExample<T> copy() {
        return new MultimodalExample<>(this);
    }

    /**
     * Not supported: the protobuf form of {@link ArrayExample} would drop the sequences.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public ExampleProto serialize() {
        throw new UnsupportedOperationException("MultimodalExample '" + sample.id() + "' cannot be written as a protobuf: "
                + "its sequences have no protobuf form; keep the data file (or use Java serialization)");
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MultimodalExample) || !super.equals(o)) {
            return false;
        }
        MultimodalExample<?> that = (MultimodalExample<?>) o;
        return datasetName.equals(that.datasetName) && sample.equals(that.sample);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + sample.hashCode();
    }

    @Override
    public String toString() {
        return "MultimodalExample(" + datasetName + "/" + sample.id() + ", output=" + output + ", " + sample.modalities() + ")";
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
        out.writeUTF(sample.id());
        out.writeObject(sample.target());
        out.writeInt(sample.modalities().size());
        for (Modality m : sample.modalities()) {
            FrameSequence s = sample.require(m);
            out.writeUTF(m.key());
            out.writeInt(s.length());
            out.writeInt(s.dim());
            out.writeObject(s.valuesCopy());
            out.writeObject(s.validityCopy());
        }
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        String id = in.readUTF();
        float[] target = (float[]) in.readObject();
        int count = in.readInt();
        EnumMap<Modality, FrameSequence> modalities = new EnumMap<>(Modality.class);
        for (int i = 0; i < count; i++) {
            Modality m = Modality.parse(in.readUTF());
            int length = in.readInt();
            int dim = in.readInt();
            float[] values = (float[]) in.readObject();
            boolean[] valid = (boolean[]) in.readObject();
            modalities.put(m, new FrameSequence(length, dim, values, valid));
        }
        this.sample = new MultimodalSample(id, modalities, target);
    }
}
