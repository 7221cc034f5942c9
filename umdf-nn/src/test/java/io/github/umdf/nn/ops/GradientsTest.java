package io.github.umdf.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.pytorch.jni.JniUtils;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A gradient step inside a training step, by hand. One weight {@code w = 2} of a linear layer without
 * bias, the input 1, so the layer computes {@code w}:
 * <pre>
 *   inner  L_in  = w³                 g = 3w² = 12
 *   step   w'    = w − α g, α = 0.1   w' = 2 − 1.2 = 0.8
 *   outer  L_out = w'²                dL_out/dw = 2w' (1 − α · 6w) = 1.6 · (1 − 1.2) = −0.32
 * </pre>
 * (first order, with {@code g} taken as a constant, {@code 2w' = 1.6}), and
 * {@code d(L_in + L_out)/dw = 12 − 0.32 = 11.68}.
 */
class GradientsTest {
    private static final float ALPHA = 0.1f;

    /** {@code [dL_out/dw]} or {@code [d(L_in + L_out)/dw]}, with the inner gradient it used. */
    private static float[] run(boolean withInner, boolean secondOrder) {
        Engines.ensureOffline();
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear layer = Linear.builder().setUnits(1).optBias(false).build();
            layer.setInitializer(new ConstantInitializer(2f), Parameter.Type.WEIGHT);
            layer.initialize(manager, DataType.FLOAT32, new Shape(1, 1));
            Parameter w = layer.getParameters().get("weight");
            ParameterStore ps = new ParameterStore(manager, false);
            float inner;
            float reset;
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.ones(new Shape(1, 1));
                try (GradientCollector collector = Engines.engine().newGradientCollector()) {
                    NDArray y = layer.forward(ps, new NDList(x), true).head(); // w
                    NDArray lossIn = y.pow(Scalars.of(y, 3f)).sum();
                    NDArray g = Gradients.differentiable(lossIn, List.of(w), secondOrder).get(0);
                    inner = g.getFloat(0, 0);
                    reset = accumulatedOrZero(w, step);
                    NDArray updated = w.getArray().sub(Scalars.mul(g, ALPHA));
                    ParameterStore substituted = new SubstitutedParameters(ps, Map.of(w, updated));
                    NDArray yOut = layer.forward(substituted, new NDList(x), true).head(); // w'
                    NDArray lossOut = yOut.square().sum();
                    collector.backward(withInner ? lossIn.add(lossOut) : lossOut);
                }
                NDArray grad = w.getArray().getGradient();
                grad.attach(step);
                return new float[] {grad.getFloat(0, 0), inner, reset};
            }
        }
    }

    /** The parameter's accumulated gradient, 0 when it has none yet. */
    private static float accumulatedOrZero(Parameter w, NDManager step) {
        NDArray g = JniUtils.getGradient((ai.djl.pytorch.engine.PtNDArray) w.getArray());
        if (g == null) {
            return 0f; // none accumulated
        }
        g.attach(step);
        return g.getFloat(0, 0);
    }

    @Test
    void theOuterGradientIsTakenThroughTheInnerStep() {
        float[] r = run(false, true);
        assertEquals(12f, r[1], 1e-5f, "inner gradient 3w²");
        assertEquals(0f, r[2], 0f, "the inner gradient is not accumulated into the parameter");
        assertEquals(-0.32f, r[0], 1e-5f, "second order: 2w'(1 − 6αw)");
    }

    @Test
    void firstOrderTakesTheInnerGradientAsAConstant() {
        float[] r = run(false, false);
        assertEquals(12f, r[1], 1e-5f);
        assertEquals(1.6f, r[0], 1e-5f, "first order: 2w'");
    }

    @Test
    void theInnerLossMayBePartOfTheOuterLoss() {
        assertEquals(11.68f, run(true, true)[0], 1e-5f, "3w² + 2w'(1 − 6αw): the inner graph was kept");
    }

    @Test
    void aSubstituteMustHaveItsParametersShape() {
        Engines.ensureOffline();
        try (NDManager manager = NDManager.newBaseManager()) {
            Linear layer = Linear.builder().setUnits(1).optBias(false).build();
            layer.initialize(manager, DataType.FLOAT32, new Shape(1, 2));
            Parameter w = layer.getParameters().get("weight");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new SubstitutedParameters(new ParameterStore(manager, false), Map.of(w, manager.zeros(new Shape(2, 1)))));
            assertEquals("Parameter weight has shape (1, 2), its substitute (2, 1)", e.getMessage());
        }
    }

    @Test
    void differentiableGradientsNeedAnOpenCollector() {
        Engines.ensureOffline();
        Engines.noGrad();
        try (NDManager manager = NDManager.newBaseManager()) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Gradients.differentiable(manager.ones(new Shape()), List.of(), true));
            assertEquals("Differentiable gradients need an open GradientCollector (gradient mode is off)", e.getMessage());
        }
    }
}
