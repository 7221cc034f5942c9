package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The "without DFIM" ablation of paper Table 3: DFIM "replaced by a simple concatenation
 * operation", {@code H_e = Linear_{2D -> D}([H_a ‖ H_b])} (the linear layer brings the
 * concatenation back to the width the following encoder takes). Inference on a cloned sample
 * computes {@code Linear([H ‖ H])} literally.
 */
public final class ConcatFusion extends AbstractBlock implements StreamFusion {
    private static final byte VERSION = 1;

    private final int dim;
    private final Linear linear;

    /** @param dim feature dimension {@code D} */
    public ConcatFusion(int dim) {
        super(VERSION);
        this.dim = dim;
        this.linear = addChildBlock("concatProjection", Linear.builder().setUnits(dim).build());
    }

    @Override
    public NDArray fuse(ParameterStore ps, NDArray ha, NDArray hb, NDArray mask, boolean training) {
        return linear.forward(ps, new NDList(NDArrays.concat(new NDList(ha, hb), 2)), training).head();
    }

    @Override
    public NDArray fuseIdentical(ParameterStore ps, NDArray h, NDArray mask, boolean training) {
        return fuse(ps, h, h, mask, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(fuse(ps, inputs.get(0), inputs.get(1), null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        linear.initialize(manager, dataType, new Shape(1, 1, 2L * dim));
    }
}
