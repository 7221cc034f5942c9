package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.ops.Layers;

import java.util.ArrayList;
import java.util.List;

/**
 * The relational graph convolution of Schlichtkrull et al. (ESWC 2018) as PyTorch Geometric 2.0's
 * {@code RGCNConv(in, out, num_relations)} computes it with its defaults (no bases or blocks, mean
 * aggregation, root weight, bias), which GCNet's {@code GraphNetwork.conv1} is:
 * <pre>
 *   x'_i = W_root x_i + b + Σ_r (1 / |N_r(i)|) Σ_{j ∈ N_r(i)} W_r x_j
 * </pre>
 * with {@code N_r(i)} the sources of the edges of relation {@code r} into node {@code i} (a relation
 * without such edges adds nothing). Nodes are the slots of padded conversations {@code (C, L, in)};
 * the edges of relation {@code r} come as a matrix {@code A_r (C, L, L)} already divided by the
 * number of edges each target receives ({@link ConversationGraph#adjacency} with {@code mean}).
 *
 * <p>Child blocks: {@code root} (with the bias), {@code relation0}, {@code relation1}, ... (no bias).
 */
public final class RelationalGraphConvolution extends NeighbourhoodConvolution {
    private final List<Linear> relations = new ArrayList<>();

    /**
     * @param inputDim  the node features {@code in}
     * @param units     the output features {@code out}
     * @param relations the number of relations
     */
    public RelationalGraphConvolution(int inputDim, int units, int relations) {
        super("RelationalGraphConvolution", inputDim, units, true);
        if (relations < 1) {
            throw new IllegalArgumentException("RelationalGraphConvolution: expected at least one relation, found " + relations);
        }
        for (int r = 0; r < relations; r++) {
            this.relations.add(addChildBlock("relation" + r, Linear.builder().setUnits(units).optBias(false).build()));
        }
    }

    /** The number of relations. */
    public int relations() {
        return relations.size();
    }

    /**
     * @param x         node features {@code (C, L, in)}
     * @param adjacency per relation the mean-normalised edges {@code (C, L, L)}, target by source
     * @return {@code (C, L, out)}
     */
    public NDArray apply(ParameterStore ps, NDArray x, List<NDArray> adjacency, boolean training) {
        if (adjacency.size() != relations.size()) {
            throw new IllegalArgumentException("Expected " + relations.size() + " relation matrices, got " + adjacency.size());
        }
        NDArray out = Layers.apply(ps, root, x, training);
        for (int r = 0; r < relations.size(); r++) {
            out = out.add(Layers.apply(ps, relations.get(r), adjacency.get(r).matMul(x), training));
        }
        return out;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(apply(ps, inputs.get(0), inputs.subNDList(1), training));
    }
}
