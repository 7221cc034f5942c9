package io.github.umdf.nn.block;

/**
 * What attention dropout drops. Both keep each attention weight with probability {@code 1 - p} and
 * scale the kept ones by {@code 1 / (1 - p)}, so the expected attention output is the same; they differ
 * in which drops are shared.
 *
 * <ul>
 *   <li>{@link #WEIGHT}: every weight of the {@code (B, H, Tq, Tk)} map independently (MulT, PyTorch's
 *       {@code nn.MultiheadAttention}); the default. It needs the attention map written out and one random
 *       draw per weight, the most expensive operation of a CPU training step.</li>
 *   <li>{@link #KEY}: one draw per sample, head and key, shared by every query of that head: key {@code j}
 *       is dropped from the whole head's attention. Since {@code sum_j w_ij m_j v_j / (1 - p)} equals
 *       the attention over values {@code m_j v_j / (1 - p)}, it is computed by scaling the values and
 *       running an attention kernel that keeps no attention map ({@link TrainingAttention}, or PyTorch's
 *       fused kernel): {@code Tq} times fewer draws and no attention map, in training as in inference. A different regulariser: see docs/performance.md for its comparison
 *       on validation loss.</li>
 * </ul>
 */
public enum AttentionDropoutUnit {
    /** Each attention weight dropped independently (MulT's attention dropout). */
    WEIGHT,
    /** Each key dropped for all queries of a head (values scaled by a per-key keep mask). */
    KEY
}
