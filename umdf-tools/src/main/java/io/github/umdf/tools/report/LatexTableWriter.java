package io.github.umdf.tools.report;

import java.util.List;

/**
 * LaTeX with booktabs rules (load the booktabs package): a {@code table} float with the
 * title as caption, a two-level header (groups spanning their metrics with
 * {@code \cmidrule}s), {@code mean $\pm$ std} cells, a model's name only on the first of its
 * label rows with {@code \addlinespace} between models, and the notes in footnote size under the
 * tabular. Text is escaped for LaTeX ({@code { } _ & % # $ ~ ^ \}, and ±, ×, en and em dashes).
 */
public final class LatexTableWriter implements TableWriter {

    private static final TableGlyphs GLYPHS = new TableGlyphs(" $\\pm$ ", "n/a", "--");

    @Override
    public String render(ResultTable table) {
        StringBuilder sb = new StringBuilder();
        int lead = table.hasRowLabels() ? 2 : 1;
        sb.append("\\begin{table}[t]\n\\centering\n");
        sb.append("\\caption{").append(escape(table.title())).append("}\n");
        sb.append("\\begin{tabular}{").append("l".repeat(lead)).append("r".repeat(table.columns().size())).append("}\n");
        sb.append("\\toprule\n");

        // header row 1: groups spanning their metric columns
        sb.append(" &".repeat(lead - 1));
        StringBuilder rules = new StringBuilder();
        int col = lead + 1;
        for (ResultTable.ColumnGroup g : table.groups()) {
            int span = g.metrics().size();
            sb.append(" & \\multicolumn{").append(span).append("}{c}{").append(escape(g.header())).append('}');
            rules.append(rules.length() == 0 ? "" : " ")
                    .append("\\cmidrule(lr){").append(col).append('-').append(col + span - 1).append('}');
            col += span;
        }
        sb.append(" \\\\\n").append(rules).append('\n');

        // header row 2: metric names
        sb.append("Model");
        if (table.hasRowLabels()) {
            sb.append(" & ").append(escape(table.labelHeader()));
        }
        for (ResultTable.Column c : table.columns()) {
            sb.append(" & ").append(escape(c.metric().header()));
        }
        sb.append(" \\\\\n\\midrule\n");

        String previousModel = null;
        for (ResultTable.Row row : table.rows()) {
            boolean first = !row.model().equals(previousModel);
            if (first && previousModel != null && table.hasRowLabels()) {
                sb.append("\\addlinespace\n");
            }
            sb.append(first || !table.hasRowLabels() ? escape(row.model()) : "");
            if (table.hasRowLabels()) {
                sb.append(" & ").append(escape(row.label()));
            }
            for (int i = 0; i < table.columns().size(); i++) {
                sb.append(" & ").append(table.cellText(row, i, GLYPHS));
            }
            sb.append(" \\\\\n");
            previousModel = row.model();
        }
        sb.append("\\bottomrule\n\\end{tabular}\n");
        List<String> notes = table.notes();
        if (!notes.isEmpty()) {
            sb.append("\\par\\smallskip\n{\\footnotesize\n");
            for (String note : notes) {
                sb.append(escape(note)).append("\\par\n");
            }
            sb.append("}\n");
        }
        sb.append("\\end{table}\n");
        return sb.toString();
    }

    /** Escapes LaTeX's special characters and the few non-ASCII symbols the notes use. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\textbackslash{}");
                case '{', '}', '_', '&', '%', '#', '$' -> sb.append('\\').append(ch);
                case '~' -> sb.append("\\textasciitilde{}");
                case '^' -> sb.append("\\textasciicircum{}");
                case '±' -> sb.append("$\\pm$");
                case '×' -> sb.append("$\\times$");
                case '≥' -> sb.append("$\\geq$");
                case '–' -> sb.append("--");
                case '—' -> sb.append("---");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
