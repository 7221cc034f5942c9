package io.github.umdf.nn.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import io.github.umdf.nn.ops.Scalars;

/**
 * Jensen-Shannon divergence between the predicted distributions of the two views, the logits
 * distillation loss for classification (paper eq. (5)):
 * {@code JS(p ‖ q) = ½ KL(p ‖ M) + ½ KL(q ‖ M)}, {@code M = (p + q) / 2}, in nats, averaged over the
 * batch. Computed from logits with log-softmax / log-sigmoid for numerical stability. Symmetric,
 * zero for equal inputs, at most {@code ln 2}.
 */
public final class JensenShannon {
    private JensenShannon() {
    }

    /** JS between softmax distributions of logits {@code (n, K)}; mean over rows. */
    public static NDArray softmaxLogits(NDArray logitsA, NDArray logitsB) {
        return fromLogProbabilities(logitsA.logSoftmax(-1), logitsB.logSoftmax(-1)).mean();
    }

    /**
     * Multi-label: for each label the two-way distribution (present, absent) given by the sigmoid of
     * its logit; JS per label, averaged over labels and rows.
     */
    public static NDArray sigmoidLogits(NDArray logitsA, NDArray logitsB) {
        NDArray la = twoWay(logitsA);
        NDArray lb = twoWay(logitsB);
        return fromLogProbabilities(la, lb).mean();
    }

    /** {@code (n, L)} logits to {@code (n, L, 2)} log-probabilities of (present, absent). */
    private static NDArray twoWay(NDArray logits) {
        return NDArrays.stack(new NDList(logSigmoid(logits), logSigmoid(logits.neg())), 2);
    }

    /** {@code log σ(x) = −softplus(−x)}, stable for large |x|. */
    static NDArray logSigmoid(NDArray x) {
        return Scalars.maximum(x.neg(), 0f).add(x.abs().neg().exp().add(1f).log()).neg();
    }

    /** Per-row JS (summed over the last axis) from log-probabilities; shape is the input's without the last axis. */
    static NDArray fromLogProbabilities(NDArray logP, NDArray logQ) {
        NDArray p = logP.exp();
        NDArray q = logQ.exp();
        NDArray logM = Scalars.maximum(Scalars.mul(p.add(q), 0.5f), 1e-30f).log();
        NDArray klP = p.mul(logP.sub(logM)).sum(new int[] {-1});
        NDArray klQ = q.mul(logQ.sub(logM)).sum(new int[] {-1});
        return Scalars.mul(klP.add(klQ), 0.5f);
    }
}
