package io.github.umdf.nn.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.model.NetworkModel;
import io.github.umdf.nn.ops.Engines;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A network with its parameters allocated on a device: what training produces and what
 * prediction, evaluation and serialization use. Every array of a prediction batch lives in a
 * sub-manager closed at the end of the batch; only the parameters live in the session's manager.
 * Not thread-safe: use one session per thread.
 */
public final class NetworkSession implements AutoCloseable {
    private final NetworkModel model;
    private final NDManager manager;
    private ParameterStore parameterStore;
    private final BatchBuilder batchBuilder;

    private NetworkSession(NetworkModel model, Device device) {
        Engines.ensureOffline();
        this.model = model;
        this.manager = NDManager.newBaseManager(device);
        this.parameterStore = new ParameterStore(manager, false);
        this.batchBuilder = new BatchBuilder(model.schema());
    }

    /**
     * A new network with freshly initialised parameters, drawn from the engine seeded with {@code seed}.
     */
    public static NetworkSession create(ModelSpec spec, DatasetSchema schema, Device device, long seed) {
        NetworkSession s = new NetworkSession(spec.build(schema), device);
        Engines.RANDOM_LOCK.lock();
        try {
            Engines.seed(seed);
            s.model.initialize(s.manager);
        } finally {
            Engines.RANDOM_LOCK.unlock();
        }
        return s;
    }

    /** A network with parameters read from {@link #parameterBytes()} output. */
    public static NetworkSession load(ModelSpec spec, DatasetSchema schema, Device device, byte[] parameters) {
        NetworkSession s = new NetworkSession(spec.build(schema), device);
        Engines.RANDOM_LOCK.lock();
        try {
            s.model.initialize(s.manager);
        } finally {
            Engines.RANDOM_LOCK.unlock();
        }
        try {
            s.loadParameters(parameters);
        } catch (RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    public NetworkModel model() {
        return model;
    }

    public NDManager manager() {
        return manager;
    }

    public ParameterStore parameterStore() {
        return parameterStore;
    }

    public BatchBuilder batchBuilder() {
        return batchBuilder;
    }

    /** The parameters in DJL's block format. */
    public byte[] parameterBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                model.block().saveParameters(out);
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces the parameters by those of {@link #parameterBytes()} output (same specification and
     * schema). DJL's {@code Parameter.load} puts a new array into each parameter: the old arrays are
     * closed here, the parameter store (which caches arrays) is renewed, and parameters that take
     * gradients take them again, so the session predicts and trains with the loaded values. DJL does
     * not compare shapes: a parameter of another shape than the network's (bytes of a network built
     * for other feature widths or, for CubeMLP, another sequence length) is refused here, and the
     * session is not usable after a refused load.
     */
    public void loadParameters(byte[] parameters) {
        List<ai.djl.ndarray.NDArray> old = new java.util.ArrayList<>();
        Map<String, Shape> shapes = new HashMap<>();
        for (var p : model.block().getParameters()) {
            if (p.getValue().isInitialized()) {
                old.add(p.getValue().getArray());
                shapes.put(p.getKey(), p.getValue().getArray().getShape());
            }
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
            model.block().loadParameters(manager, in);
            for (var p : model.block().getParameters()) {
                Shape expected = shapes.get(p.getKey());
                Shape found = p.getValue().getArray().getShape();
                if (expected != null && !expected.equals(found)) {
                    throw new IllegalArgumentException("The parameters do not fit this network (" + model.spec().family() + " for "
                            + model.schema().name() + "): " + p.getKey() + " has shape " + found + ", the network expects " + expected);
                }
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
            }
            old.forEach(ai.djl.ndarray.NDArray::close);
            parameterStore = new ParameterStore(manager, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read network parameters", e);
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException("The parameters do not fit this network (" + model.spec().family()
                    + " for " + model.schema().name() + "): " + e.getMessage(), e);
        }
    }

    /** Number of parameters. */
    public long parameterCount() {
        long n = 0;
        for (var p : model.block().getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    /**
     * Predictions (regression values or logits) per sample, in evaluation mode, in batches the network
     * chooses ({@link NetworkModel#batches}; consecutive runs of {@code batchSize} samples by default).
     */
    public float[][] predict(List<MultimodalSample> samples, List<SampleMask> masks, int batchSize) {
        return run(samples, masks, batchSize, (ps, in) -> model.predict(ps, in));
    }

    /** Joint representations per sample, in evaluation mode. */
    public float[][] represent(List<MultimodalSample> samples, List<SampleMask> masks, int batchSize) {
        return run(samples, masks, batchSize, (ps, in) -> model.represent(ps, in));
    }

    private float[][] run(List<MultimodalSample> samples, List<SampleMask> masks, int batchSize,
                          BiFunction<ParameterStore, ModalityInputs, NDArray> f) {
        if (samples.size() != masks.size()) {
            throw new IllegalArgumentException("Expected one mask per sample, got " + samples.size() + " and " + masks.size());
        }
        float[][] out = new float[samples.size()][];
        Engines.noGrad();
        List<String> ids = new ArrayList<>(samples.size());
        samples.forEach(s -> ids.add(s.id()));
        for (int[] batch : BatchPlan.of(model, ids, batchSize)) {
            try (NDManager step = manager.newSubManager()) {
                ModalityInputs in = batchBuilder.inputs(step, BatchPlan.rows(samples, batch), BatchPlan.rows(masks, batch));
                NDArray y = f.apply(parameterStore, in);
                int width = (int) y.getShape().get(1);
                float[] flat = y.toFloatArray();
                for (int i = 0; i < batch.length; i++) {
                    out[batch[i]] = new float[width];
                    System.arraycopy(flat, i * width, out[batch[i]], 0, width);
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
