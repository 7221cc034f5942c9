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
 * The position-wise feed-forward network of the MCIM and encoder layers:
 * {@code Linear(d, 4d) - ReLU - dropout - Linear(4d, d)} (Vaswani et al. 2017; MulT's
 * {@code relu_dropout}). Input and output {@code (B, T, d)}.
 */
public final class FeedForward extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final float reluDropout;
    private final Linear expand;
    private final Linear contract;

    /**
     * @param dim         model dimension {@code d}
     * @param hiddenDim   inner width (4d)
     * @param reluDropout dropout after the ReLU
     */
    public FeedForward(int dim, int hiddenDim, float reluDropout) {
        super(VERSION);
        this.dim = dim;
        this.reluDropout = reluDropout;
        this.expand = addChildBlock("expand", Linear.builder().setUnits(hiddenDim).build());
        this.contract = addChildBlock("contract", Linear.builder().setUnits(dim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray h = Activation.relu(expand.forward(ps, inputs, training).head());
        if (training && reluDropout > 0f) {
            h = Layers.dropout(h, reluDropout, true);
        }
        return contract.forward(ps, new NDList(h), training);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        expand.initialize(manager, dataType, new Shape(1, 1, dim));
        contract.initialize(manager, dataType, expand.getOutputShapes(new Shape[] {new Shape(1, 1, dim)}));
    }
}
