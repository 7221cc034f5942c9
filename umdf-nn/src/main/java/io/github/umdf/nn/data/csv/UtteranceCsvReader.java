package io.github.umdf.nn.data.csv;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.LoadReport;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an utterance-level table: a CSV file (RFC 4180, UTF-8, header line first) with one row per
 * sample in which every modality is a single frame ({@code T = 1}).
 *
 * <p>Columns:
 * <ul>
 *   <li>{@code id}: the sample id, unique over the file (name configurable);</li>
 *   <li>{@code split}: {@code train}, {@code valid} or {@code test} (also {@code dev}, {@code val},
 *       {@code validation}; name configurable);</li>
 *   <li>the label column(s), {@code label} by default: for {@link Task#REGRESSION} one or more numeric
 *       columns (the label names are the column names); for {@link Task#MULTI_LABEL} one column per
 *       label holding 0 or 1; for {@link Task#SINGLE_LABEL} one column holding a class name or a
 *       0-based class index, with the class names configured;</li>
 *   <li>feature columns {@code <modality>_<j>} for {@code j = 0 .. d-1}: {@code language_0 .. language_299},
 *       {@code audio_0 ..}, {@code vision_0 ..} (the aliases of {@link Modality#parse}, such as {@code text_0},
 *       are accepted, one spelling per modality). Their order in the file does not matter, but every
 *       index from 0 to d-1 must be present exactly once. A modality without columns is absent from the
 *       data set;</li>
 *   <li>columns declared ignored; any other column is an error (to catch typos).</li>
 * </ul>
 *
 * <p>Conventions. A modality whose cells are <em>all</em> empty in a row is absent from that sample
 * (the sample's map lacks it), counted per split and modality in the {@link LoadReport}; some empty
 * and some filled cells are an error. Feature cells are decimal numbers, or {@code nan}, {@code inf},
 * {@code -inf} (any case, also Java's {@code NaN}/{@code Infinity}), which are set to 0 and counted.
 * Every other problem is an {@link InvalidDataException} naming the file, the line, the column, what
 * was expected and what was found. The file is streamed row by row.
 */
public final class UtteranceCsvReader {
    private static final Logger LOG = Logger.getLogger(UtteranceCsvReader.class.getName());
    /** The {@link DataOrigin} format name. */
    public static final String FORMAT = "utterance-csv";
    private static final Pattern FEATURE = Pattern.compile("([A-Za-z]+)_(\\d+)");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final String datasetName;
    private final Task task;
    private final List<String> labelColumns;
    private final List<String> classNames;
    private final Double labelMin;
    private final Double labelMax;
    private final String idColumn;
    private final String splitColumn;
    private final Set<String> ignoredColumns;

    private UtteranceCsvReader(Builder b) {
        this.datasetName = b.datasetName;
        this.task = b.task;
        this.labelColumns = List.copyOf(b.labelColumns);
        this.classNames = List.copyOf(b.classNames);
        this.labelMin = b.labelMin;
        this.labelMax = b.labelMax;
        this.idColumn = b.idColumn;
        this.splitColumn = b.splitColumn;
        this.ignoredColumns = Set.copyOf(b.ignoredColumns);
    }

    /** A builder with the defaults: regression on one column {@code label}, columns {@code id} and {@code split}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a file, naming the data set as configured or after the file.
     *
     * @throws InvalidDataException naming file, line, column, expected and found
     * @throws IOException          if the file cannot be read
     */
    public MultimodalDataset read(Path file) throws IOException {
        String name = datasetName != null ? datasetName : baseName(file);
        LoadReport report = new LoadReport();
        EnumMap<SplitName, List<MultimodalSample>> splits = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            splits.put(s, new ArrayList<>());
        }
        Layout layout;
        try (CsvRecordReader csv = new CsvRecordReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), file.toString())) {
            List<String> header = csv.next();
            if (header == null) {
                throw new InvalidDataException(file + ": expected a header line, found an empty file");
            }
            layout = layout(file, header);
            Map<String, Integer> idLines = new HashMap<>();
            EnumMap<SplitName, EnumMap<Modality, Long>> absent = new EnumMap<>(SplitName.class);
            List<String> row;
            while ((row = csv.next()) != null) {
                int line = csv.recordLine();
                if (row.size() != header.size()) {
                    throw new InvalidDataException(file + ": line " + line + ": expected " + header.size()
                            + " fields as in the header, found " + row.size());
                }
                Row r = row(file, line, row, layout, report, idLines, absent);
                splits.get(r.split).add(r.sample);
            }
            absent.forEach((s, byModality) -> byModality.forEach((m, n) ->
                    report.count(s.key() + "/" + m.key() + ": samples without the modality (all its cells empty)", n)));
        }
        DatasetSchema.Builder schema = DatasetSchema.builder(name, task).labels(labelNames());
        layout.dims.forEach((m, d) -> schema.modality(m, 1, d));
        if (labelMin != null) {
            schema.labelRange(labelMin, labelMax);
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("dataset", name);
        params.put("task", task.key());
        params.put("label columns", String.join(",", labelColumns));
        layout.dims.forEach((m, d) -> params.put(m.key() + " columns", layout.prefixes.get(m) + "_0.." + layout.prefixes.get(m) + "_" + (d - 1)));
        params.put("samples", "train=" + splits.get(SplitName.TRAIN).size() + ", valid=" + splits.get(SplitName.VALID).size()
                + ", test=" + splits.get(SplitName.TEST).size());
        List<String> steps = List.of("one row per sample, each modality one frame (T = 1)",
                "a modality whose cells are all empty is absent from the sample (counted)",
                "non-finite feature values (nan, inf, -inf) set to 0 and counted per split and modality");
        MultimodalDataset ds = new MultimodalDataset(schema.build(), splits, DataOrigin.ofFile(file, FORMAT, steps, params), report);
        LOG.info(() -> "Loaded " + ds + ": " + report.totalNonFinite() + " non-finite feature values set to 0");
        LOG.fine(() -> "Load report of " + file + ":\n  " + String.join("\n  ", report.lines()));
        return ds;
    }

    private List<String> labelNames() {
        return task == Task.SINGLE_LABEL ? classNames : labelColumns;
    }

    /** Where each column goes. */
    private static final class Layout {
        int id = -1;
        int split = -1;
        int[] labels;
        final EnumMap<Modality, Integer> dims = new EnumMap<>(Modality.class);
        final EnumMap<Modality, String> prefixes = new EnumMap<>(Modality.class);
        /** Per modality, the column index of feature j. */
        final EnumMap<Modality, int[]> columns = new EnumMap<>(Modality.class);
        final List<String> header = new ArrayList<>();
    }

    /** One parsed row. */
    private static final class Row {
        final SplitName split;
        final MultimodalSample sample;

        Row(SplitName split, MultimodalSample sample) {
            this.split = split;
            this.sample = sample;
        }
    }

    private Layout layout(Path file, List<String> rawHeader) {
        Layout l = new Layout();
        Map<String, Integer> index = new HashMap<>();
        EnumMap<Modality, Map<Integer, Integer>> features = new EnumMap<>(Modality.class);
        for (int c = 0; c < rawHeader.size(); c++) {
            String name = rawHeader.get(c).trim();
            l.header.add(name);
            Integer before = index.put(name, c);
            if (before != null) {
                throw new InvalidDataException(file + ": line 1: expected unique column names, found '" + name
                        + "' in columns " + (before + 1) + " and " + (c + 1));
            }
            if (name.equals(idColumn)) {
                l.id = c;
            } else if (name.equals(splitColumn)) {
                l.split = c;
            } else if (labelColumns.contains(name) || ignoredColumns.contains(name)) {
                continue;
            } else {
                Matcher m = FEATURE.matcher(name);
                Modality modality = null;
                if (m.matches()) {
                    try {
                        modality = Modality.parse(m.group(1));
                    } catch (IllegalArgumentException notAModality) {
                        modality = null;
                    }
                }
                if (modality == null) {
                    throw new InvalidDataException(file + ": line 1, column '" + name + "': expected '" + idColumn + "', '"
                            + splitColumn + "', a label column " + labelColumns + ", a feature column language_<j>, audio_<j> or "
                            + "vision_<j>, or a column declared ignored " + ignoredColumns + ", found '" + name + "'");
                }
                String prefix = m.group(1);
                String seen = l.prefixes.putIfAbsent(modality, prefix);
                if (seen != null && !seen.equals(prefix)) {
                    throw new InvalidDataException(file + ": line 1, column '" + name + "': expected one spelling of the "
                            + modality.key() + " columns, found both '" + seen + "_' and '" + prefix + "_'");
                }
                features.computeIfAbsent(modality, k -> new HashMap<>()).put(Integer.parseInt(m.group(2)), c);
            }
        }
        for (String required : List.of(idColumn, splitColumn)) {
            if (!index.containsKey(required)) {
                throw new InvalidDataException(file + ": line 1: expected a column '" + required + "', found columns " + l.header);
            }
        }
        l.labels = new int[labelColumns.size()];
        for (int k = 0; k < l.labels.length; k++) {
            Integer c = index.get(labelColumns.get(k));
            if (c == null) {
                throw new InvalidDataException(file + ": line 1: expected the label column '" + labelColumns.get(k)
                        + "', found columns " + l.header);
            }
            l.labels[k] = c;
        }
        if (features.isEmpty()) {
            throw new InvalidDataException(file + ": line 1: expected feature columns language_<j>, audio_<j> or vision_<j>, found columns "
                    + l.header);
        }
        features.forEach((m, byIndex) -> {
            int d = byIndex.size();
            int[] cols = new int[d];
            for (int j = 0; j < d; j++) {
                Integer c = byIndex.get(j);
                if (c == null) {
                    throw new InvalidDataException(file + ": line 1: expected " + m.key() + " feature columns "
                            + l.prefixes.get(m) + "_0 .. " + l.prefixes.get(m) + "_" + (d - 1) + ", found no column "
                            + l.prefixes.get(m) + "_" + j + " (indices present: " + new java.util.TreeSet<>(byIndex.keySet()) + ")");
                }
                cols[j] = c;
            }
            l.dims.put(m, d);
            l.columns.put(m, cols);
        });
        return l;
    }

    private Row row(Path file, int line, List<String> row, Layout l, LoadReport report, Map<String, Integer> idLines,
                    EnumMap<SplitName, EnumMap<Modality, Long>> absent) {
        String id = row.get(l.id).trim();
        if (id.isEmpty()) {
            throw cellError(file, line, null, idColumn, "a non-empty id", "an empty cell");
        }
        Integer before = idLines.putIfAbsent(id, line);
        if (before != null) {
            throw cellError(file, line, null, idColumn, "a unique id", "'" + id + "', also on line " + before);
        }
        SplitName split;
        try {
            split = SplitName.parse(row.get(l.split));
        } catch (IllegalArgumentException e) {
            throw cellError(file, line, null, splitColumn, "train, valid or test", "'" + row.get(l.split) + "'");
        }
        float[] target = target(file, line, split, row, l);
        EnumMap<Modality, FrameSequence> seqs = new EnumMap<>(Modality.class);
        for (Map.Entry<Modality, int[]> e : l.columns.entrySet()) {
            Modality m = e.getKey();
            int[] cols = e.getValue();
            int empty = 0;
            for (int c : cols) {
                if (row.get(c).isBlank()) {
                    empty++;
                }
            }
            if (empty == cols.length) {
                absent.computeIfAbsent(split, k -> new EnumMap<>(Modality.class)).merge(m, 1L, Long::sum);
                continue;
            }
            float[] v = new float[cols.length];
            for (int j = 0; j < cols.length; j++) {
                String cell = row.get(cols[j]);
                if (cell.isBlank()) {
                    throw cellError(file, line, split, l.header.get(cols[j]), "a number (or every " + m.key()
                            + " cell empty for an absent modality)", "an empty cell among " + (cols.length - empty) + " filled ones");
                }
                try {
                    v[j] = (float) number(cell);
                } catch (NumberFormatException notANumber) {
                    throw cellError(file, line, split, l.header.get(cols[j]), "a number", "'" + cell + "'");
                }
            }
            report.sanitize(split, m, v);
            seqs.put(m, FrameSequence.allValid(1, cols.length, v));
        }
        return new Row(split, new MultimodalSample(id, seqs, target));
    }

    private float[] target(Path file, int line, SplitName split, List<String> row, Layout l) {
        if (task == Task.SINGLE_LABEL) {
            String cell = row.get(l.labels[0]).trim();
            int k = classNames.indexOf(cell);
            if (k < 0 && NUMBER.matcher(cell).matches()) {
                double x = Double.parseDouble(cell);
                if (x == Math.rint(x) && x >= 0 && x < classNames.size()) {
                    k = (int) x;
                }
            }
            if (k < 0) {
                throw cellError(file, line, split, labelColumns.get(0), "a class name " + classNames + " or an index in [0, "
                        + classNames.size() + ")", "'" + cell + "'");
            }
            return new float[] {k};
        }
        float[] t = new float[l.labels.length];
        for (int k = 0; k < t.length; k++) {
            String cell = row.get(l.labels[k]);
            String column = labelColumns.get(k);
            double x;
            try {
                x = number(cell);
            } catch (NumberFormatException notANumber) {
                x = Double.NaN;
            }
            if (!Double.isFinite(x)) {
                throw cellError(file, line, split, column, task == Task.MULTI_LABEL ? "0 or 1" : "a finite number", "'" + cell + "'");
            }
            if (task == Task.MULTI_LABEL && x != 0 && x != 1) {
                throw cellError(file, line, split, column, "0 or 1", "'" + cell + "'");
            }
            if (labelMin != null && (x < labelMin || x > labelMax)) {
                throw cellError(file, line, split, column, "a label in [" + labelMin + ", " + labelMax + "]", "'" + cell + "'");
            }
            t[k] = (float) x;
        }
        return t;
    }

    /**
     * A decimal number, or one of the spellings nan, inf, -inf, infinity (any case).
     *
     * @throws NumberFormatException for anything else (Java's float suffixes and hex included)
     */
    private static double number(String cell) {
        String s = cell.trim();
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan": case "+nan": case "-nan":
                return Double.NaN;
            case "inf": case "+inf": case "infinity": case "+infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                if (!NUMBER.matcher(s).matches()) {
                    throw new NumberFormatException(s);
                }
                return Double.parseDouble(s);
        }
    }

    private static InvalidDataException cellError(Path file, int line, SplitName split, String column, String expected, String found) {
        return new InvalidDataException(file + ": line " + line + (split == null ? "" : " (split '" + split.key() + "')")
                + ", column '" + column + "': expected " + expected + ", found " + found);
    }

    private static String baseName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Settings of an {@link UtteranceCsvReader}; every setter validates its argument. */
    public static final class Builder {
        private String datasetName;
        private Task task = Task.REGRESSION;
        private final List<String> labelColumns = new ArrayList<>(List.of("label"));
        private final List<String> classNames = new ArrayList<>();
        private Double labelMin;
        private Double labelMax;
        private String idColumn = "id";
        private String splitColumn = "split";
        private final Set<String> ignoredColumns = new LinkedHashSet<>();

        private Builder() {
        }

        /** The data-set name (default: the file name without extension). */
        public Builder datasetName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Expected a non-empty data-set name, found '" + name + "'");
            }
            this.datasetName = name;
            return this;
        }

        /** The task (default {@link Task#REGRESSION}). */
        public Builder task(Task task) {
            this.task = Objects.requireNonNull(task, "task");
            return this;
        }

        /** The label columns, in target order (default {@code label}). */
        public Builder labelColumns(String... columns) {
            if (columns.length == 0) {
                throw new IllegalArgumentException("Expected at least one label column, found none");
            }
            labelColumns.clear();
            labelColumns.addAll(Arrays.asList(columns));
            return this;
        }

        /** The class names of a {@link Task#SINGLE_LABEL} task, in index order. */
        public Builder classNames(String... names) {
            classNames.clear();
            classNames.addAll(Arrays.asList(names));
            return this;
        }

        /** The range regression labels must lie in (checked on load); unset by default. */
        public Builder labelRange(double min, double max) {
            if (!(min < max)) {
                throw new IllegalArgumentException("Expected min < max, found [" + min + ", " + max + "]");
            }
            labelMin = min;
            labelMax = max;
            return this;
        }

        /** The id column (default {@code id}). */
        public Builder idColumn(String column) {
            this.idColumn = Objects.requireNonNull(column, "column");
            return this;
        }

        /** The split column (default {@code split}). */
        public Builder splitColumn(String column) {
            this.splitColumn = Objects.requireNonNull(column, "column");
            return this;
        }

        /** Columns to skip (free text, metadata ...); any other unknown column is an error. */
        public Builder ignoreColumns(String... columns) {
            ignoredColumns.addAll(Arrays.asList(columns));
            return this;
        }

        /**
         * The reader.
         *
         * @throws IllegalArgumentException if the settings contradict each other
         */
        public UtteranceCsvReader build() {
            if (task == Task.SINGLE_LABEL) {
                if (labelColumns.size() != 1) {
                    throw new IllegalArgumentException("Single-label needs exactly one label column, found " + labelColumns);
                }
                if (classNames.size() < 2) {
                    throw new IllegalArgumentException("Single-label needs at least two class names, found " + classNames);
                }
            } else if (!classNames.isEmpty()) {
                throw new IllegalArgumentException("Class names apply to single-label tasks only; the task is " + task.key());
            }
            if (labelMin != null && task != Task.REGRESSION) {
                throw new IllegalArgumentException("A label range applies to regression only; the task is " + task.key());
            }
            Set<String> all = new LinkedHashSet<>();
            for (String c : concat()) {
                if (!all.add(c)) {
                    throw new IllegalArgumentException("Column '" + c + "' is given more than one role (id, split, label, ignored)");
                }
            }
            return new UtteranceCsvReader(this);
        }

        private List<String> concat() {
            List<String> out = new ArrayList<>();
            out.add(idColumn);
            out.add(splitColumn);
            out.addAll(labelColumns);
            out.addAll(ignoredColumns);
            return out;
        }
    }
}
