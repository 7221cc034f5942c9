package io.github.umdf.tools.report;

import io.github.umdf.tribuo.evaluation.metrics.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A results table, ready to render: a title, column groups (conditions, "Avg." or rates), each
 * with one or more metric columns, rows (one per model, or per model and label for multi-label
 * data as in the paper's Table 2), cells, and notes that state the conventions (std with
 * ddof = 1, the Avg. definition, what "n/a" means) and the significance tests.
 *
 * <p>Every number is computed by the builders ({@link #byCondition()}, {@link #byRate()}); the
 * {@link TableWriter}s only lay the table out, so all formats show the same numbers.
 */
public final class ResultTable {

    /**
     * A header spanning one or more metric columns.
     *
     * @param header  e.g. {@code {l,a}}, {@code Avg.}, {@code p = 0.3}
     * @param metrics the metric columns under it
     */
    public record ColumnGroup(String header, List<Metric> metrics) {
        /** Freezes the metrics; at least one. */
        public ColumnGroup {
            Objects.requireNonNull(header, "header");
            metrics = List.copyOf(metrics);
            if (metrics.isEmpty()) {
                throw new IllegalArgumentException("column group " + header + " has no metric columns");
            }
        }
    }

    /**
     * One leaf column: a metric under a group.
     *
     * @param group  the group header
     * @param metric the metric
     */
    public record Column(String group, Metric metric) {
        /** {@code group + " " + metric header}: the one-line header of formats without spanning headers. */
        public String flatHeader() {
            return group + " " + metric.header();
        }
    }

    /**
     * One row.
     *
     * @param model the model name
     * @param label the row label (an emotion), or null in tables without row labels
     * @param cells one cell per leaf column
     */
    public record Row(String model, String label, List<Cell> cells) {
        /** Freezes the cells. */
        public Row {
            Objects.requireNonNull(model, "model");
            cells = List.copyOf(cells);
        }
    }

    private final String title;
    private final String labelHeader;
    private final List<ColumnGroup> groups;
    private final List<Column> columns;
    private final List<Row> rows;
    private final List<String> notes;

    /**
     * Creates a table.
     *
     * @param title       caption
     * @param labelHeader header of the row-label column ({@code Emotion}), or null when rows have no labels
     * @param groups      column groups, left to right
     * @param rows        rows, top to bottom; each with one cell per leaf column
     * @param notes       sentences shown under the table
     * @throws IllegalArgumentException when a row has the wrong number of cells, or labels do not match {@code labelHeader}
     */
    public ResultTable(String title, String labelHeader, List<ColumnGroup> groups, List<Row> rows, List<String> notes) {
        this.title = Objects.requireNonNull(title, "title");
        this.labelHeader = labelHeader;
        this.groups = List.copyOf(groups);
        List<Column> cols = new ArrayList<>();
        for (ColumnGroup g : this.groups) {
            for (Metric m : g.metrics()) {
                cols.add(new Column(g.header(), m));
            }
        }
        this.columns = List.copyOf(cols);
        this.rows = List.copyOf(rows);
        for (Row r : this.rows) {
            if (r.cells().size() != columns.size()) {
                throw new IllegalArgumentException("row " + r.model() + (r.label() == null ? "" : "/" + r.label())
                        + " has " + r.cells().size() + " cells; expected " + columns.size() + " (one per column)");
            }
            if ((labelHeader == null) != (r.label() == null)) {
                throw new IllegalArgumentException("row " + r.model() + ": a table has row labels on every row or on none");
            }
        }
        this.notes = List.copyOf(notes);
    }

    /** A builder for the paper's inter-modality table (Tables 1-3). */
    public static ConditionTableBuilder byCondition() {
        return new ConditionTableBuilder();
    }

    /** A builder for the intra-modality rate sweep (the numbers behind Figures 3-5). */
    public static RateSweepTableBuilder byRate() {
        return new RateSweepTableBuilder();
    }

    /** The caption. */
    public String title() {
        return title;
    }

    /** Whether rows carry a label (an emotion) next to the model. */
    public boolean hasRowLabels() {
        return labelHeader != null;
    }

    /** The header of the row-label column, or null. */
    public String labelHeader() {
        return labelHeader;
    }

    /** Column groups, left to right. */
    public List<ColumnGroup> groups() {
        return groups;
    }

    /** Leaf columns, left to right. */
    public List<Column> columns() {
        return columns;
    }

    /** Rows, top to bottom. */
    public List<Row> rows() {
        return rows;
    }

    /** Notes shown under the table. */
    public List<String> notes() {
        return notes;
    }

    /** The text of a cell with the column's decimals and the renderer's glyphs. */
    public String cellText(Row row, int column, TableGlyphs glyphs) {
        return row.cells().get(column).text(columns.get(column).metric().decimals(), glyphs);
    }
}
