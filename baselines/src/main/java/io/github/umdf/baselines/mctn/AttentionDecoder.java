package io.github.umdf.baselines.mctn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
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
import io.github.umdf.nn.block.BuilderChecks;
import io.github.umdf.nn.ops.Masks;

/**
 * MCTN's recurrent attention decoder (hainow/MCTN {@code seq2seq/cells.py}, {@code AttentionDecoderCell}):
 * an LSTM cell, batch-first, with state {@code (h, c)} starting at zero, that at each output step
 * attends over the encoder states {@code M (B, T_m, H_m)} and emits one frame:
 * <pre>
 *   α_t = softmax_j(vᵀ tanh(W_m M_j + W_s h_{t-1}))          over the encoder steps j that exist
 *   x_t = [Σ_j α_tj M_j ; y_{t-1}]                               (y_{t-1} only with input feeding)
 *   (i, f, g, o) = W_x x_t + U h_{t-1};  c_t = σ(f) c_{t-1} + σ(i) tanh(g);  h_t = σ(o) tanh(c_t)
 *   ŷ_t = W_y h_t                                                linear output [adapt]
 * </pre>
 * With input feeding, {@code y_{t-1}} is the ground-truth previous frame while training (teacher
 * forcing) and the decoder's own previous output otherwise; {@code y_{-1} = 0}.
 *
 * <p>Departures from the Keras cell: (1) its attention score is linear,
 * {@code W_3 [M_j ; c_{t-1}]}, so the state term is the same for every {@code j} and cancels in the
 * softmax — the "attention" is a fixed pooling; here it is Bahdanau's additive attention, which does
 * depend on the decoder state; (2) its forget gate reuses the input gate's slice ({@code f = σ(z0)}),
 * a typo not copied; (3) its output is {@code tanh(W h)}, which cannot reach raw COVAREP/Facet values
 * outside [-1, 1], so the output layer is linear ([adapt]); (4) the Keras cell is fed only the
 * attention context; feeding the previous frame (with teacher forcing in training) is switchable.
 *
 * <p>Built as DJL's blocks are: {@code AttentionDecoder.builder().setMemoryDim(64).setHidden(64).setOutputDim(300)
 * .optInputFeeding(true).build()}.
 */
