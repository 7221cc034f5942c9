package io.github.umdf.tools.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders a {@link ResultTable} in one format. Renderers lay out; they compute nothing, so every
 * format shows the same numbers and notes.
 */
public interface TableWriter {

    /** The table as text, ending with a newline. */
    String render(ResultTable table);

    /** Writes {@link #render(ResultTable)} to a file (UTF-8), creating parent folders. */
    default void write(ResultTable table, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(table), StandardCharsets.UTF_8);
    }
}
