package io.github.umdf.baselines.mctn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.baselines.PackedRecurrence;
import io.github.umdf.baselines.Readout;
import io.github.umdf.nn.ops.Masks;

/**
 * MCTN's prediction head on the last encoder's states (hainow/MCTN {@code models/regression_model.py}):
 * <pre>
 *   A = LSTM_{H_r}(H)                        (B, T, H_r), return sequences
 *   s_t = tanh(w ᵀ A_t + b)                  per-step score
 *   a = softmax_t(s)                         over the source steps that exist
 *   z = Σ_t a_t A_t                          (B, H_r): the utterance representation
 *   ŷ = W z + c                              (B, out): regression values or logits
 * </pre>
 * The original adds {@code 0.01 ‖W‖²} (Keras {@code l2(0.01)} on the output kernel) to its loss; the
 * penalty is {@link #outputKernelPenalty}.
 */
public final class AttentiveRegressionHead extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int inputDim;
    private final int hidden;
    private final PackedRecurrence lstm;
    private final Linear score;
    private final Linear output;

    /**
     * @param inputDim width of the encoder states
     * @param hidden   LSTM size {@code H_r} (original: 32)
     * @param outputs  number of outputs
     */
    public AttentiveRegressionHead(int inputDim, int hidden, int outputs) {
        super(VERSION);
        this.inputDim = inputDim;
        this.hidden = hidden;
        this.lstm = addChildBlock("lstm", PackedRecurrence.builder().setCell(PackedRecurrence.Cell.LSTM).setInputDim(inputDim)
                .setHidden(hidden).build());
        this.score = addChildBlock("score", Linear.builder().setUnits(1).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(outputs).build());
    }

    /**
     * The summary {@code z} (the readout's representation) and the predictions.
     *
     * @param states {@code (B, T, inputDim)}
     * @param mask   {@code (B, T)} steps that exist, or null
     */
    public Readout apply(ParameterStore ps, NDArray states, NDArray mask, boolean training) {
        NDArray a = lstm.run(ps, states, mask, training).sequence; // (B, T, H_r)
        NDArray s = score.forward(ps, new NDList(a), training).head().tanh().squeeze(2); // (B, T)
        NDArray weights = Masks.maskedSoftmax(s, mask);
        NDArray z = weights.expandDims(1).matMul(a).squeeze(1); // (B, H_r)
        return new Readout(z, output.forward(ps, new NDList(z), training).head());
    }

    /**
     * {@code Σ W²} over the output kernel (not its bias), as a scalar in the manager of {@code like}
     * (Keras' {@code l2} regulariser without its factor).
     */
    public NDArray outputKernelPenalty(ParameterStore ps, NDArray like, boolean training) {
        Parameter w = output.getParameters().get("weight");
        NDArray kernel = ps.getValue(w, like.getDevice(), training);
        // start from an array of the step so that nothing is allocated on the parameter's manager
        return like.getManager().ones(new Shape()).mul(kernel).square().sum();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        Readout r = apply(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training);
        return new NDList(r.prediction, r.representation);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        return new Shape[] {output.getOutputShapes(new Shape[] {new Shape(b, hidden)})[0], new Shape(b, hidden)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        lstm.initialize(manager, dataType, new Shape(1, 1, inputDim));
        score.initialize(manager, dataType, new Shape(1, 1, hidden));
        output.initialize(manager, dataType, new Shape(1, hidden));
    }
}
