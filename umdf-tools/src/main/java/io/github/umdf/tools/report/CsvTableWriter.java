package io.github.umdf.tools.report;

/**
 * Comma-separated values (RFC 4180 quoting, {@code \n} line ends, UTF-8): a header row
 * ({@code Model[,Emotion],{l} MAE,...}) and one row per table row with the cell texts as shown
 * ({@code 0.832 ± 0.010}, {@code n/a}, empty for missing). The title and notes follow as lines
 * starting with {@code #} after a blank line; {@code pandas.read_csv(..., comment='#')} skips
 * them. For the numbers themselves use {@code RESULTS.json} or the JSON table.
 */
public final class CsvTableWriter implements TableWriter {

    private static final TableGlyphs GLYPHS = new TableGlyphs(" ± ", "n/a", "");

    @Override
    public String render(ResultTable table) {
        StringBuilder sb = new StringBuilder();
        sb.append("Model");
        if (table.hasRowLabels()) {
            sb.append(',').append(quote(table.labelHeader()));
        }
        for (ResultTable.Column c : table.columns()) {
            sb.append(',').append(quote(c.flatHeader()));
        }
        sb.append('\n');
        for (ResultTable.Row row : table.rows()) {
            sb.append(quote(row.model()));
            if (table.hasRowLabels()) {
                sb.append(',').append(quote(row.label()));
            }
            for (int i = 0; i < table.columns().size(); i++) {
                sb.append(',').append(quote(table.cellText(row, i, GLYPHS)));
            }
            sb.append('\n');
        }
        sb.append('\n').append("# ").append(oneLine(table.title())).append('\n');
        for (String note : table.notes()) {
            sb.append("# ").append(oneLine(note)).append('\n');
        }
        return sb.toString();
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") || s.startsWith("#")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    private static String oneLine(String s) {
        return s.replace("\r", " ").replace("\n", " ");
    }
}
