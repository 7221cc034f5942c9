package io.github.umdf.tools.report;

/**
 * GitHub-flavoured Markdown: the title in bold, one header row ({@code {l} MAE}, since Markdown
 * cannot span headers), numbers right-aligned, the notes as a list under the table. A {@code |}
 * inside a name is escaped.
 */
public final class MarkdownTableWriter implements TableWriter {

    @Override
    public String render(ResultTable table) {
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(escape(table.title())).append("**\n\n");
        sb.append("| Model |");
        StringBuilder rule = new StringBuilder("|:---|");
        if (table.hasRowLabels()) {
            sb.append(' ').append(escape(table.labelHeader())).append(" |");
            rule.append(":---|");
        }
        for (ResultTable.Column c : table.columns()) {
            sb.append(' ').append(escape(c.flatHeader())).append(" |");
            rule.append("---:|");
        }
        sb.append('\n').append(rule).append('\n');
        for (ResultTable.Row row : table.rows()) {
            sb.append("| ").append(escape(row.model())).append(" |");
            if (table.hasRowLabels()) {
                sb.append(' ').append(escape(row.label())).append(" |");
            }
            for (int i = 0; i < table.columns().size(); i++) {
                sb.append(' ').append(escape(table.cellText(row, i, TableGlyphs.UNICODE))).append(" |");
            }
            sb.append('\n');
        }
        if (!table.notes().isEmpty()) {
            sb.append('\n');
            for (String note : table.notes()) {
                sb.append("- ").append(note).append('\n');
            }
        }
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|");
    }
}