public final class AttentionDecoder extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int memoryDim;
    private final int hidden;
    private final int outputDim;
    private final boolean inputFeeding;
    private final float dropout;
    private final Linear memoryKey;
    private final Linear stateQuery;
    private final Linear score;
    private final Linear inputGates;
    private final Linear recurrentGates;
    private final Linear output;

    private AttentionDecoder(Builder builder) {
        super(VERSION);
        this.memoryDim = builder.memoryDim;
        this.hidden = builder.hidden;
        this.outputDim = builder.outputDim;
        this.inputFeeding = builder.inputFeeding;
        this.dropout = builder.dropout;
        this.memoryKey = addChildBlock("memoryKey", Linear.builder().setUnits(hidden).optBias(false).build());
        this.stateQuery = addChildBlock("stateQuery", Linear.builder().setUnits(hidden).build());
        this.score = addChildBlock("score", Linear.builder().setUnits(1).optBias(false).build());
        this.inputGates = addChildBlock("inputGates", Linear.builder().setUnits(4L * hidden).build());
        this.recurrentGates = addChildBlock("recurrentGates", Linear.builder().setUnits(4L * hidden).optBias(false).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(outputDim).build());
    }

    /** A builder: {@link Builder#setMemoryDim}, {@link Builder#setHidden} and {@link Builder#setOutputDim} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Decodes {@code steps} frames.
     *
     * @param memory     encoder states {@code (B, T_m, H_m)}
     * @param memoryMask {@code (B, T_m)} encoder steps that exist, or null
     * @param steps      number of frames to emit
     * @param teacher    ground-truth frames {@code (B, steps, outputDim)} fed back while training, or
     *                   null to feed the decoder's own outputs (ignored without input feeding)
     * @return {@code (B, steps, outputDim)}
     */
    public NDArray decode(ParameterStore ps, NDArray memory, NDArray memoryMask, int steps, NDArray teacher, boolean training) {
        long b = memory.getShape().get(0);
        NDArray mem = training && dropout > 0f ? Dropout.dropout(memory, dropout, true).head() : memory;
        NDArray keys = forward(ps, memoryKey, mem, training); // (B, T_m, H), once per sequence
        NDManager m = memory.getManager();
        NDArray h = m.zeros(new Shape(b, hidden));
        NDArray c = m.zeros(new Shape(b, hidden));
        NDArray previous = inputFeeding ? m.zeros(new Shape(b, outputDim)) : null;
        NDList frames = new NDList(steps);
        for (int t = 0; t < steps; t++) {
            NDArray energy = forward(ps, score, keys.add(forward(ps, stateQuery, h, training).expandDims(1)).tanh(), training)
                    .squeeze(2); // (B, T_m)
            NDArray alpha = Masks.maskedSoftmax(energy, memoryMask);
            NDArray context = alpha.expandDims(1).matMul(mem).squeeze(1); // (B, H_m)
            NDArray x = inputFeeding ? NDArrays.concat(new NDList(context, previous), 1) : context;
            NDArray z = forward(ps, inputGates, x, training).add(forward(ps, recurrentGates, h, training)); // (B, 4H)
            NDList gates = z.split(4, 1);
            c = Activation.sigmoid(gates.get(1)).mul(c).add(Activation.sigmoid(gates.get(0)).mul(gates.get(2).tanh()));
            h = Activation.sigmoid(gates.get(3)).mul(c.tanh());
            NDArray y = forward(ps, output, h, training); // (B, out)
            frames.add(y);
            if (inputFeeding) {
                previous = training && teacher != null ? teacher.get(":, {}, :", t) : y;
            }
        }
        return NDArrays.stack(frames, 1);
    }

    private static NDArray forward(ParameterStore ps, Linear layer, NDArray x, boolean training) {
        return layer.forward(ps, new NDList(x), training).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("Use AttentionDecoder.decode(ps, memory, memoryMask, steps, teacher, training)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), -1, outputDim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        memoryKey.initialize(manager, dataType, new Shape(1, 1, memoryDim));
        stateQuery.initialize(manager, dataType, new Shape(1, hidden));
        score.initialize(manager, dataType, new Shape(1, 1, hidden));
        inputGates.initialize(manager, dataType, new Shape(1, memoryDim + (inputFeeding ? outputDim : 0)));
        recurrentGates.initialize(manager, dataType, new Shape(1, hidden));
        output.initialize(manager, dataType, new Shape(1, hidden));
    }

    /** The settings of an {@link AttentionDecoder}. */
    public static final class Builder {
        private Integer memoryDim;
        private Integer hidden;
        private Integer outputDim;
        private boolean inputFeeding;
        private float dropout;

        private Builder() {
        }

        /** The width {@code H_m} of the encoder states; required. */
        public Builder setMemoryDim(int memoryDim) {
            this.memoryDim = memoryDim;
            return this;
        }

        /** The LSTM state size {@code H}; required. */
        public Builder setHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** The features per emitted frame; required. */
        public Builder setOutputDim(int outputDim) {
            this.outputDim = outputDim;
            return this;
        }

        /** Whether the previous frame is part of the cell input; default false (the Keras cell). */
        public Builder optInputFeeding(boolean inputFeeding) {
            this.inputFeeding = inputFeeding;
            return this;
        }

        /** Dropout on the encoder states (the Keras decoder's {@code Dropout} layer); default 0. */
        public Builder optDropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /** The decoder; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public AttentionDecoder build() {
            String block = "AttentionDecoder";
            BuilderChecks.positive(block, "setMemoryDim", memoryDim);
            BuilderChecks.positive(block, "setHidden", hidden);
            BuilderChecks.positive(block, "setOutputDim", outputDim);
            BuilderChecks.rate(block, "optDropout", dropout);
            return new AttentionDecoder(this);
        }
    }
}
