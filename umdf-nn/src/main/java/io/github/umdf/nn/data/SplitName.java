package io.github.umdf.nn.data;

import java.util.Locale;

/**
 * The three standard splits. Train is for fitting, valid for early stopping, model selection and
 * any tuning, test only for the final report (SPEC section 4).
 */
public enum SplitName {
    TRAIN, VALID, TEST;

    /** Lower-case name as written in files: {@code train}, {@code valid}, {@code test}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code train}, {@code valid} (or {@code dev}, {@code val}, {@code validation}), {@code test}. */
    public static SplitName parse(String s) {
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "train": return TRAIN;
            case "valid": case "dev": case "val": case "validation": return VALID;
            case "test": return TEST;
            default:
                throw new IllegalArgumentException("Unknown split '" + s + "'; expected train, valid or test");
        }
    }

    @Override
    public String toString() {
        return key();
    }
}
