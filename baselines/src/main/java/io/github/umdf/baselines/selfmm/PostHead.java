package io.github.umdf.baselines.selfmm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.baselines.Readout;

/**
 * Self-MM's post layers, for the fusion and for each modality (MMSA {@code models/multiTask/SELF_MM.py}):
 * <pre>
 *   F = ReLU(Linear_{in -> w}(dropout(x)))       the feature the label generation uses
 *   ŷ = Linear_{w -> out}(ReLU(Linear_{w -> w}(F)))
 * </pre>
 * Input {@code (B, in)}; outputs {@code F (B, w)} and {@code ŷ (B, out)}.
 */
public final class PostHead extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputDim;
    private final int dim;
    private final float dropout;
    private final Linear layer1;
    private final Linear layer2;
    private final Linear layer3;

    /**
     * @param inputDim input width
     * @param dim      width {@code w}
     * @param outputs  number of outputs
     * @param dropout  dropout on the input
     */
    public PostHead(int inputDim, int dim, int outputs, float dropout) {
        super(VERSION);
        this.inputDim = inputDim;
        this.dim = dim;
        this.dropout = dropout;
        this.layer1 = addChildBlock("layer1", Linear.builder().setUnits(dim).build());
        this.layer2 = addChildBlock("layer2", Linear.builder().setUnits(dim).build());
        this.layer3 = addChildBlock("layer3", Linear.builder().setUnits(outputs).build());
    }

    /** The feature {@code F} (the readout's representation) and the prediction of {@code x (B, in)}. */
    public Readout apply(ParameterStore ps, NDArray x, boolean training) {
        NDArray in = training && dropout > 0f ? Dropout.dropout(x, dropout, true).head() : x;
        NDArray f = Activation.relu(layer1.forward(ps, new NDList(in), training).head());
        NDArray h = Activation.relu(layer2.forward(ps, new NDList(f), training).head());
        return new Readout(f, layer3.forward(ps, new NDList(h), training).head());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Readout r = apply(ps, inputs.head(), training);
        return new NDList(r.prediction, r.representation);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        return new Shape[] {layer3.getOutputShapes(new Shape[] {new Shape(b, dim)})[0], new Shape(b, dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        layer1.initialize(manager, dataType, new Shape(1, inputDim));
        layer2.initialize(manager, dataType, new Shape(1, dim));
        layer3.initialize(manager, dataType, new Shape(1, dim));
    }
}
