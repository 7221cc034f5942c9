package io.github.umdf.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

/**
 * One layer of DJL's {@link LSTM} block (batch-first, zero initial state), computed step by step with
 * matrix products from the block's own parameters ({@code l_0_i2h_WEIGHT (4H, d)},
 * {@code l_0_h2h_WEIGHT (4H, H)} and their biases, gates in PyTorch's order i, f, g, o):
 * <pre>
 *   (i, f, g, o) = W_ih x_t + b_ih + W_hh h_{t-1} + b_hh
 *   c_t = σ(f) c_{t-1} + σ(i) tanh(g);   h_t = σ(o) tanh(c_t)
 * </pre>
 *
 * <p>The tests' reference for libtorch's fused LSTM: libtorch 2.7.1, as DJL 0.36 calls it, computes
 * other outputs with gradients off than with them on this machine (presumably oneDNN's RNN primitive,
 * cf. the convolution in {@code docs/performance.md}); the autograd path agrees with these equations,
 * the other does not, which is why {@link PackedRecurrence} always runs the LSTM with autograd.
 */
final class StepwiseLstm {
    private StepwiseLstm() {
    }

    /**
     * The hidden states of every step.
     *
     * @param lstm   a one-layer, one-direction, batch-first LSTM block
     * @param x      {@code (B, T, d)}
     * @param hidden the state size {@code H}
     * @return {@code (B, T, H)}
     */
    static NDArray run(ParameterStore ps, LSTM lstm, NDArray x, int hidden, boolean training) {
        NDArray wih = null;
        NDArray whh = null;
        NDArray bih = null;
        NDArray bhh = null;
        for (Pair<String, Parameter> p : lstm.getDirectParameters()) {
            NDArray v = ps.getValue(p.getValue(), x.getDevice(), training);
            switch (p.getKey()) {
                case "l_0_i2h_WEIGHT" -> wih = v;
                case "l_0_h2h_WEIGHT" -> whh = v;
                case "l_0_i2h_BIAS" -> bih = v;
                case "l_0_h2h_BIAS" -> bhh = v;
                default -> throw new IllegalArgumentException("StepwiseLstm reads one-layer, one-direction LSTM blocks; found parameter "
                        + p.getKey());
            }
        }
        if (wih == null || whh == null || bih == null || bhh == null) {
            throw new IllegalArgumentException("StepwiseLstm needs an LSTM block with weights and biases, found "
                    + lstm.getDirectParameters().keys());
        }
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        // results of Linear.linear live in its input's manager: nothing is allocated on the parameters'
        NDArray inputGates = Linear.linear(x, wih, bih).head(); // (B, T, 4H), all steps at once
        NDManager m = x.getManager();
        NDArray h = m.zeros(new Shape(b, hidden));
        NDArray c = m.zeros(new Shape(b, hidden));
        NDList states = new NDList((int) t);
        for (int s = 0; s < t; s++) {
            NDList gates = inputGates.get(":, {}, :", s).add(Linear.linear(h, whh, bhh).head()).split(4, 1);
            c = Activation.sigmoid(gates.get(1)).mul(c).add(Activation.sigmoid(gates.get(0)).mul(gates.get(2).tanh()));
            h = Activation.sigmoid(gates.get(3)).mul(c.tanh());
            states.add(h);
        }
        return NDArrays.stack(states, 1);
    }
}
