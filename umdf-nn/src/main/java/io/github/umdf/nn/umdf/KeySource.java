package io.github.umdf.nn.umdf;

/** Where the keys and values of MCIM layer l come from (SPEC D1). */
public enum KeySource {
    /**
     * The low-level projections {@code Z_*} for every layer, as eqs. (8)-(9) write them (MulT's
     * convention); queries are the target's running representation. The default.
     */
    LOW_LEVEL,
    /** The modalities' representations entering the current layer. */
    CURRENT_LAYER
}
