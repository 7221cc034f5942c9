package io.github.umdf.baselines.transm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack of {@link DecoderLayer}s (keras-transformer's {@code get_encoders} / {@code get_decoders}):
 * encoder layers when built without cross-attention, decoder layers attending to the same encoder
 * states in every layer otherwise. Input and output {@code (B, T, d)}.
 */
public final class TransformerStack extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final List<DecoderLayer> layers = new ArrayList<>();

    /**
     * @param depth          number of layers
     * @param dim            model dimension
     * @param heads          attention heads
     * @param ffnDim         feed-forward width
     * @param dropout        residual dropout
     * @param crossAttention decoder (true) or encoder (false) layers
     */
    public TransformerStack(int depth, int dim, int heads, int ffnDim, float dropout, boolean crossAttention) {
        super(VERSION);
        this.dim = dim;
        for (int i = 0; i < depth; i++) {
            layers.add(addChildBlock("layer" + i, new DecoderLayer(dim, heads, ffnDim, dropout, crossAttention)));
        }
    }

    /** Runs every layer; see {@link DecoderLayer#forward}. */
    public NDArray forward(ParameterStore ps, NDArray x, NDArray mask, NDArray memory, NDArray memoryMask, boolean training) {
        NDArray h = x;
        for (DecoderLayer layer : layers) {
            h = layer.forward(ps, h, mask, memory, memoryMask, training);
        }
        return h;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("Use TransformerStack.forward(ps, x, mask, memory, memoryMask, training)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (DecoderLayer l : layers) {
            l.initialize(manager, dataType, new Shape(1, 1, dim));
        }
    }
}
