package io.github.umdf.tools.report;

import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The table as JSON, for programs: {@code title}, {@code labelHeader} (null without row labels),
 * {@code columns} ({@code group}, {@code metric}, {@code key} template, {@code scale},
 * {@code decimals}), {@code rows} ({@code model}, {@code label}, {@code cells}) and
 * {@code notes}. A cell is {@code {"status": "value", "mean", "std", "n", "text"}} with mean and
 * std already scaled for display and unrounded, std {@code null} for a single seed; or
 * {@code {"status": "n/a"}} or {@code {"status": "missing"}}. NaN is written as {@code null}.
 */
public final class JsonTableWriter implements TableWriter {

    @Override
    public String render(ResultTable table) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setIndent("  ");
            w.setSerializeNulls(true);
            w.beginObject();
            w.name("title").value(table.title());
            w.name("labelHeader").value(table.labelHeader());
            w.name("columns").beginArray();
            for (ResultTable.Column c : table.columns()) {
                w.beginObject();
                w.name("group").value(c.group());
                w.name("metric").value(c.metric().header());
                w.name("key").value(c.metric().keyTemplate());
                w.name("scale").value(c.metric().scale());
                w.name("decimals").value(c.metric().decimals());
                w.endObject();
            }
            w.endArray();
            w.name("rows").beginArray();
            for (ResultTable.Row row : table.rows()) {
                w.beginObject();
                w.name("model").value(row.model());
                w.name("label").value(row.label());
                w.name("cells").beginArray();
                for (int i = 0; i < row.cells().size(); i++) {
                    writeCell(w, row.cells().get(i), table.cellText(row, i, TableGlyphs.UNICODE));
                }
                w.endArray();
                w.endObject();
            }
            w.endArray();
            w.name("notes").beginArray();
            for (String note : table.notes()) {
                w.value(note);
            }
            w.endArray();
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void writeCell(JsonWriter w, Cell cell, String text) throws IOException {
        w.beginObject();
        switch (cell.status()) {
            case NOT_APPLICABLE -> w.name("status").value("n/a");
            case MISSING -> w.name("status").value("missing");
            case VALUE -> {
                w.name("status").value("value");
                number(w.name("mean"), cell.summary().mean());
                number(w.name("std"), cell.summary().std());
                w.name("n").value(cell.summary().n());
                w.name("text").value(text);
            }
        }
        w.endObject();
    }

    private static void number(JsonWriter w, double v) throws IOException {
        if (Double.isFinite(v)) {
            w.value(v);
        } else {
            w.nullValue();
        }
    }
}
