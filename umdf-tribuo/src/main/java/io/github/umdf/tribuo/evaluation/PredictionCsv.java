package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.data.DatasetSchema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code PRED.csv}: every test prediction of an evaluation, so that anyone can recompute every
 * metric. Columns:
 * <ul>
 *   <li>regression: {@code id,condition,rate,seed,truth,prediction};</li>
 *   <li>multi-label: {@code id,condition,rate,seed,truth_<label>...,prediction_<label>...} with the
 *       predicted probability of presence (present when &gt; 0.5);</li>
 *   <li>single-label: {@code id,condition,rate,seed,truth,prediction,probability_<class>...} with class
 *       indices in the schema's class order.</li>
 * </ul>
 * Numbers are written as the exact decimal of the double the metrics were computed from, so a
 * recomputation reads the very same values.
 */
public final class PredictionCsv {
    private PredictionCsv() {
    }

    /** The header for a schema. */
    public static List<String> header(DatasetSchema schema) {
        List<String> h = new ArrayList<>(List.of("id", "condition", "rate", "seed"));
        h.addAll(PredictionLayout.of(schema.task()).columns(schema.labelNames()));
        return h;
    }

    /** Writes rows to a file (atomically: a temporary file then a move). */
    public static void write(DatasetSchema schema, List<PredictionRow> rows, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
            write(schema, rows, w);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Writes rows with a header. */
    public static void write(DatasetSchema schema, List<PredictionRow> rows, Writer w) throws IOException {
        w.write(String.join(",", header(schema)));
        w.write('\n');
        for (PredictionRow r : rows) {
            StringBuilder sb = new StringBuilder();
            sb.append(quote(r.id())).append(',').append(r.condition()).append(',')
                    .append(String.format(Locale.ROOT, "%s", r.rate())).append(',').append(r.seed());
            for (double t : r.truths()) {
                sb.append(',').append(num(t));
            }
            for (double p : r.predictions()) {
                sb.append(',').append(num(p));
            }
            w.write(sb.append('\n').toString());
        }
    }

    private static String num(double v) {
        return Double.toString(v);
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
