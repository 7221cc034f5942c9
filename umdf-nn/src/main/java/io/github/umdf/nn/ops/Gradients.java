package io.github.umdf.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradients that stay differentiable, for a gradient step taken inside a training step (the inner
 * update of meta-learning, MAML-style): {@code θ' = θ − α ∇_θ L_inner(θ)}, then an outer loss at
 * {@code θ'} whose back-propagation reaches {@code θ} through {@code ∇_θ L_inner} as well (second order).
 *
 * <p>DJL's {@code GradientCollector} back-propagates with PyTorch's {@code create_graph = false}; this
 * calls the engine's backward with {@code create_graph = true} (and keeps the graph of
 * {@code L_inner}, so that the outer loss may contain {@code L_inner} too), as
 * {@code torch.autograd.grad(L, params, create_graph=True)} does. PyTorch only.
 *
 * <p>PyTorch warns (once) that {@code backward(create_graph=True)} makes a reference cycle between a
 * parameter and its gradient: the graph of a step stays alive until the next second-order backward pass
 * replaces the gradient, and the last one as long as the parameter.
 */
public final class Gradients {
    private Gradients() {
    }

    /**
     * The gradients of a scalar with respect to {@code wrt}, as differentiable arrays in the scalar's
     * manager. Must run while a {@code GradientCollector} is open. The backward pass accumulates into
     * every parameter the scalar depends on; afterwards the accumulated gradient of each parameter in
     * {@code reset} is set to zero, so that the step's gradient is that of the loss back-propagated next
     * (pass every trainable parameter of the network). A parameter of {@code wrt} that the scalar does
     * not depend on gets a zero gradient.
     *
     * @param scalar a 0-d or one-element array that takes part in the gradient computation
     * @param wrt    the parameters to differentiate with respect to
     * @param reset  the parameters whose accumulated gradients are reset afterwards
     * @param secondOrder whether the gradients are differentiable (PyTorch's {@code create_graph}); false gives
     *                    them as constants, for first-order meta-learning, at the cost of one backward pass
     * @return one gradient per parameter of {@code wrt}, in order, shaped like the parameter
     */
    public static List<NDArray> differentiable(NDArray scalar, List<Parameter> wrt, List<Parameter> reset, boolean secondOrder) {
        if (scalar.size() != 1) {
            throw new IllegalArgumentException("Expected a scalar to differentiate, got shape " + scalar.getShape());
        }
        if (!JniUtils.isGradMode()) {
            throw new IllegalStateException("Differentiable gradients need an open GradientCollector (gradient mode is off)");
        }
        NDArray seed = scalar.onesLike();
        JniUtils.backward((PtNDArray) scalar, (PtNDArray) seed, true, secondOrder);
        List<NDArray> out = new ArrayList<>(wrt.size());
        for (Parameter p : wrt) {
            NDArray accumulated = p.getArray().getGradient();
            accumulated.attach(scalar.getManager()); // the handle, not the tensor: closed with the scalar's manager
            // a copy that is part of the graph (DJL's duplicate() clones without gradient): resetting the accumulator below leaves it intact
            out.add(accumulated.add(Scalars.of(accumulated, 0f)));
        }
        for (Parameter p : reset) {
            if (p.requiresGradient()) {
                JniUtils.zeroGrad((PtNDArray) p.getArray());
            }
        }
        return out;
    }
}
