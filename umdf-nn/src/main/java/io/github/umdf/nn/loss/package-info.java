/**
 * The losses of UMDF's objective: multi-kernel RBF MMD (feature distillation, paper eqs. 1-3),
 * Jensen-Shannon divergence (logits distillation for classification, eq. 5), the task losses and the
 * regression logits discrepancy (eq. 6). Each is a small function on NDArrays, tested against hand
 * computations.
 */
package io.github.umdf.nn.loss;
