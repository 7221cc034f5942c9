package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.loss.Mmd;
import io.github.umdf.nn.loss.TaskLoss;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.ops.Masks;
import io.github.umdf.nn.ops.Scalars;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * UMDF's unified self-distillation objective (paper "Training Objective") over the two views of each sample:
 * <pre>
 *   L = L_task(ŷ) + γ · L_task((f_y(h_a) + f_y(h_b)) / 2) + λ1 · MMD²(h_a, h_b) + λ2 · L_logits(f_y(h_a), f_y(h_b))
 * </pre>
 * where {@code ŷ} is predicted from DFIM's fusion of the two views, {@code h_k} is the last valid step
 * of the joint representation {@code H_k} of view k, and {@code f_y} is the shared logits head. The
 * paper's objective is {@code γ = 0}; with {@code γ = 0} nothing but {@code L_logits} trains
 * {@code f_y}, which then shrinks towards a constant and makes {@code L_logits} vanish, so the default
 * {@code γ} is positive: the views' logits become predictions of the label and the distillation
 * between them is between meaningful soft labels. The setting is recorded in
 * {@link UmdfConfig#auxiliaryTaskWeight()}. The auxiliary term scores the mean of the two views'
 * logits, not each view ({@link AuxiliaryTarget}): for the squared error ½[(a−y)² + (b−y)²] =
 * ((a+b)/2 − y)² + ¼(a−b)², so scoring each view would distil the logits with weight γ/4 besides λ2,
 * and the "w/o L_logits" ablation (λ2 = 0) would keep part of what it removes.
 *
 * <p>The two views are drawn per sample by {@link io.github.umdf.nn.missing.TrainingViewSampler}
 * (random missing modalities and frames, SPEC section 3) and stacked view-major by the training loop:
 * rows {@code [0, B)} are view a, rows {@code [B, 2B)} view b of the same samples. Both views pass
 * through the same network in one batched forward pass. Gradients flow through
 * both sides of every distillation term (bidirectional, no stop-gradient).
 */
public final class SelfDistillationObjective {
    private final UmdfConfig config;
    private final Task taskType;
    private final UmdfNetwork network;

    /**
     * @param config the weights (γ, λ1, λ2), the task loss and the MMD kernels
     * @param task   the data set's task
     * @param network the network both views pass through
     */
    public SelfDistillationObjective(UmdfConfig config, Task task, UmdfNetwork network) {
        this.config = config;
        this.taskType = task;
        this.network = network;
    }

    /**
     * The objective of one batch.
     *
     * @param views   {@code 2B} rows: view a of the {@code B} samples, then view b
     * @param targets {@code (B, K)} targets
     * @return the total and its parts ({@code task}, {@code aux}, {@code logits}, {@code feature}; a part
     *         whose weight is zero is neither computed nor logged) and the fused predictions
     */
    public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, boolean training) {
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
        NDArray task = TaskLoss.task(taskType, config.regressionLoss(), yhat, targets);
        parts.put("task", task);
        NDArray total = task;

        boolean needLogits = config.lambdaLogits() > 0 || config.auxiliaryTaskWeight() > 0;
        if (needLogits) {
            NDArray logits = network.logits(ps, e, training); // f_y(h): (2B, out)
            NDArray la = logits.get("0:{}", b);
            NDArray lb = logits.get("{}:", b);
            if (config.auxiliaryTaskWeight() > 0) {
                NDArray aux = auxiliary(la, lb, targets);
                parts.put("aux", aux);
                total = total.add(Scalars.mul(aux, (float) config.auxiliaryTaskWeight()));
            }
            if (config.lambdaLogits() > 0) {
                NDArray logitsLoss = TaskLoss.logitsDiscrepancy(taskType, la, lb);
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

    /**
     * The auxiliary task loss of the two views' logits {@code a}, {@code b} (D10): the task loss of their
     * mean ({@link AuxiliaryTarget#VIEW_MEAN}), which has no part in {@code a − b}, or the mean of their two
     * task losses ({@link AuxiliaryTarget#EACH_VIEW}).
     */
    NDArray auxiliary(NDArray a, NDArray b, NDArray targets) {
        if (config.auxiliaryTarget() == AuxiliaryTarget.VIEW_MEAN) {
            return TaskLoss.task(taskType, config.regressionLoss(), Scalars.mul(a.add(b), 0.5f), targets);
        }
        return Scalars.mul(TaskLoss.task(taskType, config.regressionLoss(), a, targets)
                .add(TaskLoss.task(taskType, config.regressionLoss(), b, targets)), 0.5f);
    }
}
