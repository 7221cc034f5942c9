package io.github.umdf.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.block.BuilderChecks;
import io.github.umdf.nn.ops.Engines;
import io.github.umdf.nn.ops.Masks;

/**
 * A one-layer, batch-first LSTM or GRU, uni- or bidirectional, that reads only the frames a mask
 * keeps, in order: what PyTorch's {@code pack_padded_sequence} does for padding (Self-MM's
 * {@code AuViSubNet}) and what Keras' {@code Masking} layer does for all-zero frames (TransM).
 * DJL's fused recurrent blocks have no packed input, so the kept frames are first moved to the front
 * of the sequence by a compaction matrix ({@link Sequences#compaction}), the recurrence runs over the
 * compacted sequence, and its outputs are moved back to their frames; the backward direction is a
 * second recurrence over the kept frames in reverse order. Frames not kept get a zero output.
 *
 * <p>Input {@code x (B, T, d)} and a mask {@code (B, T)} (or null: every frame). Output: the
 * per-frame states {@code (B, T, H')} and the final state {@code (B, H')} (the forward state after
 * the last kept frame, with the backward state after the first kept frame), where {@code H'} is the
 * hidden size, or twice it for a bidirectional recurrence whose directions are concatenated.
 * Parameters: DJL's {@code l_0_i2h_WEIGHT, l_0_h2h_WEIGHT, l_0_i2h_BIAS, l_0_h2h_BIAS} for each
 * direction's child block ({@code forward}, {@code backward}).
 *
 * <p>An LSTM always runs through libtorch's fused kernel with autograd recording, also in prediction:
 * without it libtorch 2.7.1 takes another kernel (oneDNN's RNN primitive) whose outputs differ here
 * from the LSTM's equations by up to 0.4 on unit-scale inputs, so a network would be evaluated as
 * another network than the one it trained. Prediction switches recording on for the call and returns
 * the outputs detached (tested in {@code PackedRecurrenceTest} against the equations written out).
 * The GRU has no such second kernel.
 *
 * <p>Built as DJL's blocks are: {@code PackedRecurrence.builder().setCell(Cell.GRU).setInputDim(300).setHidden(300)
 * .optBidirectional(true).build()}.
 */
public final class PackedRecurrence extends AbstractBlock {
    private static final byte VERSION = 1;

    /** The recurrent cell. */
    public enum Cell {
        /** Long short-term memory (Hochreiter and Schmidhuber 1997). */
        LSTM,
        /** Gated recurrent unit (Cho et al. 2014). */
        GRU
    }

    /** How the two directions of a bidirectional recurrence are merged. */
    public enum Merge {
        /** Summed (Keras {@code merge_mode='sum'}, MCTN): width {@code H}. */
        SUM,
        /** Concatenated (Keras {@code merge_mode='concat'}, PyTorch): width {@code 2H}. */
        CONCAT
    }

    /** The result of a recurrence over a batch. */
    public static final class Output {
        /** Per-frame states {@code (B, T, H')}, zero at frames not kept. */
        public final NDArray sequence;
        /** Final states {@code (B, H')}. */
        public final NDArray last;

        Output(NDArray sequence, NDArray last) {
            this.sequence = sequence;
            this.last = last;
        }
    }

    private final int inputDim;
    private final int hidden;
    private final Merge merge;
    private final RecurrentBlock forward;
    private final RecurrentBlock backward;

    private PackedRecurrence(Builder builder) {
        super(VERSION);
        this.inputDim = builder.inputDim;
        this.hidden = builder.hidden;
        this.merge = builder.merge;
        this.forward = addChildBlock("forward", recurrent(builder.cell, hidden));
        this.backward = builder.bidirectional ? addChildBlock("backward", recurrent(builder.cell, hidden)) : null;
    }

    /** A builder: {@link Builder#setCell}, {@link Builder#setInputDim} and {@link Builder#setHidden} are required. */
    public static Builder builder() {
        return new Builder();
    }

