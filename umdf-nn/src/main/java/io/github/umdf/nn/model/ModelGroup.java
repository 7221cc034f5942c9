package io.github.umdf.nn.model;

import java.util.Locale;

/** What kind of registry entry a model is; the registry lists the groups in this order. */
public enum ModelGroup {
    /** The method itself. */
    UMDF,
    /** UMDF with one component removed: the rows of the paper's Table 3 ({@code umdf ablate}). */
    ABLATION,
    /** UMDF's network under another training regime, as a control (complete-data training). */
    CONTROL,
    /** A comparator from another paper. */
    BASELINE;

    /** The lower-case name shown by {@code umdf models}: {@code umdf}, {@code ablation}, {@code control}, {@code baseline}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
