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
 * The step-by-step LSTM (the tests' reference) against the equations worked out by hand for one step and
 * against libtorch's fused LSTM under autograd (the path training takes); and {@link PackedRecurrence}'s
 * LSTM gives those same numbers without autograd (the path prediction takes), which libtorch's fused
 * kernel alone does not.
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

    @Test
    void packedRecurrencePredictsWhatItTrains() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engines.seed(5);
            PackedRecurrence lstm = PackedRecurrence.builder().setCell(PackedRecurrence.Cell.LSTM).setInputDim(7).setHidden(5)
                    .optBidirectional(true).build();
            lstm.initialize(m, DataType.FLOAT32, new Shape(3, 6, 7));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.randomNormal(new Shape(3, 6, 7));
            NDArray mask = m.create(new boolean[] {true, true, true, true, true, true, true, false, true, true, false, false,
                true, true, true, false, false, false}, new Shape(3, 6));
            float[] training;
            float[] reference;
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                training = lstm.run(ps, x, null, true).sequence.toFloatArray();
                LSTM forward = (LSTM) lstm.getChildren().get("01forward");
                reference = StepwiseLstm.run(ps, forward, x, 5, true).toFloatArray();
            }
            float[] trainingMasked;
            try (GradientCollector gc = Engines.engine().newGradientCollector()) {
                trainingMasked = lstm.run(ps, x, mask, true).sequence.toFloatArray();
            }
            Engines.noGrad();
            float[] predicted = lstm.run(ps, x, null, false).sequence.toFloatArray();
            assertArrayEquals(training, predicted, 1e-6f, "prediction computes what training computed");
            assertArrayEquals(trainingMasked, lstm.run(ps, x, mask, false).sequence.toFloatArray(), 1e-6f, "also for masked rows");
            float[] forwardHalf = new float[reference.length];
            for (int i = 0; i < forwardHalf.length; i++) { // (B, T, 2H): the forward direction is the first H of each frame
                forwardHalf[i] = predicted[(i / 5) * 10 + i % 5];
            }
            assertArrayEquals(reference, forwardHalf, 1e-5f, "the LSTM's equations");
        }
    }
}
