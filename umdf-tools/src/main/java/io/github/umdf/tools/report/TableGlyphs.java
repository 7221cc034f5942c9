package io.github.umdf.tools.report;

/**
 * The few symbols a renderer chooses for itself.
 *
 * @param plusMinus     between mean and std, with its spaces ({@code " ± "}, {@code " $\pm$ "})
 * @param notApplicable for a condition the data set cannot have
 * @param missing       for a cell without results
 */
public record TableGlyphs(String plusMinus, String notApplicable, String missing) {

    /** Plain text and Markdown: {@code 0.832 ± 0.010}, {@code n/a}, an em dash. */
    public static final TableGlyphs UNICODE = new TableGlyphs(" ± ", "n/a", "—");
}
