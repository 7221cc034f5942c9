package io.github.umdf.nn.data.csv;

import io.github.umdf.nn.data.InvalidDataException;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 record reader: comma-separated fields, optionally enclosed in double quotes
 * (a quoted field may hold commas, line breaks and doubled quotes {@code ""}), records ended by
 * CRLF, LF or CR. A leading byte-order mark is skipped and blank lines are skipped. A quote inside
 * an unquoted field, text after a closing quote and an unterminated quote are errors naming the
 * source and line.
 */
final class CsvRecordReader implements Closeable {
    private final Reader in;
    private final String source;
    private int line = 1;
    private int recordLine;
    private int pushback = -2;
    private boolean started;

    CsvRecordReader(Reader in, String source) {
        this.in = in;
        this.source = source;
    }

    /** The 1-based line on which the last record returned by {@link #next()} starts. */
    int recordLine() {
        return recordLine;
    }

    private int read() throws IOException {
        if (pushback != -2) {
            int c = pushback;
            pushback = -2;
            return c;
        }
        int c = in.read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = in.read();
            }
        }
        return c;
    }

    /**
     * The next record's fields, or null at the end of input.
     *
     * @throws InvalidDataException for malformed quoting
     */
    List<String> next() throws IOException {
        while (true) {
            recordLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int c = read();
            if (c == -1) {
                return null;
            }
            if (c == '\r' || c == '\n') {
                endLine(c);
                continue; // blank line
            }
            while (true) {
                if (c == '"' && field.length() == 0) {
                    readQuoted(field);
                    c = read();
                    if (c != ',' && c != '\n' && c != '\r' && c != -1) {
                        throw error("expected ',' or the end of the line after a closing quote", "'" + (char) c + "'");
                    }
                } else {
                    while (c != ',' && c != '\n' && c != '\r' && c != -1) {
                        if (c == '"') {
                            throw error("a quote only at the start of a field (quoted fields are enclosed in \"...\")",
                                    "a quote inside the unquoted field '" + field + "'");
                        }
                        field.append((char) c);
                        c = read();
                    }
                }
                fields.add(field.toString());
                field.setLength(0);
                if (c == ',') {
                    c = read();
                    continue;
                }
                if (c != -1) {
                    endLine(c);
                }
                return fields;
            }
        }
    }

    private void readQuoted(StringBuilder field) throws IOException {
        int startLine = line;
        while (true) {
            int c = read();
            if (c == -1) {
                throw new InvalidDataException(source + ": line " + startLine + ": expected a closing quote, found the end of the file");
            }
            if (c == '"') {
                int d = read();
                if (d == '"') {
                    field.append('"');
                    continue;
                }
                pushback = d;
                return;
            }
            if (c == '\n' || (c == '\r')) {
                if (c == '\r') {
                    int d = read();
                    if (d == '\n') {
                        field.append('\r');
                        c = '\n';
                    } else {
                        pushback = d;
                    }
                }
                line++;
            }
            field.append((char) c);
        }
    }

    /** Consumes a line ending whose first character is {@code c}. */
    private void endLine(int c) throws IOException {
        if (c == '\r') {
            int d = read();
            if (d != '\n') {
                pushback = d;
            }
        }
        line++;
    }

    private InvalidDataException error(String expected, String found) {
        return new InvalidDataException(source + ": line " + line + ": expected " + expected + ", found " + found);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
