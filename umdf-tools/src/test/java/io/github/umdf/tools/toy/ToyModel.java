package io.github.umdf.tools.toy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.loss.TaskLoss;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.NetworkModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Per modality the mean of the observed frames, concatenated, then a one-hidden-layer perceptron. */
final class ToyModel implements NetworkModel {
    private final ToySpec spec;
    private final DatasetSchema schema;
    private final SequentialBlock block;
    private final int inputs;

    ToyModel(ToySpec spec, DatasetSchema schema) {
        this.spec = spec;
        this.schema = schema;
        this.inputs = schema.modalities().stream().mapToInt(m -> schema.shape(m).dim()).sum();
        this.block = new SequentialBlock()
                .add(Linear.builder().setUnits(spec.hidden()).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(schema.outputSize()).build());
    }

    @Override
    public ToySpec spec() {
        return spec;
    }

    @Override
    public DatasetSchema schema() {
        return schema;
    }

    @Override
    public Block block() {
        return block;
    }

    @Override
    public void initialize(NDManager manager) {
        block.initialize(manager, DataType.FLOAT32, new Shape(1, inputs));
    }

    /** {@code (N, sum of d_m)}: per modality the mean of the observed frames (zeros when none is observed). */
    private NDArray pooled(ModalityInputs in) {
        List<NDArray> parts = new ArrayList<>();
        for (Modality m : schema.modalities()) {
            NDArray x = in.features(m); // (N, T, d), zeros where not observed
            NDArray o = in.observed(m); // (N, T) or null
            NDArray count = o == null ? x.getManager().create((float) x.getShape().get(1)) : o.sum(new int[] {1}, true).maximum(1f);
            parts.add(x.sum(new int[] {1}).div(count));
        }
        return NDArrays.concat(new NDList(parts), 1);
    }

    private NDArray forward(ParameterStore ps, ModalityInputs in, boolean training) {
        return block.forward(ps, new NDList(pooled(in)), training).singletonOrThrow();
    }

    @Override
    public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training) {
        NDArray predictions = forward(ps, views, training);
        NDArray task = TaskLoss.task(schema.task(), RegressionLoss.MSE, predictions, targets);
        return new LossTerms(task, Map.of("task", task), predictions);
    }

    @Override
    public NDArray predict(ParameterStore ps, ModalityInputs inputs) {
        return forward(ps, inputs, false);
    }

    @Override
    public NDArray represent(ParameterStore ps, ModalityInputs inputs) {
        return pooled(inputs);
    }
}
