package io.github.umdf.nn.model;

import java.util.Locale;

/** What kind of registry entry a model is; the registry lists the groups in this order. */
public enum ModelGroup {
    /** The method itself. */
    UMDF,
    /** UMDF with one component removed (the paper's Table 3). */
    ABLATION,
    /** A comparator from another paper. */
    BASELINE;

    /** The lower-case name shown by {@code umdf models}: {@code umdf}, {@code ablation}, {@code baseline}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
