package io.github.umdf.baselines.cubemlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.baselines.PackedRecurrence;
import io.github.umdf.nn.block.BuilderChecks;
import io.github.umdf.nn.block.Resampling;
import io.github.umdf.nn.block.TemporalResampler;
import io.github.umdf.nn.ops.Layers;

import java.util.ArrayList;
import java.util.List;

/**
 * CubeMLP's audio and vision extractor (kiva12138/CubeMLP {@code Model.py}, {@code encoders='gru'}):
 * a stacked bidirectional GRU over the frames that exist ({@code pack_padded_sequence}), each layer
 * reading both directions of the one below, the two directions of the last layer summed, then a
 * layer norm (epsilon 1e-6) and a ReLU:
 * <pre>
 *   h = ReLU(LN(→GRU(x) + ←GRU(x)))         (B, T, H)
 * </pre>
 * Frames outside the mask give zeros before the norm, as {@code pad_packed_sequence} does. A sequence
 * of another length than the cube's time axis (unaligned data) is resampled to it between the
 * recurrence and the norm by masked adaptive average pooling ({@link TemporalResampler}, SPEC D3).
 *
 * <p>Child blocks: {@code gru0}, {@code gru1}, ..., {@code norm}. Built as DJL's blocks are:
 * {@code RecurrentEncoder.builder().setInputDim(5).setHidden(128).optLayers(2).build()}.
 */
public final class RecurrentEncoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputDim;
    private final int hidden;
    private final List<PackedRecurrence> layers = new ArrayList<>();
    private final LayerNorm norm;

    private RecurrentEncoder(Builder builder) {
        super(VERSION);
        this.inputDim = builder.inputDim;
        this.hidden = builder.hidden;
        for (int i = 0; i < builder.layers; i++) {
            boolean last = i == builder.layers - 1;
            layers.add(addChildBlock("gru" + i, PackedRecurrence.builder().setCell(PackedRecurrence.Cell.GRU)
                    .setInputDim(i == 0 ? inputDim : 2 * hidden).setHidden(hidden).optBidirectional(true)
                    .optMerge(last ? PackedRecurrence.Merge.SUM : PackedRecurrence.Merge.CONCAT).build()));
        }
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(2).optEpsilon(1e-6f).build());
    }

    /** A builder: {@link Builder#setInputDim} and {@link Builder#setHidden} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param x     {@code (B, T_m, d)}
     * @param valid {@code (B, T_m)} frames that exist, or null for all
     * @param steps the cube's time axis {@code T}
     * @return {@code (B, T, H)}
     */
    public NDArray encode(ParameterStore ps, NDArray x, NDArray valid, int steps, boolean training) {
        NDArray h = x;
        for (PackedRecurrence layer : layers) {
            h = layer.run(ps, h, valid, training).sequence; // (B, T_m, 2H), the last layer (B, T_m, H)
        }
        h = TemporalResampler.resample(Resampling.ADAPTIVE_AVG_POOL, h, valid, steps).sequence();
        return Activation.relu(Layers.apply(ps, norm, h, training));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        return new NDList(encode(ps, x, inputs.size() > 1 ? inputs.get(1) : null, (int) x.getShape().get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), hidden)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).initialize(manager, dataType, new Shape(1, 1, i == 0 ? inputDim : 2 * hidden));
        }
        norm.initialize(manager, dataType, new Shape(1, 1, hidden));
    }

    /** The settings of a {@link RecurrentEncoder}. */
    public static final class Builder {
        private Integer inputDim;
        private Integer hidden;
        private Integer layers = 1;

        private Builder() {
        }

        /** The modality's features {@code d}; required. */
        public Builder setInputDim(int inputDim) {
            this.inputDim = inputDim;
            return this;
        }

        /** GRU units per direction, the output width {@code H}; required. */
        public Builder setHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Stacked bidirectional layers; default 1. */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /** The encoder; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public RecurrentEncoder build() {
            String block = "RecurrentEncoder";
            BuilderChecks.positive(block, "setInputDim", inputDim);
            BuilderChecks.positive(block, "setHidden", hidden);
            BuilderChecks.positive(block, "optLayers", layers);
            return new RecurrentEncoder(this);
        }
    }
}
