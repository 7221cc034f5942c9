package io.github.umdf.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.ops.Engines;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The step-by-step LSTM against libtorch's fused LSTM under autograd (the path training takes) and
 * against the equations worked out by hand for one step; and it gives the same numbers without autograd
 * (the path prediction takes).
 */
class StepwiseLstmTest {
    @Test
    void oneStepByHand() {
        try (NDManager m = NDManager.newBaseManager()) {
            LSTM lstm = LSTM.builder().setStateSize(1).setNumLayers(1).optBatchFirst(true).build();
            lstm.initialize(m, DataType.FLOAT32, new Shape(1, 1, 1));
            // gates i, f, g, o: W_ih = (1, 0, 2, -1), W_hh unused at t = 0, b_ih = (0, 0, 0, 1), b_hh = (0.5, 0, 0, 0)
            for (var p : lstm.getDirectParameters()) {
                NDArray a = p.getValue().getArray();
                switch (p.getKey()) {
                    case "l_0_i2h_WEIGHT" -> a.set(new float[] {1, 0, 2, -1});
                    case "l_0_h2h_WEIGHT" -> a.set(new float[] {9, 9, 9, 9});
                    case "l_0_i2h_BIAS" -> a.set(new float[] {0, 0, 0, 1});
                    default -> a.set(new float[] {0.5f, 0, 0, 0});
                }
            }
            NDArray x = m.create(new float[] {1}, new Shape(1, 1, 1));
            Engines.noGrad();
            float h = StepwiseLstm.run(new ParameterStore(m, false), lstm, x, 1, false).getFloat();
            // i = σ(1·1 + 0.5) = σ(1.5), g = tanh(2), o = σ(-1 + 1) = 0.5; c = σ(1.5)·tanh(2); h = 0.5·tanh(c)
            double c = 1 / (1 + Math.exp(-1.5)) * Math.tanh(2);
            assertArrayEquals(new float[] {(float) (0.5 * Math.tanh(c))}, new float[] {h}, 1e-6f);
        }
    }

    @Test
    void equalsTheFusedLstmUnderAutogradAndStaysTheSameWithout() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engines.seed(4);
            LSTM lstm = LSTM.builder().setStateSize(5).setNumLayers(1).optBatchFirst(true).build();
            lstm.initialize(m, DataType.FLOAT32, new Shape(1, 1, 7));
            for (var p : lstm.getDirectParameters()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(3, 6, 7));
            float[] fused;
            float[] stepwiseTraining;
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                fused = lstm.forward(ps, new NDList(x), true).head().toFloatArray();
                NDArray s = StepwiseLstm.run(ps, lstm, x, 5, true);
                stepwiseTraining = s.toFloatArray();
                gc.backward(s.sum());
            }
            assertArrayEquals(fused, stepwiseTraining, 1e-5f);
            for (var p : lstm.getDirectParameters()) {
                Parameter parameter = p.getValue();
                assertTrue(parameter.getArray().getGradient().abs().sum().getFloat() > 0, p.getKey() + " receives a gradient");
            }
            Engines.noGrad();
            assertArrayEquals(stepwiseTraining, StepwiseLstm.run(ps, lstm, x, 5, false).toFloatArray(), 1e-6f);
        }
    }
}
