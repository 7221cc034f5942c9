package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;

/**
 * What GCNet's two graph layers share: node features {@code (C, L, in)} of padded conversations, a
 * root transform {@code W_root x_i} of each node's own features, and further linear transforms, all of
 * the node features, for what the node receives along its edges. Subclasses add those transforms and
 * say how they combine.
 */
abstract class NeighbourhoodConvolution extends AbstractBlock {
    private static final byte VERSION = 1;

    /** The node features {@code in}. */
    protected final int inputDim;
    /** {@code W_root} (child block {@code root}). */
    protected final Linear root;

    /**
     * @param block    the layer's name, for the error message
     * @param inputDim the node features {@code in}
     * @param units    the output features {@code out}
     * @param rootBias whether the root transform carries the layer's bias
     */
    protected NeighbourhoodConvolution(String block, int inputDim, int units, boolean rootBias) {
        super(VERSION);
        if (inputDim < 1 || units < 1) {
            throw new IllegalArgumentException(block + ": expected positive input width and units, found " + inputDim + ", " + units);
        }
        this.inputDim = inputDim;
        this.root = addChildBlock("root", Linear.builder().setUnits(units).optBias(rootBias).build());
    }

    /** {@code (C, L, out)} for nodes {@code (C, L, in)}. */
    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return root.getOutputShapes(new Shape[] {inputShapes[0]});
    }

    /** Every transform reads node features. */
    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, 1, inputDim);
        for (Pair<String, Block> child : getChildren()) {
            child.getValue().initialize(manager, dataType, in);
        }
    }
}
