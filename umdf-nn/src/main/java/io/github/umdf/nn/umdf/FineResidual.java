package io.github.umdf.nn.umdf;

/**
 * How a pre-norm MCIM layer adds the residual to its fine-grained branches (D4). With post-norm each
 * branch is {@code LN(CA_o + Z^c)} as eq. (9) writes it. With pre-norm the branch outputs are
 * {@code a_o = CA_o(LN(Z^c), LN([Z_m; Z_o]))}, and summing one residual block per branch would add the
 * residual once per branch: {@code (Z^c + a_0) + (Z^c + a_1) = 2·Z^c + a_0 + a_1}.
 */
public enum FineResidual {
    /** {@code Z^f = Z^c + Σ_o a_o}: the residual once, as a pre-norm sum of parallel branches; the default. */
    ONCE,
    /** {@code Z^f = Σ_o (Z^c + a_o)}: the residual once per branch (the first releases). */
    PER_BRANCH
}
