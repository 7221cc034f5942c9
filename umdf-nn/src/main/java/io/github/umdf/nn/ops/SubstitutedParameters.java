package io.github.umdf.nn.ops;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

import java.util.HashMap;
import java.util.Map;

/**
 * A parameter store that gives other values for some parameters: a network run through it computes
 * the forward pass at those values (a functional forward, as {@code torch.func.functional_call} or
 * metann's {@code ProtoModule.functional} do) while its own parameters stay unchanged. The values may
 * be differentiable functions of the parameters (an inner gradient step). DJL's blocks read every
 * parameter through {@link ParameterStore#getValue}.
 */
public final class SubstitutedParameters extends ParameterStore {
    private final ParameterStore base;
    private final Map<String, NDArray> values = new HashMap<>();

    /**
     * @param base   the store of every other parameter
     * @param values the substituted values by parameter, each shaped like its parameter
     */
    public SubstitutedParameters(ParameterStore base, Map<Parameter, NDArray> values) {
        super(base.getManager(), false);
        this.base = base;
        values.forEach((p, v) -> {
            if (p.isInitialized() && !p.getArray().getShape().equals(v.getShape())) {
                throw new IllegalArgumentException("Parameter " + p.getName() + " has shape " + p.getArray().getShape()
                        + ", its substitute " + v.getShape());
            }
            this.values.put(p.getId(), v);
        });
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        NDArray v = parameter == null ? null : values.get(parameter.getId());
        return v != null ? v : base.getValue(parameter, device, training);
    }
}
