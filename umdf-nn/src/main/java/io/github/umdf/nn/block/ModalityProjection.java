package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.ops.Layers;
import io.github.umdf.nn.ops.Scalars;

/**
 * Modality projection (paper, MCIM: "a 1D temporal convolutional layer ... to project to the same
 * dimension", then "augment the positional embedding"):
 * {@code Z_m = dropout(sqrt(d) * Conv1d_{d_m -> d, k}(X_m) + PE)}.
 *
 * <p>The convolution has no bias (as MulT's projections), so a missing frame's zero vector stays
 * zero up to the contributions of its neighbours; the {@code sqrt(d)} scale before adding the
 * positions is MulT's {@code embed_scale}. Input {@code (B, T, d_m)}, output {@code (B, T, d)}.
 */
public final class ModalityProjection extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputDim;
    private final int dim;
    private final float embedDropout;
    private final int kernel;
    private final Conv1d conv;

    /**
     * @param inputDim     the modality's feature dimension {@code d_m}
     * @param dim          the model dimension {@code d}
     * @param kernel       temporal kernel size (odd; the paper's 3)
     * @param embedDropout dropout on the embedded sequence
     */
    public ModalityProjection(int inputDim, int dim, int kernel, float embedDropout) {
        super(VERSION);
        if (kernel < 1 || kernel % 2 == 0) {
            throw new IllegalArgumentException("Expected an odd kernel size, found " + kernel);
        }
        this.inputDim = inputDim;
        this.kernel = kernel;
        this.dim = dim;
        this.embedDropout = embedDropout;
        this.conv = addChildBlock("conv", Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(dim)
                .optPadding(new Shape(kernel / 2)).optBias(false).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.head(); // (B, T, d_m)
        int t = (int) x.getShape().get(1);
        NDArray z = TemporalConvolution.apply(ps, conv, x, kernel, training); // (B, T, d)
        z = Scalars.mul(z, (float) Math.sqrt(dim)).add(SinusoidalPositions.create(x.getManager(), t, dim));
        if (training && embedDropout > 0f) {
            z = Layers.dropout(z, embedDropout, true);
        }
        return new NDList(z);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, new Shape(1, inputDim, 8));
    }
}
