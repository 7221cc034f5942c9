package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.ops.Layers;

/**
 * The prediction MLP on the last valid step of {@code H̄} (SPEC section 2):
 * {@code z = h + dropout(ReLU(Linear_{D -> D}(h))); ŷ = Linear_{D -> out}(z)}, i.e.
 * Linear-ReLU-dropout-Linear with a residual around the first layer (MulT's output layers).
 * Input {@code (B, D)}, output {@code (B, out)}: regression values or logits.
 */
public final class PredictionHead extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final float outDropout;
    private final Linear hidden;
    private final Linear out;

    /**
     * @param dim        input width {@code D}
     * @param outputs    number of outputs
     * @param outDropout dropout after the hidden layer
     */
    public PredictionHead(int dim, int outputs, float outDropout) {
        super(VERSION);
        this.dim = dim;
        this.outDropout = outDropout;
        this.hidden = addChildBlock("hidden", Linear.builder().setUnits(dim).build());
        this.out = addChildBlock("out", Linear.builder().setUnits(outputs).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = inputs.head();
        NDArray z = Activation.relu(hidden.forward(ps, inputs, training).head());
        if (training && outDropout > 0f) {
            z = Layers.dropout(z, outDropout, true);
        }
        return out.forward(ps, new NDList(z.add(h)), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return out.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        hidden.initialize(manager, dataType, new Shape(1, dim));
        out.initialize(manager, dataType, new Shape(1, dim));
    }
}
