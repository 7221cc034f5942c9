package io.github.umdf.nn.umdf;

/**
 * What the auxiliary task loss of D10 scores (weight γ, {@link UmdfConfig#auxiliaryTaskWeight()}).
 *
 * <p>For the squared error the two differ by a logits distillation term:
 * <pre>
 *   ½ [(a − y)² + (b − y)²] = ((a + b)/2 − y)² + ¼ (a − b)²
 * </pre>
 * so scoring each view (the previous default) also distils the logits with weight γ/4, even in the
 * "w/o L_logits" ablation (λ2 = 0). Scoring the mean of the two views leaves λ2 the only weight on
 * the views' discrepancy: the ablation then removes logits distillation entirely.
 */
public enum AuxiliaryTarget {
    /** {@code L_task((f_y(h_a) + f_y(h_b)) / 2)}: no term in {@code a − b}; the default. */
    VIEW_MEAN,
    /** {@code ½ (L_task(f_y(h_a)) + L_task(f_y(h_b)))}: holds an implicit logits distillation (see above). */
    EACH_VIEW
}
