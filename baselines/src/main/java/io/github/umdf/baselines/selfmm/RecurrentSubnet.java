package io.github.umdf.baselines.selfmm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.baselines.PackedRecurrence;

/**
 * MMSA's {@code AuViSubNet} (and {@code TextSubNet}): a one-layer LSTM over the frames that exist,
 * its final hidden state, dropout, a linear layer: {@code (B, T, d) -> (B, out)}. The recurrence skips
 * padding as {@code pack_padded_sequence} does (for the text too, where MMSA's {@code TextSubNet}
 * runs over padding).
 */
public final class RecurrentSubnet extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputDim;
    private final int hidden;
    private final float dropout;
    private final PackedRecurrence lstm;
    private final Linear linear;

    /**
     * @param inputDim features per frame
     * @param hidden   LSTM hidden size
     * @param out      output width
     * @param dropout  dropout on the final state
     */
    public RecurrentSubnet(int inputDim, int hidden, int out, float dropout) {
        super(VERSION);
        this.inputDim = inputDim;
        this.hidden = hidden;
        this.dropout = dropout;
        this.lstm = addChildBlock("lstm", PackedRecurrence.builder().setCell(PackedRecurrence.Cell.LSTM).setInputDim(inputDim)
                .setHidden(hidden).build());
        this.linear = addChildBlock("linear", Linear.builder().setUnits(out).build());
    }

    /**
     * @param x     {@code (B, T, d)}
     * @param valid {@code (B, T)} frames that exist, or null
     * @return {@code (B, out)}
     */
    public NDArray encode(ParameterStore ps, NDArray x, NDArray valid, boolean training) {
        NDArray h = lstm.run(ps, x, valid, training).last;
        if (training && dropout > 0f) {
            h = Dropout.dropout(h, dropout, true).head();
        }
        return linear.forward(ps, new NDList(h), training).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(encode(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return linear.getOutputShapes(new Shape[] {new Shape(inputShapes[0].get(0), hidden)});
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        lstm.initialize(manager, dataType, new Shape(1, 1, inputDim));
        linear.initialize(manager, dataType, new Shape(1, hidden));
    }
}
