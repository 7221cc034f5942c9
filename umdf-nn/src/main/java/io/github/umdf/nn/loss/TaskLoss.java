package io.github.umdf.nn.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.ops.Scalars;

/**
 * The task losses: MSE (or L1) for regression, cross-entropy for single-label classification,
 * per-label binary cross-entropy for multi-label classification (paper: "cross-entropy and MSE loss
 * as the task losses"), plus the logits-distillation discrepancy of each task (paper eqs. (5)-(6)).
 * All return a scalar averaged over the batch (and over outputs/labels).
 */
public final class TaskLoss {
    private TaskLoss() {
    }

    /**
     * The task loss of predictions against targets.
     *
     * @param outputs {@code (n, out)}: values (regression) or logits
     * @param targets {@code (n, K)}: values, the class index (single-label, K = 1) or 0/1 per label
     */
    public static NDArray task(Task task, RegressionLoss regression, NDArray outputs, NDArray targets) {
        return Objective.of(task).task(regression, outputs, targets);
    }

    /**
     * The logits-distillation loss between the two views' outputs of the shared head {@code f_y}:
     * MSE for regression (eq. (6)), JS of the softmax for single-label (eq. (5)), JS per label of the
     * sigmoid two-way distributions for multi-label.
     */
    public static NDArray logitsDiscrepancy(Task task, NDArray outputsA, NDArray outputsB) {
        return Objective.of(task).logitsDiscrepancy(outputsA, outputsB);
    }

    /** The DJL side of each task: its task loss and its logits discrepancy. */
    private enum Objective {
        REGRESSION {
            @Override
            NDArray task(RegressionLoss regression, NDArray outputs, NDArray targets) {
                NDArray diff = outputs.sub(targets);
                return regression == RegressionLoss.L1 ? diff.abs().mean() : diff.square().mean();
            }

            @Override
            NDArray logitsDiscrepancy(NDArray outputsA, NDArray outputsB) {
                return outputsA.sub(outputsB).square().mean();
            }
        },
        SINGLE_LABEL {
            @Override
            NDArray task(RegressionLoss regression, NDArray outputs, NDArray targets) {
                NDArray logp = outputs.logSoftmax(-1);
                NDArray onehot = targets.squeeze(1).toType(DataType.INT64, false).oneHot((int) outputs.getShape().get(1))
                        .toType(DataType.FLOAT32, false);
                return logp.mul(onehot).sum(new int[] {1}).mean().neg();
            }

            @Override
            NDArray logitsDiscrepancy(NDArray outputsA, NDArray outputsB) {
                return JensenShannon.softmaxLogits(outputsA, outputsB);
            }
        },
        MULTI_LABEL {
            @Override
            NDArray task(RegressionLoss regression, NDArray outputs, NDArray targets) {
                // log(1 + e^z) − y z, stable: max(z, 0) − y z + log(1 + e^{−|z|})
                return Scalars.maximum(outputs, 0f).sub(outputs.mul(targets)).add(outputs.abs().neg().exp().add(1f).log()).mean();
            }

            @Override
            NDArray logitsDiscrepancy(NDArray outputsA, NDArray outputsB) {
                return JensenShannon.sigmoidLogits(outputsA, outputsB);
            }
        };

        /** The objective of a task: the one place that maps a {@link Task} to its DJL losses. */
        static Objective of(Task task) {
            return switch (task) {
                case REGRESSION -> REGRESSION;
                case SINGLE_LABEL -> SINGLE_LABEL;
                case MULTI_LABEL -> MULTI_LABEL;
            };
        }

        abstract NDArray task(RegressionLoss regression, NDArray outputs, NDArray targets);

        abstract NDArray logitsDiscrepancy(NDArray outputsA, NDArray outputsB);
    }
}
