package io.github.umdf.tools.report;

/**
 * One cell of a {@link ResultTable}: a summary over seeds, "not applicable" (the condition needs
 * a modality the data set does not have), or missing (no results were given for it).
 *
 * @param status  which of the three
 * @param summary the scaled mean and std over seeds; null unless {@link Status#VALUE}
 */
public record Cell(Status status, SeedSummary summary) {

    /** The kind of cell. */
    public enum Status {
        /** A number: mean (and std when there are two or more seeds). */
        VALUE,
        /** The column does not apply to the data set; shown as "n/a", never as a number. */
        NOT_APPLICABLE,
        /** No results for this cell. */
        MISSING
    }

    /** The shared "n/a" cell. */
    public static final Cell NOT_APPLICABLE = new Cell(Status.NOT_APPLICABLE, null);
    /** The shared missing cell. */
    public static final Cell MISSING = new Cell(Status.MISSING, null);

    /** Checks that a summary is present exactly for value cells. */
    public Cell {
        if ((status == Status.VALUE) != (summary != null)) {
            throw new IllegalArgumentException("a " + status + " cell must " + (status == Status.VALUE ? "" : "not ")
                    + "carry a summary");
        }
    }

    /** A value cell. */
    public static Cell of(SeedSummary summary) {
        return new Cell(Status.VALUE, summary);
    }

    /**
     * The cell as text: {@code mean<plusMinus>std}, the mean alone for a single seed, {@code NaN}
     * for an undefined metric, or the glyph for "n/a" or missing.
     */
    public String text(int decimals, TableGlyphs glyphs) {
        return switch (status) {
            case NOT_APPLICABLE -> glyphs.notApplicable();
            case MISSING -> glyphs.missing();
            case VALUE -> summary.hasStd() && !Double.isNaN(summary.mean())
                    ? formatNumber(summary.mean(), decimals) + glyphs.plusMinus() + formatNumber(summary.std(), decimals)
                    : formatNumber(summary.mean(), decimals);
        };
    }

    /** A number with fixed decimals, Locale-independent, without a "-0.00". */
    public static String formatNumber(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        String s = String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
        return s.matches("-0(\\.0*)?") ? s.substring(1) : s;
    }
}
