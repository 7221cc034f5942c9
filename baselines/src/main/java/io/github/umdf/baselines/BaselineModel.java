package io.github.umdf.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.AbstractBlock;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.model.Initialization;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.model.NetworkModel;

/**
 * What the baselines' {@link NetworkModel}s share: the specification, the schema, the root block,
 * and the initialisation (Glorot-uniform weights, the Keras default the MCTN and TransM originals
 * use, zero biases) with one {@code (1, T_m, d_m)} input shape per modality of the schema.
 *
 * @param <S> the specification type
 * @param <B> the root block type
 */
public abstract class BaselineModel<S extends ModelSpec, B extends AbstractBlock> implements NetworkModel {
    protected final S spec;
    protected final DatasetSchema schema;
    protected final B network;

    /**
     * @param spec    the specification
     * @param schema  the data set
     * @param network the root block, built for them
     */
    protected BaselineModel(S spec, DatasetSchema schema, B network) {
        this.spec = spec;
        this.schema = schema;
        this.network = network;
    }

    @Override
    public S spec() {
        return spec;
    }

    @Override
    public DatasetSchema schema() {
        return schema;
    }

    @Override
    public B block() {
        return network;
    }

    @Override
    public void initialize(NDManager manager) {
        Initialization.glorot(network, schema, manager);
    }

    /** Checks that a training batch holds one view per sample, as every baseline trains. */
    protected static void requireOneView(ModalityInputs views, NDArray targets, String family) {
        long b = targets.getShape().get(0);
        if (views.size() != b) {
            throw new IllegalArgumentException(family + " trains on one view per sample: expected " + b + " rows, got " + views.size());
        }
    }
}
