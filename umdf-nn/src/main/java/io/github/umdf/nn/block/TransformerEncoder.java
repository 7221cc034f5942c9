package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@link EncoderLayer}s (SPEC D4: two layers, post-norm). Used for the joint
 * representation {@code H} and, inside DFIM, for {@code H̄}. Inputs {@code [x (B, T, D)]} or
 * {@code [x, keyMask (B, T)]}; output {@code [(B, T, D)]}.
 */
public final class TransformerEncoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final List<EncoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;

    /**
     * @param dim         feature dimension
     * @param heads       attention heads
     * @param depth       number of layers
     * @param attnDropout attention-weight dropout
     * @param reluDropout feed-forward dropout
     * @param resDropout  residual dropout
     */
    public TransformerEncoder(int dim, int heads, int depth, float attnDropout, float reluDropout, float resDropout) {
        this(dim, heads, depth, attnDropout, reluDropout, resDropout, NormPlacement.POST);
    }

    /** A post-norm or pre-norm stack; the other parameters as {@link #TransformerEncoder(int, int, int, float, float, float)}. */
    public TransformerEncoder(int dim, int heads, int depth, float attnDropout, float reluDropout, float resDropout,
                              NormPlacement norm) {
        super(VERSION);
        this.dim = dim;
        for (int i = 0; i < depth; i++) {
            layers.add(addChildBlock("layer" + i, new EncoderLayer(dim, heads, attnDropout, reluDropout, resDropout, norm)));
        }
        this.finalNorm = norm == NormPlacement.PRE ? addChildBlock("finalNorm", LayerNorm.builder().axis(2).build()) : null;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    /** Runs every layer on {@code x} with the same key mask. */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray keyMask, boolean training) {
        NDArray h = x;
        for (EncoderLayer layer : layers) {
            h = layer.forward(ps, h, keyMask, training);
        }
        return finalNorm == null ? h : finalNorm.forward(ps, new NDList(h), training).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (EncoderLayer l : layers) {
            l.initialize(manager, dataType, new Shape(1, 1, dim));
        }
        if (finalNorm != null) {
            finalNorm.initialize(manager, dataType, new Shape(1, 1, dim));
        }
    }
}
