package io.github.umdf.tools.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The table formats, by name and file extension, for the command line. */
public enum TableFormat {
    /** GitHub-flavoured Markdown ({@link MarkdownTableWriter}). */
    MARKDOWN("md", new MarkdownTableWriter()),
    /** Comma-separated values with {@code #} note lines ({@link CsvTableWriter}). */
    CSV("csv", new CsvTableWriter()),
    /** Structured JSON with numbers and texts ({@link JsonTableWriter}). */
    JSON("json", new JsonTableWriter()),
    /** LaTeX with booktabs rules ({@link LatexTableWriter}). */
    LATEX("tex", new LatexTableWriter());

    private final String extension;
    private final TableWriter writer;

    TableFormat(String extension, TableWriter writer) {
        this.extension = extension;
        this.writer = writer;
    }

    /** The file extension without a dot. */
    public String extension() {
        return extension;
    }

    /** The renderer. */
    public TableWriter writer() {
        return writer;
    }

    /**
     * Parses a format name or extension ({@code markdown}, {@code md}, {@code latex}, {@code tex}, ...).
     *
     * @throws IllegalArgumentException naming the valid options
     */
    public static TableFormat parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        for (TableFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(s) || f.extension.equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("Unknown table format '" + text + "'; expected one of "
                + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT) + " (" + f.extension + ")")
                .collect(Collectors.joining(", ")));
    }
}
