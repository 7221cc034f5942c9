package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
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
public final class RelationalGraphConvolution extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputDim;
    private final Linear root;
    private final List<Linear> relations = new ArrayList<>();

    /**
     * @param inputDim  the node features {@code in}
     * @param units     the output features {@code out}
     * @param relations the number of relations
     */
    public RelationalGraphConvolution(int inputDim, int units, int relations) {
        super(VERSION);
        if (inputDim < 1 || units < 1 || relations < 1) {
            throw new IllegalArgumentException("RelationalGraphConvolution: expected positive input width, units and relations, found "
                    + inputDim + ", " + units + ", " + relations);
        }
        this.inputDim = inputDim;
        this.root = addChildBlock("root", Linear.builder().setUnits(units).build());
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

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return root.getOutputShapes(new Shape[] {inputShapes[0]});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, 1, inputDim);
        root.initialize(manager, dataType, in);
        for (Linear r : relations) {
            r.initialize(manager, dataType, in);
        }
    }
}
