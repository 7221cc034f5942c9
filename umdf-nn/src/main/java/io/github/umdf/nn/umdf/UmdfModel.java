package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.InferenceMode;
import io.github.umdf.nn.model.Initialization;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.NetworkModel;
import io.github.umdf.nn.ops.Masks;

import java.util.Map;

/**
 * UMDF as the training loop and the protocol see it: the network ({@link UmdfNetwork}), trained by
 * the unified self-distillation objective over two views ({@link SelfDistillationObjective}), and
 * evaluated by one-stream inference (the default, equal to the literal two-stream computation) or
 * two-stream inference ({@link InferenceMode}).
 */
public final class UmdfModel implements NetworkModel {
    private final UmdfConfig config;
    private final DatasetSchema schema;
    private final UmdfNetwork network;
    private final SelfDistillationObjective objective;

    public UmdfModel(UmdfConfig config, DatasetSchema schema) {
        this.config = config;
        this.schema = schema;
        this.network = new UmdfNetwork(config, schema);
        this.objective = new SelfDistillationObjective(config, schema.task(), network);
    }

    @Override
    public UmdfConfig spec() {
        return config;
    }

    @Override
    public DatasetSchema schema() {
        return schema;
    }

    @Override
    public Block block() {
        return network;
    }

    /** The network block. */
    public UmdfNetwork network() {
        return network;
    }

    @Override
    public void initialize(NDManager manager) {
        Initialization.glorot(network, schema, manager);
    }

    /**
     * The unified self-distillation objective over the batch's two views
     * ({@link SelfDistillationObjective}).
     */
    /** True: MCIM, the encoders and their layers cut their inputs and outputs (tested for every variant of the configuration). */
    @Override
    public boolean backwardWalksEachPartOnce() {
        return true;
    }

    @Override
    public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training) {
        return objective.loss(ps, views, targets, training);
    }

    @Override
    public NDArray predict(ParameterStore ps, ModalityInputs inputs) {
        return predict(ps, inputs, config.inference());
    }

    /** Predictions by the chosen inference mode (the one-stream default equals the literal two-stream computation). */
    public NDArray predict(ParameterStore ps, ModalityInputs inputs, InferenceMode mode) {
        return forwardEval(ps, inputs, mode, false);
    }

    @Override
    public NDArray represent(ParameterStore ps, ModalityInputs inputs) {
        return forwardEval(ps, inputs, config.inference(), true);
    }

    private NDArray forwardEval(ParameterStore ps, ModalityInputs inputs, InferenceMode mode, boolean representation) {
        NDArray hbar;
        NDArray last;
        if (mode == InferenceMode.ONE_STREAM) {
            UmdfNetwork.Encoded e = network.encode(ps, inputs, false);
            NDArray he = network.fusion().fuseIdentical(ps, e.h, e.valid, false);
            hbar = network.encodeFused(ps, he, e.valid, false);
            last = e.last;
        } else {
            long n = inputs.size();
            UmdfNetwork.Encoded e = network.encode(ps, ModalityInputs.concat(inputs, inputs), false);
            NDArray valid = e.valid == null ? null : e.valid.get("0:{}", n);
            NDArray he = network.fusion().fuse(ps, e.h.get("0:{}", n), e.h.get("{}:", n), valid, false);
            hbar = network.encodeFused(ps, he, valid, false);
            last = e.last.get("0:{}", n);
        }
        return representation ? Masks.selectStep(hbar, last) : network.predictFrom(ps, hbar, last, false);
    }

    /** Parameters per component, MCIM broken down by attention kind (the {@code umdf params} command). */
    @Override
    public Map<String, Long> parameterCounts() {
        return network.parameterCounts();
    }

    /** The modalities the network takes. */
    public java.util.Set<Modality> modalities() {
        return schema.modalities();
    }
}
