package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.block.TemporalConvolution;
import io.github.umdf.nn.ops.Masks;
import io.github.umdf.nn.ops.Scalars;

/**
 * Dynamic Feature Integration Module, paper eqs. (10)-(11) and Figure 2(b).
 * <pre>
 *   M_k  = softmax_T(Linear_{D -> 1}(H_k))          frame scores, padding masked
 *   H̃_k  = H_k + M_k ⊙ H_k                          frame-level self-enhancement (SPEC D6)
 *   μ    = σ(Conv1d_{2D -> D, kernel 3}([H̃_a ‖ H̃_b]))
 *   H_e  = μ ⊙ H̃_a + (1 − μ) ⊙ H̃_b
 * </pre>
 * The scoring layer is shared by both streams. When both streams are identical (inference on a
 * cloned test sample) {@code H_e = H̃_a} whatever {@code μ} is, which {@link #fuseIdentical}
 * computes without the gate.
 */
public final class Dfim extends AbstractBlock implements StreamFusion {
    private static final byte VERSION = 1;

    private final int dim;
    private final Linear score;
    private final int gateKernel;
    private final Conv1d gate;

    /**
     * @param dim        feature dimension {@code D = 3d}
     * @param gateKernel temporal kernel of the gate convolution (odd; the paper's 3)
     */
    public Dfim(int dim, int gateKernel) {
        super(VERSION);
        if (gateKernel < 1 || gateKernel % 2 == 0) {
            throw new IllegalArgumentException("Expected an odd gate kernel, found " + gateKernel);
        }
        this.dim = dim;
        this.gateKernel = gateKernel;
        this.score = addChildBlock("frameScore", Linear.builder().setUnits(1).build());
        this.gate = addChildBlock("gate", Conv1d.builder().setKernelShape(new Shape(gateKernel)).setFilters(dim)
                .optPadding(new Shape(gateKernel / 2)).build());
    }

    /** Frame-level self-enhancement {@code H̃ = H + softmax_T(score(H)) ⊙ H}. */
    public NDArray enhance(ParameterStore ps, NDArray h, NDArray mask, boolean training) {
        NDArray s = score.forward(ps, new NDList(h), training).head().squeeze(2); // (B, T)
        NDArray m = Masks.maskedSoftmax(s, mask).expandDims(2); // (B, T, 1)
        return h.add(m.mul(h));
    }

    @Override
    public NDArray fuse(ParameterStore ps, NDArray ha, NDArray hb, NDArray mask, boolean training) {
        NDArray ea = enhance(ps, ha, mask, training);
        NDArray eb = enhance(ps, hb, mask, training);
        NDArray both = NDArrays.concat(new NDList(ea, eb), 2); // (B, T, 2D)
        NDArray mu = Activation.sigmoid(TemporalConvolution.apply(ps, gate, both, gateKernel, training)); // (B, T, D)
        return mu.mul(ea).add(Scalars.of(mu, 1f).sub(mu).mul(eb)); // (B, T, D)
    }

    @Override
    public NDArray fuseIdentical(ParameterStore ps, NDArray h, NDArray mask, boolean training) {
        return enhance(ps, h, mask, training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(fuse(ps, inputs.get(0), inputs.get(1), inputs.size() > 2 ? inputs.get(2) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        score.initialize(manager, dataType, new Shape(1, 1, dim));
        gate.initialize(manager, dataType, new Shape(1, 2L * dim, 8));
    }
}
