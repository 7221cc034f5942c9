package io.github.umdf.tribuo.evaluation;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reads and writes {@code RESULTS.json}: a JSON list of
 * {@code {"model", "dataset", "seed", "condition", "rate", "metrics": {...}}} objects, one per
 * {@link ResultRecord}, fields in that order, two-space indentation, UTF-8.
 *
 * <p><b>NaN:</b> JSON has no NaN, so a NaN metric is written as {@code null} and a {@code null}
 * metric is read back as NaN; every other value round-trips exactly (Gson writes the shortest
 * decimal that parses back to the same double). Reading is strict: a missing field, an unknown
 * field or a value of the wrong type is an error naming the record's position.
 */
public final class ResultsJson {

    private static final List<String> FIELDS = List.of("model", "dataset", "seed", "condition", "rate", "metrics");

    private ResultsJson() {
    }

    /** The records as a {@code RESULTS.json} document. */
    public static String toJson(List<ResultRecord> records) {
        StringWriter out = new StringWriter();
        try {
            write(records, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Parses a {@code RESULTS.json} document. */
    public static List<ResultRecord> fromJson(String json) {
        try {
            return read(new StringReader(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the records to a file (UTF-8), creating parent folders. */
    public static void write(List<ResultRecord> records, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(records, w);
        }
    }

    /** Reads the records of a file (UTF-8). */
    public static List<ResultRecord> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the records as a JSON list followed by a newline; the writer is left open. */
    public static void write(List<ResultRecord> records, Writer out) throws IOException {
        JsonWriter w = new JsonWriter(out);
        w.setIndent("  ");
        w.setSerializeNulls(true);
        w.beginArray();
        for (ResultRecord r : records) {
            w.beginObject();
            w.name("model").value(r.model());
            w.name("dataset").value(r.dataset());
            w.name("seed").value(r.seed());
            w.name("condition").value(r.condition());
            w.name("rate").value(r.rate());
            w.name("metrics").beginObject();
            for (var e : r.metrics().entrySet()) {
                w.name(e.getKey());
                if (Double.isNaN(e.getValue())) {
                    w.nullValue();
                } else {
                    w.value(e.getValue().doubleValue());
                }
            }
            w.endObject();
            w.endObject();
        }
        w.endArray();
        w.flush();
        out.write("\n");
        out.flush();
    }

    /** Reads a JSON list of records; the reader is left open. */
    public static List<ResultRecord> read(Reader in) throws IOException {
        JsonReader r = new JsonReader(in);
        r.setStrictness(com.google.gson.Strictness.STRICT);
        List<ResultRecord> out = new ArrayList<>();
        expect(r, JsonToken.BEGIN_ARRAY, "the document", "a JSON list of records");
        r.beginArray();
        while (r.hasNext()) {
            String where = "record " + out.size();
            try {
                out.add(readRecord(r, where));
            } catch (IllegalStateException | NumberFormatException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        r.endArray();
        if (r.peek() != JsonToken.END_DOCUMENT) {
            throw new IllegalArgumentException("expected the end of the document after the list of records, got " + r.peek());
        }
        return out;
    }

    private static ResultRecord readRecord(JsonReader r, String where) throws IOException {
        expect(r, JsonToken.BEGIN_OBJECT, where, "an object");
        r.beginObject();
        String model = null;
        String dataset = null;
        Long seed = null;
        String condition = null;
        Double rate = null;
        LinkedHashMap<String, Double> metrics = null;
        Set<String> seen = new HashSet<>();
        while (r.hasNext()) {
            String name = r.nextName();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field '" + name + "'; expected "
                        + String.join(", ", FIELDS));
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(where + ": duplicate field '" + name + "'");
            }
            switch (name) {
                case "model" -> model = string(r, where, name);
                case "dataset" -> dataset = string(r, where, name);
                case "condition" -> condition = string(r, where, name);
                case "seed" -> {
                    expect(r, JsonToken.NUMBER, where + " field 'seed'", "an integer");
                    seed = r.nextLong();
                }
                case "rate" -> {
                    expect(r, JsonToken.NUMBER, where + " field 'rate'", "a number");
                    rate = r.nextDouble();
                }
                default -> metrics = readMetrics(r, where);
            }
        }
        r.endObject();
        for (String field : FIELDS) {
            if (!seen.contains(field)) {
                throw new IllegalArgumentException(where + ": missing field '" + field + "'");
            }
        }
        try {
            return new ResultRecord(model, dataset, seed, condition, rate, metrics);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static LinkedHashMap<String, Double> readMetrics(JsonReader r, String where) throws IOException {
        expect(r, JsonToken.BEGIN_OBJECT, where + " field 'metrics'", "an object of metric values");
        r.beginObject();
        LinkedHashMap<String, Double> metrics = new LinkedHashMap<>();
        while (r.hasNext()) {
            String key = r.nextName();
            double value;
            if (r.peek() == JsonToken.NULL) {
                r.nextNull();
                value = Double.NaN;
            } else {
                expect(r, JsonToken.NUMBER, where + " metric '" + key + "'", "a number or null (NaN)");
                value = r.nextDouble();
            }
            if (metrics.put(key, value) != null) {
                throw new IllegalArgumentException(where + ": duplicate metric '" + key + "'");
            }
        }
        r.endObject();
        return metrics;
    }

    private static String string(JsonReader r, String where, String name) throws IOException {
        expect(r, JsonToken.STRING, where + " field '" + name + "'", "a string");
        return r.nextString();
    }

    private static void expect(JsonReader r, JsonToken token, String what, String expected) throws IOException {
        JsonToken actual = r.peek();
        if (actual != token) {
            throw new IllegalArgumentException(what + ": expected " + expected + ", got " + actual);
        }
    }
}
