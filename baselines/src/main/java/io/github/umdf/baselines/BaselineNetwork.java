package io.github.umdf.baselines;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.data.DatasetSchema;

/**
 * The root block of a baseline network. It holds every parameter (for saving, loading and counting)
 * but is not called through DJL's {@code forward}: its model class runs it on
 * {@link io.github.umdf.nn.model.ModalityInputs}, which address modalities by name.
 */
public abstract class BaselineNetwork extends AbstractBlock {
    private static final byte VERSION = 1;

    protected final DatasetSchema schema;
    private final String modelClass;

    /**
     * @param schema     the data set the network is built for
     * @param modelClass the simple name of the model class that runs the network (for the error message)
     */
    protected BaselineNetwork(DatasetSchema schema, String modelClass) {
        super(VERSION);
        this.schema = schema;
        this.modelClass = modelClass;
    }

    @Override
    protected final NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("Use " + modelClass + ".predict/loss, which take ModalityInputs");
    }

    /** {@code (N, out)}: the predictions' shape. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), schema.outputSize())};
    }

    /** The data set schema. */
    public DatasetSchema schema() {
        return schema;
    }
}
