package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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

import java.util.List;

/**
 * One of GCNet's two graph encoders (zeroQiaoba/GCNet {@code gcnet/model.py}, {@code GraphNetwork},
 * without the optional nodal attention {@code --time-attn}, which the published commands leave off):
 * <pre>
 *   O = GraphConv(RGCN(H))                      (C, L, G)      two graph layers, no activation between
 *   Z = [H ; O]                                 (C, L, F + G)
 *   U = BiLSTM_2(Z)                             (C, L, 2(F + G)) over each conversation's segments
 *   out = ReLU(W U + b)                         (C, L, F + G)
 * </pre>
 * for node features {@code H (C, L, F)} in padded conversations.
 *
 * <p>Child blocks: {@code rgcn}, {@code graphConv}, {@code lstm}, {@code linear}.
 */
public final class GraphNetwork extends AbstractBlock {
    private static final byte VERSION = 1;

    /**
     * A graph's edges for the network.
     *
     * @param relations per relation the mean-normalised edges {@code (C, L, L)}
     * @param all       every edge, 1 each {@code (C, L, L)}
     */
    public record Edges(List<NDArray> relations, NDArray all) {
    }

    private final int inputDim;
    private final int outputDim;
    private final RelationalGraphConvolution rgcn;
    private final GraphConvolution graphConv;
    private final StackedBiLstm lstm;
    private final Linear linear;

    /**
     * @param inputDim  the node features {@code F}
     * @param graphDim  the graph layers' width {@code G}
     * @param relations the relations of the first graph layer
     * @param dropout   dropout between the LSTM's layers
     */
    public GraphNetwork(int inputDim, int graphDim, int relations, float dropout) {
        super(VERSION);
        this.inputDim = inputDim;
        this.outputDim = inputDim + graphDim;
        this.rgcn = addChildBlock("rgcn", new RelationalGraphConvolution(inputDim, graphDim, relations));
        this.graphConv = addChildBlock("graphConv", new GraphConvolution(graphDim, graphDim));
        this.lstm = addChildBlock("lstm", StackedBiLstm.builder().setInputDim(outputDim).setHidden(outputDim).optDropout(dropout).build());
        this.linear = addChildBlock("linear", Linear.builder().setUnits(outputDim).build());
    }

    /** The output width {@code F + G}. */
    public int outputDim() {
        return outputDim;
    }

    /**
     * @param h     node features {@code (C, L, F)}
     * @param mask  {@code (C, L)} slots holding a segment, or null for all
     * @param edges the graph
     * @return {@code (C, L, F + G)}
     */
    public NDArray apply(ParameterStore ps, NDArray h, NDArray mask, Edges edges, boolean training) {
        NDArray o = graphConv.apply(ps, rgcn.apply(ps, h, edges.relations(), training), edges.all(), training);
        NDArray u = lstm.run(ps, NDArrays.concat(new NDList(h, o), 2), mask, training);
        return Activation.relu(Layers.apply(ps, linear, u, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("Use GraphNetwork.apply(ps, h, mask, edges, training)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), outputDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        rgcn.initialize(manager, dataType, new Shape(1, 1, inputDim));
        graphConv.initialize(manager, dataType, new Shape(1, 1, outputDim - inputDim));
        lstm.initialize(manager, dataType, new Shape(1, 1, outputDim));
        linear.initialize(manager, dataType, new Shape(1, 1, 2 * outputDim));
    }
}
