package io.github.umdf.nn.data.npz;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.LoadReport;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.data.numpy.NumpyArray;
import io.github.umdf.nn.data.numpy.NumpyDtype;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project's data-set file: a NumPy {@code .npz} archive holding a {@link MultimodalDataset}
 * with its schema, origin and load report. Python opens it with
 * {@code numpy.load(path, allow_pickle=False)}; writing the same data set twice gives
 * byte-identical files ({@link NpzWriter}).
 *
 * <h2>Layout: format {@code umdf-dataset}, version 1</h2>
 *
 * <pre>
 * entry                  dtype     shape      content
 * meta.npy               &lt;U{n}     ()         JSON object, below
 * {s}/ids.npy            &lt;U{k}     (N,)       sample ids, unique over the archive
 * {s}/labels.npy         &lt;f4       (N, K)     targets: K = number of labels (regression,
 *                                             multi-label 0/1) or K = 1 (single-label class index)
 * {s}/{m}.npy            &lt;f4       (N, T, d)  features of modality m, frame after frame
 * {s}/{m}_valid.npy      |b1       (N, T)     true for frames that exist, false for padding
 * {s}/{m}_present.npy    |b1       (N,)       false when the sample lacks modality m entirely;
 *                                             its {m} rows are then zeros and its {m}_valid rows false
 * </pre>
 *
 * <p>{@code s} runs over the splits {@code train}, {@code valid}, {@code test} and {@code m} over the
 * schema's modalities among {@code language}, {@code audio}, {@code vision}; {@code N} is the split's
 * sample count and may be 0, {@code T} and {@code d} are the modality's length and dimension in
 * {@code meta}. Entries are written in this order: {@code meta}, then for each split {@code ids},
 * {@code labels} and, for each modality, {@code {m}}, {@code {m}_valid}, {@code {m}_present}. Every
 * entry is stored uncompressed with the date 1980-02-01 00:00 ({@link NpzWriter}). The archive holds no
 * other entries.
 *
 * <p>{@code meta.npy} is a 0-d Unicode array holding one JSON object with exactly these keys:
 *
 * <pre>
 * {"format": "umdf-dataset",
 *  "version": 1,
 *  "name": "mosi-aligned",
 *  "task": "regression" | "single-label" | "multi-label",
 *  "labels": ["sentiment"],                       label or class names, in target order
 *  "labelRange": [-3.0, 3.0] | null,              declared regression range
 *  "modalities": {"language": {"length": 50, "dim": 300},
 *                 "audio": {"length": 50, "dim": 5},
 *                 "vision": {"length": 50, "dim": 20}},
 *  "origin": {"location": "synthetic:mosi-aligned", "sha256": "", "format": "synthetic",
 *             "preprocessing": [], "parameters": {"preset": "mosi-aligned", "seed": "42", ...}},
 *  "report": ["train/audio: set to 0: 0 NaN, 0 +inf, 12 -inf", ...]}
 * </pre>
 *
 * The origin is the data set's origin when it was written (its modification time is not stored,
 * so that the bytes depend on the content only); {@code report} holds its load report's lines.
 *
 * <h2>Reading</h2>
 *
 * {@link #read(Path)} validates everything and fails with an {@link InvalidDataException} naming the
 * file, split, field, what was expected and what was found: format and version, every key of
 * {@code meta}, the presence of every entry and the absence of others, dtypes (float32 or float64
 * for features and labels, bool for flags, Unicode for ids), shapes against {@code meta} and the
 * split's {@code N}, zero rows for absent modalities, finite labels. Non-finite feature values are
 * set to 0 and counted in the {@link LoadReport} ({@link LoadReport#sanitize}); the stored report
 * lines become notes of the new report. The data set's {@link DataOrigin} is
 * {@code DataOrigin.ofFile(path, "umdf-npz", ...)} with the stored preprocessing steps and
 * parameters, plus {@code sourceLocation}, {@code sourceFormat} (and {@code sourceSha256} when
 * non-empty) naming the stored origin unless the parameters already name one.
 *
 * <p>Memory: arrays are streamed sample by sample in both directions; nothing but the data set
 * itself is held.
 */
public final class UmdfArchive {
    /** The {@code format} value of {@code meta}. */
    public static final String FORMAT = "umdf-dataset";
    /** The layout version this class writes and reads. */
    public static final int VERSION = 1;
    /** The {@link DataOrigin#format()} of data sets read from an archive. */
    public static final String ORIGIN_FORMAT = "umdf-npz";

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();
    private static final Set<String> META_KEYS = Set.of("format", "version", "name", "task", "labels", "labelRange",
            "modalities", "origin", "report");
    private static final Set<String> ORIGIN_KEYS = Set.of("location", "sha256", "format", "preprocessing", "parameters");

    private UmdfArchive() {
    }

    /** What {@code meta.npy} and the entry headers say, without reading the data. */
    public static final class Summary {
        private final DatasetSchema schema;
        private final Map<SplitName, Integer> splitSizes;
        private final DataOrigin storedOrigin;
        private final List<String> reportLines;

        Summary(DatasetSchema schema, Map<SplitName, Integer> splitSizes, DataOrigin storedOrigin, List<String> reportLines) {
            this.schema = schema;
            this.splitSizes = Collections.unmodifiableMap(new EnumMap<>(splitSizes));
            this.storedOrigin = storedOrigin;
            this.reportLines = List.copyOf(reportLines);
        }

        /** The schema. */
        public DatasetSchema schema() {
            return schema;
        }

        /** Sample count per split. */
        public Map<SplitName, Integer> splitSizes() {
            return splitSizes;
        }

        /** The origin stored in {@code meta} (no modification time). */
        public DataOrigin storedOrigin() {
            return storedOrigin;
        }

        /** The stored load report lines. */
        public List<String> reportLines() {
            return reportLines;
        }
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a data set. The file is written next to {@code file} under a temporary name and moved
     * into place when complete.
     */
    public static void write(MultimodalDataset dataset, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        // Not Files.createTempFile: its owner-only permissions would stay with the archive.
        Path tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            try (NpzWriter w = new NpzWriter(tmp)) {
                w.add("meta", NumpyArray.ofString(metaJson(dataset)));
                for (SplitName s : SplitName.values()) {
                    writeSplit(w, dataset.schema(), s, dataset.split(s));
                }
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The JSON of {@code meta.npy}, as {@link #write} stores it. */
    static String metaJson(MultimodalDataset dataset) {
        DatasetSchema schema = dataset.schema();
        JsonObject meta = new JsonObject();
        meta.addProperty("format", FORMAT);
        meta.addProperty("version", VERSION);
        meta.addProperty("name", schema.name());
        meta.addProperty("task", schema.task().key());
        meta.add("labels", strings(schema.labelNames()));
        if (schema.labelMin().isPresent()) {
            JsonArray range = new JsonArray();
            range.add(schema.labelMin().getAsDouble());
            range.add(schema.labelMax().getAsDouble());
            meta.add("labelRange", range);
        } else {
            meta.add("labelRange", JsonNull.INSTANCE);
        }
        JsonObject mods = new JsonObject();
        for (Map.Entry<Modality, ModalityShape> e : schema.shapes().entrySet()) {
            JsonObject shape = new JsonObject();
            shape.addProperty("length", e.getValue().length());
            shape.addProperty("dim", e.getValue().dim());
            mods.add(e.getKey().key(), shape);
        }
        meta.add("modalities", mods);
        DataOrigin o = dataset.origin();
        JsonObject origin = new JsonObject();
        origin.addProperty("location", o.location());
        origin.addProperty("sha256", o.sha256());
        origin.addProperty("format", o.format());
        origin.add("preprocessing", strings(o.preprocessing()));
        JsonObject params = new JsonObject();
        o.parameters().forEach(params::addProperty);
        origin.add("parameters", params);
        meta.add("origin", origin);
        meta.add("report", strings(dataset.report().lines()));
        return GSON.toJson(meta);
    }

    private static JsonArray strings(List<String> list) {
        JsonArray a = new JsonArray();
        list.forEach(a::add);
        return a;
    }

    private static void writeSplit(NpzWriter w, DatasetSchema schema, SplitName split, List<MultimodalSample> samples)
            throws IOException {
        String s = split.key();
        int n = samples.size();
        String[] ids = new String[n];
        int k = schema.targetSize();
        float[] labels = new float[n * k];
        for (int i = 0; i < n; i++) {
            MultimodalSample x = samples.get(i);
            ids[i] = x.id();
            for (int j = 0; j < k; j++) {
                labels[i * k + j] = x.target(j);
            }
        }
        w.add(s + "/ids", NumpyArray.ofStrings(ids, n));
        w.add(s + "/labels", NumpyArray.ofFloats(labels, n, k));
        for (Modality m : schema.modalities()) {
            ModalityShape shape = schema.shape(m);
            int t = shape.length();
            int d = shape.dim();
            float[] scratch = new float[t * d];
            w.add(s + "/" + m.key(), NpyHeader.of(NumpyDtype.FLOAT32, n, t, d), out -> {
                for (MultimodalSample x : samples) {
                    FrameSequence seq = x.get(m).orElse(null);
                    if (seq == null) {
                        out.writeZeros((long) t * d);
                    } else {
                        seq.copyValuesTo(scratch, 0);
                        out.writeFloats(scratch, 0, scratch.length);
                    }
                }
            });
            boolean[] valid = new boolean[t];
            w.add(s + "/" + m.key() + "_valid", NpyHeader.of(NumpyDtype.BOOL, n, t), out -> {
                for (MultimodalSample x : samples) {
                    FrameSequence seq = x.get(m).orElse(null);
                    if (seq == null) {
                        out.writeZeros(t);
                    } else {
                        seq.copyValidityTo(valid, 0);
                        out.writeBooleans(valid, 0, t);
                    }
                }
            });
            boolean[] present = new boolean[n];
            for (int i = 0; i < n; i++) {
                present[i] = samples.get(i).get(m).isPresent();
            }
            w.add(s + "/" + m.key() + "_present", NumpyArray.ofBooleans(present, n));
        }
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads an archive, validating it whole.
     *
     * @throws InvalidDataException naming file, split, field, expected and found on any violation
     */
    public static MultimodalDataset read(Path file) throws IOException {
        Meta meta;
        EnumMap<SplitName, List<MultimodalSample>> splits = new EnumMap<>(SplitName.class);
        LoadReport report = new LoadReport();
        try (NpzReader z = NpzReader.open(file)) {
            meta = readMeta(z);
            checkEntries(z, meta.schema);
            meta.reportLines.forEach(report::note);
            for (SplitName s : SplitName.values()) {
                splits.put(s, readSplit(z, meta.schema, s, report));
            }
        }
        Map<String, String> params = new LinkedHashMap<>(meta.origin.parameters());
        if (!params.containsKey("sourceLocation")) {
            params.put("sourceLocation", meta.origin.location());
            params.put("sourceFormat", meta.origin.format());
            if (!meta.origin.sha256().isEmpty()) {
                params.put("sourceSha256", meta.origin.sha256());
            }
        }
        DataOrigin origin = DataOrigin.ofFile(file, ORIGIN_FORMAT, meta.origin.preprocessing(), params);
        return new MultimodalDataset(meta.schema, splits, origin, report);
    }

    /**
     * Reads {@code meta.npy} and the entry headers only: schema, split sizes, stored origin and
     * report. Validates what it reads as {@link #read} does.
     */
    public static Summary inspect(Path file) throws IOException {
        try (NpzReader z = NpzReader.open(file)) {
            Meta meta = readMeta(z);
            checkEntries(z, meta.schema);
            EnumMap<SplitName, Integer> sizes = new EnumMap<>(SplitName.class);
            for (SplitName s : SplitName.values()) {
                try (Readers r = openSplit(z, meta.schema, s)) {
                    sizes.put(s, r.n);
                }
            }
            return new Summary(meta.schema, sizes, meta.origin, meta.reportLines);
        }
    }

    private static final class Meta {
        DatasetSchema schema;
        DataOrigin origin;
        List<String> reportLines;
    }

    private static Meta readMeta(NpzReader z) throws IOException {
        Path file = z.file();
        if (!z.contains("meta")) {
            throw InvalidDataException.of(file, null, "meta.npy", "a '" + FORMAT + "' archive with a meta.npy entry",
                    "entries " + z.names());
        }
        NpyHeader h = z.header("meta");
        if (h.dtype().kind() != NumpyDtype.Kind.UNICODE || h.ndim() != 0) {
            throw InvalidDataException.of(file, null, "meta.npy", "a 0-d Unicode array '<U{n}' ()", h.describe());
        }
        String json = z.read("meta").scalarString();
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(json);
            if (!e.isJsonObject()) {
                throw InvalidDataException.of(file, null, "meta.npy", "a JSON object", abbreviate(json));
            }
            o = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw InvalidDataException.of(file, null, "meta.npy", "valid JSON", abbreviate(json) + " (" + e.getMessage() + ")");
        }
        MetaReader r = new MetaReader(file);
        String format = r.string(o, "format");
        if (!FORMAT.equals(format)) {
            throw InvalidDataException.of(file, null, "meta.format", "'" + FORMAT + "'", "'" + format + "'");
        }
        int version = r.integer(o, "version");
        if (version != VERSION) {
            throw InvalidDataException.of(file, null, "meta.version", VERSION + " (the only version this build reads)",
                    String.valueOf(version));
        }
        r.exactKeys(o, "meta", META_KEYS);
        String name = r.string(o, "name");
        String taskKey = r.string(o, "task");
        Task task;
        try {
            task = Task.parse(taskKey);
        } catch (IllegalArgumentException e) {
            throw InvalidDataException.of(file, null, "meta.task", "one of regression, single-label, multi-label", "'" + taskKey + "'");
        }
        DatasetSchema.Builder b = DatasetSchema.builder(name, task).labels(r.strings(o, "labels"));
        JsonElement range = o.get("labelRange");
        if (!range.isJsonNull()) {
            List<Double> mm = r.numbers(o, "labelRange");
            if (mm.size() != 2 || !(mm.get(0) < mm.get(1))) {
                throw InvalidDataException.of(file, null, "meta.labelRange", "null or [min, max] with min < max", range.toString());
            }
            b.labelRange(mm.get(0), mm.get(1));
        }
        JsonObject mods = r.object(o, "modalities");
        Set<String> valid = new LinkedHashSet<>();
        for (Modality m : Modality.values()) {
            valid.add(m.key());
        }
        for (String key : mods.keySet()) {
            if (!valid.contains(key)) {
                throw InvalidDataException.of(file, null, "meta.modalities", "keys among " + valid, "'" + key + "'");
            }
            JsonObject shape = r.object(mods, key);
            r.exactKeys(shape, "meta.modalities." + key, Set.of("length", "dim"));
            int t = r.integer(shape, "length");
            int d = r.integer(shape, "dim");
            if (t < 1 || d < 1) {
                throw InvalidDataException.of(file, null, "meta.modalities." + key, "length >= 1 and dim >= 1", shape.toString());
            }
            b.modality(Modality.parse(key), t, d);
        }
        if (mods.size() == 0) {
            throw InvalidDataException.of(file, null, "meta.modalities", "at least one modality", "none");
        }
        JsonObject origin = r.object(o, "origin");
        r.exactKeys(origin, "meta.origin", ORIGIN_KEYS);
        JsonObject params = r.object(origin, "parameters");
        Map<String, String> p = new LinkedHashMap<>();
        for (String key : params.keySet()) {
            p.put(key, r.string(params, key));
        }
        Meta meta = new Meta();
        try {
            meta.schema = b.build();
        } catch (IllegalArgumentException e) {
            throw InvalidDataException.of(file, null, "meta", "a valid schema", e.getMessage());
        }
        meta.origin = new DataOrigin(r.string(origin, "location"), r.string(origin, "sha256"), null, r.string(origin, "format"),
                r.strings(origin, "preprocessing"), p);
        meta.reportLines = r.strings(o, "report");
        return meta;
    }

    private static String abbreviate(String s) {
        return "'" + (s.length() > 120 ? s.substring(0, 120) + "..." : s) + "'";
    }

    /** The entries a schema requires, in layout order. */
    static List<String> entryNames(DatasetSchema schema) {
        List<String> names = new ArrayList<>();
        names.add("meta");
        for (SplitName s : SplitName.values()) {
            names.add(s.key() + "/ids");
            names.add(s.key() + "/labels");
            for (Modality m : schema.modalities()) {
                names.add(s.key() + "/" + m.key());
                names.add(s.key() + "/" + m.key() + "_valid");
                names.add(s.key() + "/" + m.key() + "_present");
            }
        }
        return names;
    }

    private static void checkEntries(NpzReader z, DatasetSchema schema) {
        List<String> expected = entryNames(schema);
        for (String e : expected) {
            if (!z.contains(e)) {
                throw InvalidDataException.of(z.file(), null, e + ".npy", "an entry '" + e + ".npy' for " + schema.modalities(),
                        "none");
            }
        }
        for (String e : z.names()) {
            if (!expected.contains(e)) {
                throw InvalidDataException.of(z.file(), null, e + ".npy", "only the entries of the layout " + expected,
                        "an extra entry '" + e + ".npy'");
            }
        }
    }

    /** The open readers of one split. */
    private static final class Readers implements Closeable {
        final List<NpyReader> all = new ArrayList<>();
        NpyReader ids;
        NpyReader labels;
        final EnumMap<Modality, NpyReader[]> mods = new EnumMap<>(Modality.class);
        int n;

        NpyReader add(NpyReader r) {
            all.add(r);
            return r;
        }

        @Override
        public void close() throws IOException {
            IOException first = null;
            for (NpyReader r : all) {
                try {
                    r.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }
    }

    private static Readers openSplit(NpzReader z, DatasetSchema schema, SplitName split) throws IOException {
        Path file = z.file();
        String s = split.key();
        Readers r = new Readers();
        try {
            r.ids = r.add(z.open(s + "/ids"));
            NpyHeader ih = r.ids.header();
            if (ih.dtype().kind() != NumpyDtype.Kind.UNICODE || ih.ndim() != 1) {
                throw InvalidDataException.of(file, split, "ids", "a Unicode array '<U{k}' of shape (N,)", ih.describe());
            }
            if (ih.dim(0) > Integer.MAX_VALUE - 8) {
                throw InvalidDataException.of(file, split, "ids", "at most " + (Integer.MAX_VALUE - 8) + " samples", ih.shapeString());
            }
            int n = (int) ih.dim(0);
            r.n = n;
            r.labels = r.add(z.open(s + "/labels"));
            expectFloat(file, split, "labels", r.labels.header(), n, schema.targetSize());
            for (Modality m : schema.modalities()) {
                ModalityShape shape = schema.shape(m);
                NpyReader x = r.add(z.open(s + "/" + m.key()));
                expectFloat(file, split, m.key(), x.header(), n, shape.length(), shape.dim());
                NpyReader v = r.add(z.open(s + "/" + m.key() + "_valid"));
                expectBool(file, split, m.key() + "_valid", v.header(), n, shape.length());
                NpyReader p = r.add(z.open(s + "/" + m.key() + "_present"));
                expectBool(file, split, m.key() + "_present", p.header(), n);
                r.mods.put(m, new NpyReader[] {x, v, p});
            }
            return r;
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
    }

    private static void expectFloat(Path file, SplitName split, String field, NpyHeader h, long... shape) {
        if (!h.dtype().isFloating()) {
            throw InvalidDataException.of(file, split, field, "dtype float32 '<f4' (or float64)", h.dtype().toString());
        }
        expectShape(file, split, field, h, shape);
    }

    private static void expectBool(Path file, SplitName split, String field, NpyHeader h, long... shape) {
        if (h.dtype().kind() != NumpyDtype.Kind.BOOL) {
            throw InvalidDataException.of(file, split, field, "dtype bool '|b1'", h.dtype().toString());
        }
        expectShape(file, split, field, h, shape);
    }

    private static void expectShape(Path file, SplitName split, String field, NpyHeader h, long... shape) {
        if (!Arrays.equals(h.shape(), shape)) {
            throw InvalidDataException.of(file, split, field, "shape " + NpyHeader.shapeString(shape)
                    + " (N from ids, the rest from meta)", h.shapeString());
        }
    }

    private static List<MultimodalSample> readSplit(NpzReader z, DatasetSchema schema, SplitName split, LoadReport report)
            throws IOException {
        Path file = z.file();
        try (Readers r = openSplit(z, schema, split)) {
            int k = schema.targetSize();
            List<MultimodalSample> out = new ArrayList<>(r.n);
            for (int i = 0; i < r.n; i++) {
                String id = r.ids.readString();
                float[] target = new float[k];
                r.labels.readFloats(target, 0, k);
                for (int j = 0; j < k; j++) {
                    if (!Float.isFinite(target[j])) {
                        throw InvalidDataException.of(file, split, "labels", "finite labels",
                                target[j] + " for label " + j + " of sample '" + id + "' (row " + i + ")");
                    }
                }
                EnumMap<Modality, FrameSequence> seqs = new EnumMap<>(Modality.class);
                for (Map.Entry<Modality, NpyReader[]> e : r.mods.entrySet()) {
                    Modality m = e.getKey();
                    ModalityShape shape = schema.shape(m);
                    NpyReader[] rs = e.getValue();
                    float[] values = new float[shape.length() * shape.dim()];
                    rs[0].readFloats(values, 0, values.length);
                    boolean[] valid = new boolean[shape.length()];
                    rs[1].readBooleans(valid, 0, valid.length);
                    boolean present = rs[2].readBoolean();
                    if (present) {
                        report.sanitize(split, m, values);
                        seqs.put(m, new FrameSequence(shape.length(), shape.dim(), values, valid));
                    } else {
                        checkAbsent(file, split, m, id, i, values, valid);
                    }
                }
                out.add(new MultimodalSample(id, seqs, target));
            }
            for (NpyReader x : r.all) {
                x.finish();
            }
            return out;
        }
    }

    private static void checkAbsent(Path file, SplitName split, Modality m, String id, int row, float[] values, boolean[] valid) {
        for (int t = 0; t < valid.length; t++) {
            if (valid[t]) {
                throw InvalidDataException.of(file, split, m.key() + "_valid", "no valid frame for sample '" + id + "' (row " + row
                        + "), whose " + m.key() + "_present is false", "frame " + t + " valid");
            }
        }
        for (int j = 0; j < values.length; j++) {
            if (values[j] != 0f) {
                throw InvalidDataException.of(file, split, m.key(), "zeros for sample '" + id + "' (row " + row + "), whose "
                        + m.key() + "_present is false", values[j] + " at frame " + (j / (values.length / valid.length)));
            }
        }
    }

    /** Typed access to the JSON of {@code meta} with errors naming the key. */
    private static final class MetaReader {
        private final Path file;

        MetaReader(Path file) {
            this.file = file;
        }

        private JsonElement get(JsonObject o, String key) {
            JsonElement e = o.get(key);
            if (e == null) {
                throw InvalidDataException.of(file, null, "meta." + key, "a key '" + key + "'", "none; keys " + o.keySet());
            }
            return e;
        }

        void exactKeys(JsonObject o, String where, Set<String> keys) {
            for (String k : keys) {
                if (!o.has(k)) {
                    throw InvalidDataException.of(file, null, where, "the keys " + new TreeSet<>(keys), "no '" + k + "' in "
                            + new TreeSet<>(o.keySet()));
                }
            }
            for (String k : o.keySet()) {
                if (!keys.contains(k)) {
                    throw InvalidDataException.of(file, null, where, "only the keys " + new TreeSet<>(keys),
                            "an unknown key '" + k + "'");
                }
            }
        }

        String string(JsonObject o, String key) {
            JsonElement e = get(o, key);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw InvalidDataException.of(file, null, "meta." + key, "a string", e.toString());
            }
            return e.getAsString();
        }

        int integer(JsonObject o, String key) {
            JsonElement e = get(o, key);
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
                double v = e.getAsDouble();
                if (v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE) {
                    return (int) v;
                }
            }
            throw InvalidDataException.of(file, null, "meta." + key, "an integer", e.toString());
        }

        JsonObject object(JsonObject o, String key) {
            JsonElement e = get(o, key);
            if (!e.isJsonObject()) {
                throw InvalidDataException.of(file, null, "meta." + key, "a JSON object", e.toString());
            }
            return e.getAsJsonObject();
        }

        List<String> strings(JsonObject o, String key) {
            JsonElement e = get(o, key);
            List<String> out = new ArrayList<>();
            if (e.isJsonArray()) {
                for (JsonElement x : e.getAsJsonArray()) {
                    if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                        throw InvalidDataException.of(file, null, "meta." + key, "an array of strings", e.toString());
                    }
                    out.add(x.getAsString());
                }
                return out;
            }
            throw InvalidDataException.of(file, null, "meta." + key, "an array of strings", e.toString());
        }

        List<Double> numbers(JsonObject o, String key) {
            JsonElement e = get(o, key);
            List<Double> out = new ArrayList<>();
            if (e.isJsonArray()) {
                for (JsonElement x : e.getAsJsonArray()) {
                    if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isNumber()) {
                        throw InvalidDataException.of(file, null, "meta." + key, "an array of numbers", e.toString());
                    }
                    out.add(x.getAsDouble());
                }
                return out;
            }
            throw InvalidDataException.of(file, null, "meta." + key, "an array of numbers", e.toString());
        }
    }
}
