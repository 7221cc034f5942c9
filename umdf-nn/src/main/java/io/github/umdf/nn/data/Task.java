package io.github.umdf.nn.data;

/**
 * What a data set's labels are. The paper uses regression for MOSI/MOSEI (sentiment in [-3, 3])
 * and multi-label classification for IEMOCAP (four emotions, each present or absent).
 */
public enum Task {
    /** One or more real-valued targets per sample. */
    REGRESSION,
    /** Exactly one of K classes per sample; the target holds the class index. */
    SINGLE_LABEL,
    /** Each of K labels present (1) or absent (0) independently. */
    MULTI_LABEL;

    /** Lower-case name as written in files. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #key()} or the enum name. */
    public static Task parse(String s) {
        for (Task t : values()) {
            if (t.key().equalsIgnoreCase(s) || t.name().equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown task '" + s + "'; expected regression, single-label or multi-label");
    }
}
