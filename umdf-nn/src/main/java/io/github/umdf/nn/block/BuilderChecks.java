package io.github.umdf.nn.block;

/**
 * The argument checks of the blocks' builders ({@code EncoderLayer.builder()...build()}): each
 * failure is an {@link IllegalArgumentException} naming the block, the setting (its builder method),
 * what was expected and what was found, e.g.
 * {@code EncoderLayer setHeads: expected a positive divisor of the dimension 40, found 3}. A required
 * setting that was never called is found as {@code none (not set)}.
 */
public final class BuilderChecks {
    private static final String NOT_SET = "none (not set)";

    private BuilderChecks() {
    }

    /**
     * Throws unless {@code ok}.
     *
     * @param block    the block's simple name
     * @param setting  the builder method of the setting
     * @param expected what a valid value is
     * @param found    the value found (null: the setting was not called)
     */
    public static void check(boolean ok, String block, String setting, String expected, Object found) {
        if (!ok) {
            throw new IllegalArgumentException(block + " " + setting + ": expected " + expected + ", found "
                    + (found == null ? NOT_SET : found));
        }
    }

    /** A required value: throws when it was not set (null). */
    public static <T> T required(String block, String setting, String expected, T value) {
        check(value != null, block, setting, expected, null);
        return value;
    }

    /** A required positive integer. */
    public static int positive(String block, String setting, Integer value) {
        check(value != null && value > 0, block, setting, "a positive integer", value);
        return value;
    }

    /** A required positive integer dividing {@code dim} (attention heads). */
    public static int heads(String block, String setting, Integer value, int dim) {
        check(value != null && value > 0 && dim % value == 0, block, setting,
                "a positive divisor of the dimension " + dim, value);
        return value;
    }

    /** A positive odd integer (a "same"-padded kernel). */
    public static int oddKernel(String block, String setting, Integer value) {
        check(value != null && value > 0 && value % 2 == 1, block, setting, "a positive odd kernel size", value);
        return value;
    }

    /** A dropout rate in {@code [0, 1)}. */
    public static float rate(String block, String setting, float value) {
        check(value >= 0f && value < 1f, block, setting, "a dropout rate in [0, 1)", value);
        return value;
    }
}
