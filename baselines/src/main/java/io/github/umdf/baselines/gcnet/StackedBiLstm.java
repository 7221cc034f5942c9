package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.baselines.PackedRecurrence;
import io.github.umdf.nn.block.BuilderChecks;
import io.github.umdf.nn.ops.Layers;

import java.util.ArrayList;
import java.util.List;

/**
 * PyTorch's {@code nn.LSTM(input, hidden, num_layers=k, bidirectional=True, dropout=p)}, as GCNet uses
 * it over conversations: {@code k} bidirectional layers, directions concatenated ({@code 2·hidden}
 * features), dropout {@code p} on the outputs of every layer but the last while training. Each layer is a
 * {@link PackedRecurrence}, so only the segments that exist are read.
 *
 * <p>Built as DJL's blocks are: {@code StackedBiLstm.builder().setInputDim(409).setHidden(100).optLayers(2)
 * .optDropout(0.5f).build()}. Child blocks {@code layer0}, {@code layer1}, ...
 */
public final class StackedBiLstm extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputDim;
    private final int hidden;
    private final float dropout;
    private final List<PackedRecurrence> layers = new ArrayList<>();

    private StackedBiLstm(Builder builder) {
        super(VERSION);
        this.inputDim = builder.inputDim;
        this.hidden = builder.hidden;
        this.dropout = builder.dropout;
        for (int k = 0; k < builder.layers; k++) {
            layers.add(addChildBlock("layer" + k, PackedRecurrence.builder().setCell(PackedRecurrence.Cell.LSTM)
                    .setInputDim(k == 0 ? inputDim : 2 * hidden).setHidden(hidden).optBidirectional(true).build()));
        }
    }

    /** A builder: {@link Builder#setInputDim} and {@link Builder#setHidden} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The output width {@code 2·hidden}. */
    public int outputDim() {
        return 2 * hidden;
    }

    /**
     * The last layer's states.
     *
     * @param x    {@code (C, L, inputDim)}
     * @param mask {@code (C, L)} the steps that exist, or null for all
     * @return {@code (C, L, 2·hidden)}, zero at steps that do not exist
     */
    public NDArray run(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
        NDArray h = x;
        for (int k = 0; k < layers.size(); k++) {
            if (k > 0) {
                h = Layers.dropout(h, dropout, training);
            }
            h = layers.get(k).run(ps, h, mask, training).sequence;
        }
        return h;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(run(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), inputShapes[0].get(1), outputDim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int k = 0; k < layers.size(); k++) {
            layers.get(k).initialize(manager, dataType, new Shape(1, 1, k == 0 ? inputDim : 2 * hidden));
        }
    }

    /** The settings of a {@link StackedBiLstm}. */
    public static final class Builder {
        private Integer inputDim;
        private Integer hidden;
        private int layers = 2;
        private float dropout;

        private Builder() {
        }

        /** The input features; required. */
        public Builder setInputDim(int inputDim) {
            this.inputDim = inputDim;
            return this;
        }

        /** The hidden size per direction; required. */
        public Builder setHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** The number of layers; default 2 (GCNet's {@code num_layers=2}). */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /** Dropout between layers while training; default 0. */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /** The block; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public StackedBiLstm build() {
            String block = "StackedBiLstm";
            BuilderChecks.positive(block, "setInputDim", inputDim);
            BuilderChecks.positive(block, "setHidden", hidden);
            BuilderChecks.positive(block, "optLayers", layers);
            BuilderChecks.rate(block, "optDropout", dropout);
            return new StackedBiLstm(this);
        }
    }
}
