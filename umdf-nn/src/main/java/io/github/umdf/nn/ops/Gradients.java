package io.github.umdf.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.jni.IValueUtils;
import ai.djl.pytorch.jni.JniUtils;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradients that stay differentiable, for a gradient step taken inside a training step (the inner
 * update of meta-learning, MAML-style): {@code θ' = θ − α ∇_θ L_inner(θ)}, then an outer loss at
 * {@code θ'} whose back-propagation reaches {@code θ} through {@code ∇_θ L_inner} as well (second order).
 *
 * <p>This is PyTorch's {@code torch.autograd.grad(L, params, retain_graph=True, create_graph=True,
 * allow_unused=True)}, which DJL 0.36 does not expose, called through a TorchScript module of a few
 * lines ({@link TorchScript}, source {@code autograd_grad.torchscript.py} beside this class). Unlike a
 * backward pass with {@code create_graph} it leaves the parameters' accumulated gradients untouched
 * (no reference cycle between a parameter and its gradient), and the graph of {@code L} is kept, so
 * that the outer loss may contain {@code L} too. PyTorch only. Each network compiles its own module
 * ({@link TorchScript#forNetwork}), so no graph-executor state carries over from one network to the next.
 */
public final class Gradients {
    private Gradients() {
    }

    /**
     * The gradients of a scalar with respect to {@code wrt}, as arrays in the scalar's manager. Must run
     * while a {@code GradientCollector} is open. A parameter the scalar does not depend on gets a zero
     * gradient.
     *
     * @param scalar      a 0-d or one-element array that takes part in the gradient computation
     * @param wrt         the parameters to differentiate with respect to
     * @param secondOrder whether the gradients are themselves differentiable (PyTorch's {@code create_graph});
     *                    false gives them as constants, for first-order meta-learning
     * @return one gradient per parameter of {@code wrt}, in order, shaped like the parameter
     */
    public static List<NDArray> differentiable(NDArray scalar, List<Parameter> wrt, boolean secondOrder) {
        if (scalar.size() != 1) {
            throw new IllegalArgumentException("Expected a scalar to differentiate, got shape " + scalar.getShape());
        }
        if (!JniUtils.isGradMode()) {
            throw new IllegalStateException("Differentiable gradients need an open GradientCollector (gradient mode is off)");
        }
        if (wrt.isEmpty()) {
            return List.of();
        }
        NDList in = new NDList(wrt.size() + 2);
        in.add(scalar.reshape());
        List<String> names = new ArrayList<>(wrt.size());
        for (Parameter p : wrt) {
            NDArray array = p.getArray();
            names.add(array.getName());
            array.setName("inputs[]"); // how DJL passes a List[Tensor] argument; the same tensors, so autograd finds them
            in.add(array);
        }
        in.add(Scalars.of(scalar, secondOrder ? 1f : 0f));
        try {
            NDList grads = IValueUtils.forward(TorchScript.forNetwork(scalar.getManager(), Gradients.class, "AutogradGrad",
                    "autograd_grad.torchscript.py"), in, true);
            return new ArrayList<>(grads);
        } finally {
            for (int i = 0; i < wrt.size(); i++) {
                wrt.get(i).getArray().setName(names.get(i));
            }
        }
    }
}
