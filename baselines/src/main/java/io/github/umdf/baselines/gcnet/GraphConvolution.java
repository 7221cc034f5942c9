package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.ops.Layers;

/**
 * The graph convolution of Morris et al. (AAAI 2019) as PyTorch Geometric 2.0's
 * {@code GraphConv(in, out)} computes it with its defaults (sum aggregation, no edge weights), which
 * GCNet's {@code GraphNetwork.conv2} is; it ignores the edges' relations:
 * <pre>
 *   x'_i = W_root x_i + W_rel Σ_{j ∈ N(i)} x_j + b
 * </pre>
 * (the bias belongs to {@code lin_rel} in PyG). Nodes are the slots of padded conversations
 * {@code (C, L, in)}; the edges come as a 0/1 matrix {@code A (C, L, L)}, target by source.
 *
 * <p>Child blocks: {@code root} (no bias), {@code neighbours} (with the bias).
 */
public final class GraphConvolution extends NeighbourhoodConvolution {
    private final Linear neighbours;

    /**
     * @param inputDim the node features {@code in}
     * @param units    the output features {@code out}
     */
    public GraphConvolution(int inputDim, int units) {
        super("GraphConvolution", inputDim, units, false);
        this.neighbours = addChildBlock("neighbours", Linear.builder().setUnits(units).build());
    }

    /**
     * @param x         node features {@code (C, L, in)}
     * @param adjacency the edges {@code (C, L, L)}, 1 per edge, target by source
     * @return {@code (C, L, out)}
     */
    public NDArray apply(ParameterStore ps, NDArray x, NDArray adjacency, boolean training) {
        return Layers.apply(ps, root, x, training).add(Layers.apply(ps, neighbours, adjacency.matMul(x), training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.get(0), inputs.get(1), training));
    }
}
