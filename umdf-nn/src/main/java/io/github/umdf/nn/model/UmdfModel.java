package io.github.umdf.nn.model;

import io.github.umdf.nn.block.Scalars;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.block.Masks;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.loss.Mmd;
import io.github.umdf.nn.loss.TaskLoss;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UMDF with its unified self-distillation objective (paper "Training Objective"):
 * <pre>
 *   L = L_task(ŷ) + γ · ½ (L_task(f_y(h_a)) + L_task(f_y(h_b))) + λ1 · MMD²(h_a, h_b) + λ2 · L_logits(f_y(h_a), f_y(h_b))
 * </pre>
 * where {@code ŷ} is predicted from DFIM's fusion of the two views, {@code h_k} is the last valid step
 * of the joint representation {@code H_k} of view k, and {@code f_y} is the shared logits head. The
 * paper's objective is {@code γ = 0}; with {@code γ = 0} nothing but {@code L_logits} trains
 * {@code f_y}, which then shrinks towards a constant and makes {@code L_logits} vanish, so the default
 * {@code γ} is positive: the per-view logits become predictions of the label and the distillation
 * between them is between meaningful soft labels. The setting is recorded in
 * {@link UmdfConfig#auxiliaryTaskWeight()}.
 *
 * <p>Both views pass through the same network in one batched forward pass. Gradients flow through
 * both sides of every distillation term (bidirectional, no stop-gradient).
 */
public final class UmdfModel implements NetworkModel {
    private final UmdfConfig config;
    private final DatasetSchema schema;
    private final UmdfNetwork network;

    public UmdfModel(UmdfConfig config, DatasetSchema schema) {
        this.config = config;
        this.schema = schema;
        this.network = new UmdfNetwork(config, schema);
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

    @Override
    public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training) {
        long b = targets.getShape().get(0);
        if (views.size() != 2 * b) {
            throw new IllegalArgumentException("UMDF trains on two views per sample: expected " + (2 * b) + " rows, got " + views.size());
        }
        UmdfNetwork.Encoded e = network.encode(ps, views, training); // H: (2B, T, D)
        NDArray ha = e.h.get("0:{}", b);
        NDArray hb = e.h.get("{}:", b);
        NDArray valid = e.valid == null ? null : e.valid.get("0:{}", b); // same samples: same validity in both views
        NDArray last = e.last.get("0:{}", b);

        NDArray he = network.fusion().fuse(ps, ha, hb, valid, training);
        NDArray yhat = network.predictFrom(ps, network.encodeFused(ps, he, valid, training), last, training);

        Map<String, NDArray> parts = new LinkedHashMap<>();
        NDArray task = TaskLoss.task(schema.task(), config.regressionLoss(), yhat, targets);
        parts.put("task", task);
        NDArray total = task;

        boolean needLogits = config.lambdaLogits() > 0 || config.auxiliaryTaskWeight() > 0;
        if (needLogits) {
            NDArray logits = network.logits(ps, e, training); // f_y(h): (2B, out)
            NDArray la = logits.get("0:{}", b);
            NDArray lb = logits.get("{}:", b);
            if (config.auxiliaryTaskWeight() > 0) {
                NDArray aux = TaskLoss.task(schema.task(), config.regressionLoss(), la, targets)
                        .add(TaskLoss.task(schema.task(), config.regressionLoss(), lb, targets));
                aux = Scalars.mul(aux, 0.5f);
                parts.put("aux", aux);
                total = total.add(Scalars.mul(aux, (float) config.auxiliaryTaskWeight()));
            }
            if (config.lambdaLogits() > 0) {
                NDArray logitsLoss = TaskLoss.logitsDiscrepancy(schema.task(), la, lb);
                parts.put("logits", logitsLoss);
                total = total.add(Scalars.mul(logitsLoss, (float) config.lambdaLogits()));
            }
        }
        if (config.lambdaFeature() > 0 && b >= 2) {
            NDArray fea = Mmd.mmd2(Masks.selectStep(ha, last), Masks.selectStep(hb, last), config.mmdKernels(),
                    config.mmdKernelMultiplier(), config.mmdEstimator());
            parts.put("feature", fea);
            total = total.add(Scalars.mul(fea, (float) config.lambdaFeature()));
        }
        return new LossTerms(total, parts, yhat);
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