    private static RecurrentBlock recurrent(Cell cell, int hidden) {
        return cell == Cell.LSTM
                ? LSTM.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).build()
                : GRU.builder().setStateSize(hidden).setNumLayers(1).optBatchFirst(true).build();
    }

    /** The width {@code H'} of the outputs. */
    public int outputDim() {
        return backward != null && merge == Merge.CONCAT ? 2 * hidden : hidden;
    }

    /**
     * Runs the recurrence.
     *
     * @param x    {@code (B, T, d)}
     * @param mask {@code (B, T)} frames to read, or null for all
     */
    public Output run(ParameterStore ps, NDArray x, NDArray mask, boolean training) {
        NDArray forwardStates;
        NDArray forwardLast;
        NDArray backwardStates = null;
        NDArray backwardLast = null;
        if (mask == null) {
            long t = x.getShape().get(1);
            forwardStates = recur(ps, forward, x, training);
            forwardLast = forwardStates.get(":, {}, :", t - 1);
            if (backward != null) {
                backwardStates = recur(ps, backward, x.flip(1), training).flip(1);
                backwardLast = backwardStates.get(":, 0, :");
            }
        } else {
            Sequences.Compaction c = Sequences.compaction(mask); // (B, T, T) each
            forwardStates = c.forward().transpose(0, 2, 1).matMul(recur(ps, forward, c.forward().matMul(x), training));
            forwardLast = Masks.selectStep(forwardStates, Masks.lastValidOneHot(mask));
            if (backward != null) {
                backwardStates = c.backward().transpose(0, 2, 1).matMul(recur(ps, backward, c.backward().matMul(x), training));
                backwardLast = Masks.selectStep(backwardStates, Sequences.firstValidOneHot(mask));
            }
        }
        if (backward == null) {
            return new Output(forwardStates, forwardLast);
        }
        return merge == Merge.SUM
                ? new Output(forwardStates.add(backwardStates), forwardLast.add(backwardLast))
                : new Output(NDArrays.concat(new NDList(forwardStates, backwardStates), 2),
                NDArrays.concat(new NDList(forwardLast, backwardLast), 1));
    }

    private NDArray recur(ParameterStore ps, RecurrentBlock block, NDArray x, boolean training) {
        if (block instanceof LSTM && !Engines.recordsGradients()) { // prediction: the kernel training ran (class comment)
            return Engines.recordingGradients(() -> block.forward(ps, new NDList(x), training).head()).stopGradient();
        }
        return block.forward(ps, new NDList(x), training).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Output out = run(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training);
        return new NDList(out.sequence, out.last);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), outputDim()), new Shape(in.get(0), outputDim())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = new Shape(1, 1, inputDim);
        forward.initialize(manager, dataType, s);
        if (backward != null) {
            backward.initialize(manager, dataType, s);
        }
    }

    /** The settings of a {@link PackedRecurrence}. */
    public static final class Builder {
        private Cell cell;
        private Integer inputDim;
        private Integer hidden;
        private boolean bidirectional;
        private Merge merge = Merge.CONCAT;

        private Builder() {
        }

        /** LSTM or GRU; required. */
        public Builder setCell(Cell cell) {
            this.cell = cell;
            return this;
        }

        /** The input features {@code d}; required. */
        public Builder setInputDim(int inputDim) {
            this.inputDim = inputDim;
            return this;
        }

        /** The hidden size {@code H} per direction; required. */
        public Builder setHidden(int hidden) {
            this.hidden = hidden;
            return this;
        }

        /** Whether a backward direction runs too; default false. */
        public Builder optBidirectional(boolean bidirectional) {
            this.bidirectional = bidirectional;
            return this;
        }

        /** How the directions are merged (ignored when unidirectional); default {@link Merge#CONCAT}. */
        public Builder optMerge(Merge merge) {
            this.merge = merge;
            return this;
        }

        /** The recurrence; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public PackedRecurrence build() {
            String block = "PackedRecurrence";
            BuilderChecks.required(block, "setCell", "LSTM or GRU", cell);
            BuilderChecks.positive(block, "setInputDim", inputDim);
            BuilderChecks.positive(block, "setHidden", hidden);
            BuilderChecks.required(block, "optMerge", "SUM or CONCAT", merge);
            return new PackedRecurrence(this);
        }
    }
}
