package io.github.umdf.tribuo;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.tribuo.output.OutputAdapter;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.lang.ref.Cleaner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A trained UMDF network (or any registered network) as a Tribuo {@link Model}, produced by
 * {@link MultimodalTrainer}. It holds the network's specification, the data set schema it was
 * built for, its parameters as bytes in DJL's format, the {@link OutputAdapter} and a summary of
 * training; the DJL network itself is a transient {@link NetworkSession} created lazily from those
 * bytes on first use ({@link DeviceChoice#AUTO} unless {@link #setDevice} says otherwise). The
 * model is therefore Java-serializable, and a reloaded model predicts exactly what the original
 * predicts: both run a session loaded from the same bytes.
 *
 * <p>Predictions read the {@link MultimodalSample} of each {@link MultimodalExample} with every
 * valid frame observed; a modality the example lacks is missing for the network (zero vectors,
 * as the paper feeds missing modalities). {@link #rawOutputs} and {@link #representations} run the
 * network on samples with explicit {@link SampleMask}s, for the evaluation protocol's missing
 * conditions.
 *
 * <p>Native memory: the session's parameters live in native (PyTorch) memory. {@link #close()}
 * releases them (a later prediction loads them again); a model that becomes unreachable without
 * being closed has them released by a {@link Cleaner}. Predictions are serialised on the model
 * (one session, which is not thread-safe).
 *
 * <p>Protobuf: {@link #serialize()} and {@link #deserializeFromProto(int, String, Any)} implement
 * Tribuo 4.3's protobuf form without generated classes (layout in {@link ModelProtoCodec}).
 *
 * @param <T> the output type
 */
public final class MultimodalModel<T extends Output<T>> extends Model<T> implements AutoCloseable {
    private static final long serialVersionUID = 1L;
    private static final Cleaner CLEANER = Cleaner.create();

    /** Protobuf serialization version. */
    public static final int CURRENT_VERSION = 0;
    /** Default number of samples per prediction batch. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    private final ModelSpec spec;
    private final DatasetSchema schema;
    private final byte[] parameters;
    private final OutputAdapter<T> adapter;
    private final TrainingSummary summary;

    private transient DeviceChoice device = DeviceChoice.AUTO;
    private transient int batchSize = DEFAULT_BATCH_SIZE;
    private transient NetworkSession session;
    private transient Cleaner.Cleanable cleanable;

    MultimodalModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureIDMap, ImmutableOutputInfo<T> outputIDInfo,
                    ModelSpec spec, DatasetSchema schema, byte[] parameters, OutputAdapter<T> adapter, TrainingSummary summary) {
        super(name, provenance, featureIDMap, outputIDInfo, adapter.generatesProbabilities());
        this.spec = Objects.requireNonNull(spec, "spec");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.summary = Objects.requireNonNull(summary, "summary");
        List<String> names = adapter.outputNames(outputIDInfo);
        if (!names.equals(schema.labelNames())) {
            throw new IllegalArgumentException("The schema's label names " + schema.labelNames()
                    + " must be the output names in id order " + names);
        }
    }

    /**
     * Writes the model in Tribuo's protobuf format ({@link #serializeToFile}), the format to prefer:
     * reading it involves no Java deserialization; it only instantiates the Tribuo, OLCUT and
     * adapter classes the file names (which must be on the class path and of the expected kinds).
     */
    public void save(Path file) throws IOException {
        serializeToFile(file);
    }

    /**
     * Reads a model written by {@link #save} (Tribuo's protobuf format).
     *
     * @throws IllegalArgumentException when the file holds another kind of Tribuo model
     */
    public static MultimodalModel<?> load(Path file) throws IOException {
        Model<?> model = Model.deserializeFromFile(file);
        if (!(model instanceof MultimodalModel)) {
            throw new IllegalArgumentException(file + " holds a " + model.getClass().getName() + ", expected a "
                    + MultimodalModel.class.getName());
        }
        return (MultimodalModel<?>) model;
    }

    /**
     * Reads a model written by {@link #save} and checks its output type.
     *
     * @throws IllegalArgumentException when the file holds another kind of model or another output type
     */
    @SuppressWarnings("unchecked") // checked against the adapter's output type
    public static <U extends Output<U>> MultimodalModel<U> load(Path file, Class<U> outputType) throws IOException {
        MultimodalModel<?> model = load(file);
        if (!model.adapter().outputType().equals(outputType)) {
            throw new IllegalArgumentException(file + " holds a model predicting " + model.adapter().outputType().getSimpleName()
                    + ", expected " + outputType.getSimpleName());
        }
        return (MultimodalModel<U>) model;
    }

    /** The network's specification. */
    public ModelSpec spec() {
        return spec;
    }

    /** The schema the network was built for: modalities and shapes, task, output names in id order. */
    public DatasetSchema schema() {
        return schema;
    }

    /** The output adapter. */
    public OutputAdapter<T> adapter() {
        return adapter;
    }

    /** What training did: epochs, selected epoch, validation losses. */
    public TrainingSummary trainingSummary() {
        return summary;
    }

    /** A copy of the network's parameters in DJL's block format. */
    public byte[] parameterBytes() {
        return parameters.clone();
    }

    /** The names of the network's output columns: column {@code k} is the output with id {@code k}. */
    public List<String> outputNames() {
        return schema.labelNames();
    }

    /** Where predictions run. */
    public synchronized DeviceChoice getDevice() {
        return device;
    }

    /** Chooses where predictions run; releases the current session (the next prediction loads the parameters there). */
    public synchronized void setDevice(DeviceChoice device) {
        this.device = Objects.requireNonNull(device, "device");
        close();
    }

    /** Samples per prediction batch. */
    public synchronized int getBatchSize() {
        return batchSize;
    }

    /** Sets the samples per prediction batch (memory against speed; results do not depend on it beyond float rounding). */
    public synchronized void setBatchSize(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("Expected a positive batch size, found " + batchSize);
        }
        this.batchSize = batchSize;
    }

    @Override
    public Prediction<T> predict(Example<T> example) {
        return innerPredict(Collections.singletonList(example)).get(0);
    }

    @Override
    protected List<Prediction<T>> innerPredict(Iterable<Example<T>> examples) {
        List<Example<T>> list = new ArrayList<>();
        List<MultimodalSample> samples = new ArrayList<>();
        List<SampleMask> masks = new ArrayList<>();
        int index = 0;
        for (Example<T> e : examples) {
            MultimodalSample s = sampleOf(e, index++);
            list.add(e);
            samples.add(s);
            masks.add(SampleMask.complete(s));
        }
        if (list.isEmpty()) {
            return new ArrayList<>();
        }
        return predictions(rawOutputs(samples, masks), list);
    }

    private MultimodalSample sampleOf(Example<T> e, int index) {
        MultimodalSample s = ExampleSamples.multimodal(e, "prediction", index).sample();
        for (Modality m : s.modalities()) {
            if (schema.has(m)) {
                FrameSequence seq = s.require(m);
                ModalityShape shape = schema.shape(m);
                if (seq.length() != shape.length() || seq.dim() != shape.dim()) {
                    throw new IllegalArgumentException("Example " + index + " ('" + s.id() + "') has " + m.key() + " of shape (T="
                            + seq.length() + ", d=" + seq.dim() + "), the model was trained on " + shape);
                }
            }
        }
        return s;
    }

    /**
     * Raw network outputs (regression values, or logits) for samples under explicit masks, in
     * evaluation mode: one row per sample, column {@code k} = {@link #outputNames()}{@code .get(k)}.
     * Modalities outside the model's schema are ignored; modalities a sample or its mask lacks are missing.
     *
     * @param samples the samples
     * @param masks   one mask per sample (e.g. from {@link io.github.umdf.nn.missing.EvaluationMasks})
     */
    public synchronized float[][] rawOutputs(List<MultimodalSample> samples, List<SampleMask> masks) {
        return session().predict(samples, masks, batchSize);
    }

    /**
     * Raw network outputs with the columns in a given label order (a data file's label order, say),
     * so that column {@code k} is {@code columns.get(k)}.
     *
     * @throws IllegalArgumentException when a requested column is not an output of the model
     */
    public float[][] rawOutputs(List<MultimodalSample> samples, List<SampleMask> masks, List<String> columns) {
        int[] index = new int[columns.size()];
        for (int k = 0; k < index.length; k++) {
            index[k] = outputNames().indexOf(columns.get(k));
            if (index[k] < 0) {
                throw new IllegalArgumentException("Unknown output '" + columns.get(k) + "'; the model's outputs are " + outputNames());
            }
        }
        float[][] raw = rawOutputs(samples, masks);
        float[][] out = new float[raw.length][index.length];
        for (int i = 0; i < raw.length; i++) {
            for (int k = 0; k < index.length; k++) {
                out[i][k] = raw[i][index[k]];
            }
        }
        return out;
    }

    /**
     * The joint representations the predictions are made from (the last valid step of H-bar for
     * UMDF; paper Figure 6's t-SNE), one row per sample, under explicit masks.
     */
    public synchronized float[][] representations(List<MultimodalSample> samples, List<SampleMask> masks) {
        return session().represent(samples, masks, batchSize);
    }

    /** Tribuo predictions from raw network output rows (as {@link #rawOutputs(List, List)} returns them). */
    public List<Prediction<T>> predictions(float[][] raw, List<Example<T>> examples) {
        if (raw.length != examples.size()) {
            throw new IllegalArgumentException("Expected one output row per example, found " + raw.length + " rows and "
                    + examples.size() + " examples");
        }
        List<Prediction<T>> out = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            out.add(adapter.prediction(raw[i], outputIDInfo, examples.get(i).size(), examples.get(i)));
        }
        return out;
    }

    private NetworkSession session() {
        if (session == null) {
            NetworkSession s = NetworkSession.load(spec, schema, device.resolve(), parameters);
            session = s;
            cleanable = CLEANER.register(this, new SessionCloser(s));
        }
        return session;
    }

    /**
     * Releases the network's native memory. The model stays usable: the next prediction loads the
     * parameters again.
     */
    @Override
    public synchronized void close() {
        if (cleanable != null) {
            cleanable.clean();
        }
        cleanable = null;
        session = null;
    }

    /** Closes a session; holds no reference to the model, so that the model can become unreachable. */
    private static final class SessionCloser implements Runnable {
        private final NetworkSession session;

        SessionCloser(NetworkSession session) {
            this.session = session;
        }

        @Override
        public void run() {
            session.close();
        }
    }

    /**
     * Always empty: the network reads whole per-modality sequences, not the summary features the
     * examples expose, so there is no per-feature weight to rank.
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    /**
     * Always empty: a deep network over frame sequences has no per-feature explanation of a
     * prediction; use the representations or a model-agnostic explainer instead.
     */
    @Override
    public Optional<Excuse<T>> getExcuse(Example<T> example) {
        return Optional.empty();
    }

    @Override
    protected MultimodalModel<T> copy(String newName, ModelProvenance newProvenance) {
        MultimodalModel<T> copy = new MultimodalModel<>(newName, newProvenance, featureIDMap, outputIDInfo, spec, schema, parameters,
                adapter, summary);
        copy.device = getDevice();
        copy.batchSize = getBatchSize();
        return copy;
    }

    @Override
    public ModelProto serialize() {
        return ModelProtoCodec.serialize(this, createDataCarrier(), CURRENT_VERSION);
    }

    /**
     * Deserialization factory for Tribuo's protobuf form ({@link Model#deserialize(ModelProto)} calls it).
     *
     * @param version   the serialized version
     * @param className the class name
     * @param message   the serialized data
     * @throws InvalidProtocolBufferException if the message is malformed
     */
    public static MultimodalModel<?> deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalArgumentException("Unknown version " + version + ", this class supports at most version " + CURRENT_VERSION);
        }
        return ModelProtoCodec.deserialize(message);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        if (spec == null || schema == null || parameters == null || adapter == null || summary == null) {
            throw new java.io.InvalidObjectException("MultimodalModel without specification, schema, parameters, adapter or summary");
        }
        device = DeviceChoice.AUTO;
        batchSize = DEFAULT_BATCH_SIZE;
    }
}
