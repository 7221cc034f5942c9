package io.github.umdf.nn.data.pickle;

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
import io.github.umdf.nn.data.numpy.NumpyArray;
import net.razorvine.pickle.PickleException;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The work the MMSA and MulT pickle readers share: loading the file with the
 * {@link RestrictedUnpickler}, finding the three splits, checking every field's type and shape
 * (N equal across a split's fields, T and d equal across splits), cutting feature arrays into
 * per-sample {@link FrameSequence}s with NaN/inf set to 0 and padding flagged, making ids unique,
 * and recording every step in the {@link DataOrigin} and every change in the {@link LoadReport}.
 *
 * <p>One instance assembles one file; it is not reusable.
 */
final class PickleDatasetAssembler {
    private static final Logger LOG = Logger.getLogger(PickleDatasetAssembler.class.getName());

    private final Path file;
    private final String format;
    private final LoadReport report = new LoadReport();
    private final List<String> steps = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();
    /** Per modality the (T, d) of the first split read and that split, for cross-split checks. */
    private final EnumMap<Modality, int[]> shapes = new EnumMap<>(Modality.class);
    private final EnumMap<Modality, SplitName> shapeSource = new EnumMap<>(Modality.class);
    private final EnumMap<SplitName, SplitData> splits = new EnumMap<>(SplitName.class);
    private String sha256;

    /** What a reader collects for one split before {@link #finish}. */
    static final class SplitData {
        final int size;
        final EnumMap<Modality, FrameSequence[]> modalities = new EnumMap<>(Modality.class);
        float[][] targets;
        /** Ids as found in the file, or null when the file has none. */
        String[] rawIds;

        SplitData(int size) {
            this.size = size;
        }
    }

    /** Decides which frames of a sample are valid; also names the rule for the report. */
    interface FrameValidity {
        /** Fills {@code valid} (length T) for sample {@code i} whose sanitized values ({@code T x d}) are given. */
        void apply(int i, float[] values, int dim, boolean[] valid);

        /** The rule, for the load report ("all features zero", "beyond audio_lengths", ...). */
        String rule();
    }

    PickleDatasetAssembler(Path file, String format) {
        this.file = file;
        this.format = format;
        step("read with the restricted unpickler (dicts, lists, tuples, strings, numbers and NumPy arrays only)");
    }

    /** The load report being filled. */
    LoadReport report() {
        return report;
    }

    /** Records a preprocessing step for the {@link DataOrigin}. */
    void step(String s) {
        if (!steps.contains(s)) {
            steps.add(s);
        }
    }

    /** Records a parameter for the {@link DataOrigin}. */
    void parameter(String key, String value) {
        parameters.put(key, value);
    }

    /** The file name without its extension ({@code aligned_50} for {@code aligned_50.pkl}). */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    // ------------------------------------------------------------------ loading

    /** An unpickled file with the SHA-256 of its bytes, computed while reading so that a large file is read once. */
    static final class Loaded {
        final Object root;
        final String sha256;

        Loaded(Object root, String sha256) {
            this.root = root;
            this.sha256 = sha256;
        }
    }

    /**
     * Loads a pickle file, hashing it on the way.
     *
     * @throws InvalidDataException naming the file for refused globals, malformed or truncated pickles
     * @throws IOException          if the file cannot be read
     */
    static Loaded load(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), md)) {
            Object root = new RestrictedUnpickler().load(in);
            in.transferTo(OutputStream.nullOutputStream()); // bytes after STOP still belong to the file's hash
            return new Loaded(root, HexFormat.of().formatHex(md.digest()));
        } catch (PickleRefusedException e) {
            throw new InvalidDataException(file + ": " + e.getMessage(), e);
        } catch (PickleException e) {
            throw new InvalidDataException(file + ": expected a pickle of plain data and NumPy arrays, found a problem: "
                    + e.getMessage(), e);
        }
    }

    /** Records the SHA-256 computed while loading; without it {@link #finish} hashes the file again. */
    void sha256(String hex) {
        this.sha256 = hex;
    }

    /**
     * The three splits of the root dict, as dicts with string keys. Split keys may be spelled as
     * {@link SplitName#parse} accepts ({@code valid}, {@code dev}, {@code val}, ...); other top-level keys
     * are ignored and noted.
     */
    Map<SplitName, Map<String, Object>> splits(Object root) {
        if (!(root instanceof Map)) {
            throw InvalidDataException.of(file, null, null, "a dict with keys 'train', 'valid' and 'test'", PickleValues.describe(root));
        }
        Map<?, ?> top = (Map<?, ?>) root;
        EnumMap<SplitName, Map<String, Object>> out = new EnumMap<>(SplitName.class);
        EnumMap<SplitName, String> keyOf = new EnumMap<>(SplitName.class);
        List<String> ignored = new ArrayList<>();
        for (Map.Entry<?, ?> e : top.entrySet()) {
            String key = e.getKey() instanceof String ? (String) e.getKey() : PickleValues.describe(e.getKey());
            SplitName split;
            try {
                split = SplitName.parse(key);
            } catch (IllegalArgumentException notASplit) {
                ignored.add(key);
                continue;
            }
            if (keyOf.containsKey(split)) {
                throw InvalidDataException.of(file, split, null, "one key for the " + split.key() + " split",
                        "both '" + keyOf.get(split) + "' and '" + key + "'");
            }
            keyOf.put(split, key);
            out.put(split, fields(split, e.getValue()));
        }
        for (SplitName s : SplitName.values()) {
            if (!out.containsKey(s)) {
                throw InvalidDataException.of(file, s, null, "a '" + s.key() + "' split among the top-level keys",
                        "keys " + PickleValues.keys(top));
            }
        }
        if (!ignored.isEmpty()) {
            report.note("ignored top-level keys " + ignored + " (not a split)");
        }
        return out;
    }

    /**
     * The fields of a split: the unpickled dict itself (not a copy), so that a reader removing a field
     * once converted lets its array be collected.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(SplitName split, Object value) {
        if (!(value instanceof Map)) {
            throw InvalidDataException.of(file, split, null, "a dict of fields", PickleValues.describe(value));
        }
        for (Object k : ((Map<?, ?>) value).keySet()) {
            if (!(k instanceof String)) {
                throw InvalidDataException.of(file, split, null, "field names as str", PickleValues.describe(k));
            }
        }
        return (Map<String, Object>) value;
    }

    // ------------------------------------------------------------------ fields

    /** A required NumPy array field. */
    NumpyArray array(SplitName split, Map<String, Object> fields, String field) {
        if (!fields.containsKey(field)) {
            throw InvalidDataException.of(file, split, field, "a field '" + field + "'", "only the fields " + fields.keySet());
        }
        return asArray(split, field, fields.get(field));
    }

    /** An optional NumPy array field, or null when absent. */
    NumpyArray optionalArray(SplitName split, Map<String, Object> fields, String field) {
        return fields.containsKey(field) ? asArray(split, field, fields.get(field)) : null;
    }

    private NumpyArray asArray(SplitName split, String field, Object value) {
        if (!(value instanceof NumpyArray)) {
            throw InvalidDataException.of(file, split, field, "a NumPy array", PickleValues.describe(value));
        }
        return (NumpyArray) value;
    }

    /**
     * Checks a feature array: numeric, shape {@code (N, T, d)} with the split's N, and T and d equal to
     * those of the first split read.
     */
    NumpyArray features(SplitName split, Modality m, String field, NumpyArray x, int n) {
        if (!x.isNumeric() || x.ndim() != 3) {
            throw InvalidDataException.of(file, split, field, "a numeric array of shape (N, T, d)", PickleValues.describe(x));
        }
        checkCount(split, field, x, n);
        int t = x.dim(1);
        int d = x.dim(2);
        if (t < 1 || d < 1) {
            throw InvalidDataException.of(file, split, field, "T >= 1 frames of d >= 1 features", "shape " + x.shapeString());
        }
        int[] seen = shapes.get(m);
        if (seen == null) {
            shapes.put(m, new int[] {t, d});
            shapeSource.put(m, split);
        } else if (seen[0] != t || seen[1] != d) {
            throw InvalidDataException.of(file, split, field, "(N, T=" + seen[0] + ", d=" + seen[1] + ") as in split '"
                    + shapeSource.get(m).key() + "'", "shape " + x.shapeString());
        }
        return x;
    }

    /** Checks that axis 0 of a field has the split's N. */
    private void checkCount(SplitName split, String field, NumpyArray x, int n) {
        if (x.ndim() == 0 || x.dim(0) != n) {
            throw InvalidDataException.of(file, split, field, "N=" + n + " samples along axis 0, as the split's other fields",
                    PickleValues.describe(x));
        }
    }

    /**
     * Per-sample valid lengths from an optional field (a NumPy integer array or a list of ints, as MMSA
     * writes either), or null when absent.
     *
     * @throws InvalidDataException if the count differs from N or a length is negative, not an integer or > T
     */
    int[] lengths(SplitName split, Map<String, Object> fields, String field, int n, int t) {
        if (!fields.containsKey(field)) {
            return null;
        }
        Object v = fields.get(field);
        long[] raw;
        if (v instanceof NumpyArray && ((NumpyArray) v).isNumeric()) {
            NumpyArray a = (NumpyArray) v;
            if (a.ndim() != 1 && !(a.ndim() == 2 && a.dim(1) == 1)) {
                throw InvalidDataException.of(file, split, field, "lengths of shape (N,)", PickleValues.describe(a));
            }
            raw = new long[a.size()];
            for (int i = 0; i < raw.length; i++) {
                double x = a.getDouble(i);
                if (x != Math.rint(x)) {
                    throw InvalidDataException.of(file, split, field, "integer lengths", x + " at sample " + i);
                }
                raw[i] = (long) x;
            }
        } else if (v instanceof List) {
            List<?> list = (List<?>) v;
            raw = new long[list.size()];
            for (int i = 0; i < raw.length; i++) {
                Object o = list.get(i);
                if (!(o instanceof Integer || o instanceof Long)) {
                    throw InvalidDataException.of(file, split, field, "integer lengths", PickleValues.describe(o) + " at sample " + i);
                }
                raw[i] = ((Number) o).longValue();
            }
        } else {
            throw InvalidDataException.of(file, split, field, "lengths as a NumPy integer array or a list of ints", PickleValues.describe(v));
        }
        if (raw.length != n) {
            throw InvalidDataException.of(file, split, field, "N=" + n + " lengths, as the split's other fields", raw.length + " lengths");
        }
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            if (raw[i] < 0 || raw[i] > t) {
                throw InvalidDataException.of(file, split, field, "lengths in [0, T=" + t + "]", raw[i] + " at sample " + i);
            }
            out[i] = (int) raw[i];
        }
        return out;
    }

    /**
     * Ids from an optional field: a 1-d array or list of str/bytes, or a 2-d array {@code (N, k)} whose
     * parts (video id, start, end in MulT) are joined with '_'. Returns null when absent.
     */
    String[] ids(SplitName split, Map<String, Object> fields, String field, int n) {
        if (!fields.containsKey(field)) {
            return null;
        }
        Object v = fields.get(field);
        String[] out = new String[n];
        if (v instanceof NumpyArray) {
            NumpyArray a = (NumpyArray) v;
            if (a.ndim() < 1 || a.ndim() > 2 || a.dim(0) != n) {
                throw InvalidDataException.of(file, split, field, "ids of shape (N,) or (N, k) with N=" + n, PickleValues.describe(a));
            }
            int k = a.ndim() == 2 ? a.dim(1) : 1;
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < k; j++) {
                    if (j > 0) {
                        sb.append('_');
                    }
                    sb.append(element(split, field, a, i * k + j));
                }
                out[i] = sb.toString();
            }
        } else if (v instanceof List) {
            List<?> list = (List<?>) v;
            if (list.size() != n) {
                throw InvalidDataException.of(file, split, field, "N=" + n + " ids", list.size() + " ids");
            }
            for (int i = 0; i < n; i++) {
                Object o = list.get(i);
                if (o instanceof String) {
                    out[i] = (String) o;
                } else if (o instanceof byte[]) {
                    out[i] = new String((byte[]) o, java.nio.charset.StandardCharsets.UTF_8);
                } else {
                    throw InvalidDataException.of(file, split, field, "ids as str", PickleValues.describe(o) + " at sample " + i);
                }
            }
        } else {
            throw InvalidDataException.of(file, split, field, "ids as a NumPy array or a list of str", PickleValues.describe(v));
        }
        return out;
    }

    private String element(SplitName split, String field, NumpyArray a, int i) {
        if (a.isText()) {
            String s = a.getString(i);
            if (s == null) {
                throw InvalidDataException.of(file, split, field, "ids as str", "None at flat index " + i);
            }
            return s.trim();
        }
        double x = a.getDouble(i);
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /**
     * One regression target per sample from a label array of shape {@code (N,)}, {@code (N, 1)} or
     * {@code (N, 1, 1)}, checked finite and within {@code [min, max]}.
     */
    float[][] regressionTargets(SplitName split, String field, NumpyArray y, double min, double max) {
        if (!y.isNumeric() || y.ndim() < 1 || y.size() != y.dim(0)) {
            throw InvalidDataException.of(file, split, field, "numeric labels of shape (N,), (N, 1) or (N, 1, 1)", PickleValues.describe(y));
        }
        int n = y.dim(0);
        float[][] out = new float[n][1];
        for (int i = 0; i < n; i++) {
            double v = y.getDouble(i);
            if (!Double.isFinite(v) || v < min || v > max) {
                throw InvalidDataException.of(file, split, field, "finite labels in [" + min + ", " + max + "]", v + " at sample " + i);
            }
            out[i][0] = (float) v;
        }
        return out;
    }

    // ------------------------------------------------------------------ frames

    /** Frames with any non-zero feature are valid; all-zero frames are padding. */
    static FrameValidity nonZeroFrames() {
        return new FrameValidity() {
            @Override
            public void apply(int i, float[] values, int dim, boolean[] valid) {
                for (int t = 0; t < valid.length; t++) {
                    boolean any = false;
                    for (int j = t * dim, end = j + dim; j < end && !any; j++) {
                        any = values[j] != 0f;
                    }
                    valid[t] = any;
                }
            }

            @Override
            public String rule() {
                return "all features zero";
            }
        };
    }

    /** The first {@code lengths[i]} frames of sample i are valid, the rest padding. */
    static FrameValidity prefix(int[] lengths, String field) {
        return new FrameValidity() {
            @Override
            public void apply(int i, float[] values, int dim, boolean[] valid) {
                java.util.Arrays.fill(valid, 0, lengths[i], true);
            }

            @Override
            public String rule() {
                return "beyond " + field;
            }
        };
    }

    /** Frame t of sample i is valid when {@code mask[i, row, t] != 0} in an (N, rows, T) array. */
    static FrameValidity mask(NumpyArray mask, int row, String description) {
        int rows = mask.dim(1);
        int t = mask.dim(2);
        return new FrameValidity() {
            @Override
            public void apply(int i, float[] values, int dim, boolean[] valid) {
                int base = (i * rows + row) * t;
                for (int k = 0; k < t; k++) {
                    valid[k] = mask.getDouble(base + k) != 0;
                }
            }

            @Override
            public String rule() {
                return description;
            }
        };
    }

    /**
     * Cuts an {@code (N, T, d)} feature array into per-sample sequences: NaN and +/-inf set to 0 and
     * counted, then validity by {@code validity}, padding frames and samples without valid frames
     * counted. Stores the result in the split's data.
     */
    void frames(SplitName split, Modality m, NumpyArray x, FrameValidity validity) {
        SplitData data = splits.get(split);
        int n = x.dim(0);
        int t = x.dim(1);
        int d = x.dim(2);
        int per = t * d;
        FrameSequence[] out = new FrameSequence[n];
        long padding = 0;
        long empty = 0;
        for (int i = 0; i < n; i++) {
            float[] v = new float[per];
            x.copyFloats(i * per, v, 0, per);
            report.sanitize(split, m, v);
            boolean[] valid = new boolean[t];
            validity.apply(i, v, d, valid);
            FrameSequence seq = new FrameSequence(t, d, v, valid);
            padding += t - seq.validCount();
            if (seq.validCount() == 0) {
                empty++;
            }
            out[i] = seq;
        }
        report.count(split.key() + "/" + m.key() + ": padding frames (" + validity.rule() + ")", padding);
        if (empty > 0) {
            report.count(split.key() + "/" + m.key() + ": samples without a valid frame", empty);
        }
        data.modalities.put(m, out);
    }

    /** Starts a split of {@code n} samples. */
    SplitData split(SplitName split, int n) {
        SplitData d = new SplitData(n);
        splits.put(split, d);
        return d;
    }

    // ------------------------------------------------------------------ finishing

    /**
     * Makes ids unique, builds the samples, schema and dataset. Ids missing from the file become
     * {@code <split>_<index>} ({@code train_00042}); an id already used earlier in the file (train, then
     * valid, then test) becomes {@code <id>#<split>_<index>}. Both are counted in the report.
     */
    MultimodalDataset finish(String name, Task task, List<String> labelNames, double[] labelRange) {
        Set<String> used = new HashSet<>();
        EnumMap<SplitName, List<MultimodalSample>> samples = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            SplitData data = splits.get(s);
            String[] ids = uniqueIds(s, data, used);
            List<MultimodalSample> list = new ArrayList<>(data.size);
            for (int i = 0; i < data.size; i++) {
                EnumMap<Modality, FrameSequence> seqs = new EnumMap<>(Modality.class);
                for (Map.Entry<Modality, FrameSequence[]> e : data.modalities.entrySet()) {
                    seqs.put(e.getKey(), e.getValue()[i]);
                }
                list.add(new MultimodalSample(ids[i], seqs, data.targets[i]));
            }
            samples.put(s, list);
            data.modalities.clear();
        }
        DatasetSchema.Builder b = DatasetSchema.builder(name, task).labels(labelNames);
        shapes.forEach((m, td) -> b.modality(m, td[0], td[1]));
        if (labelRange != null) {
            b.labelRange(labelRange[0], labelRange[1]);
        }
        parameter("samples", "train=" + samples.get(SplitName.TRAIN).size() + ", valid=" + samples.get(SplitName.VALID).size()
                + ", test=" + samples.get(SplitName.TEST).size());
        step("non-finite feature values (NaN, +inf, -inf) set to 0 and counted per split and modality");
        DataOrigin origin = sha256 == null ? DataOrigin.ofFile(file, format, steps, parameters) : origin();
        MultimodalDataset ds = new MultimodalDataset(b.build(), samples, origin, report);
        LOG.info(() -> "Loaded " + ds + ": " + report.totalNonFinite() + " non-finite feature values set to 0");
        LOG.fine(() -> "Load report of " + file + ":\n  " + String.join("\n  ", report.lines()));
        return ds;
    }

    private DataOrigin origin() {
        try {
            return new DataOrigin(file.toAbsolutePath().normalize().toString(), sha256, Files.getLastModifiedTime(file).toInstant(),
                    format, steps, parameters);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the modification time of " + file, e);
        }
    }

    private String[] uniqueIds(SplitName s, SplitData data, Set<String> used) {
        String[] ids = new String[data.size];
        long generated = 0;
        long renamed = 0;
        for (int i = 0; i < data.size; i++) {
            String tag = String.format(java.util.Locale.ROOT, "%s_%05d", s.key(), i);
            String id;
            if (data.rawIds == null || data.rawIds[i] == null || data.rawIds[i].isEmpty()) {
                id = tag;
                generated++;
            } else if (used.contains(data.rawIds[i])) {
                id = data.rawIds[i] + "#" + tag;
                renamed++;
            } else {
                id = data.rawIds[i];
            }
            while (!used.add(id)) {
                id = id + "'";
            }
            ids[i] = id;
        }
        if (generated > 0) {
            report.count(s.key() + ": ids generated as <split>_<index> (no id in the file)", generated);
        }
        if (renamed > 0) {
            report.count(s.key() + ": duplicate ids made unique as <id>#<split>_<index>", renamed);
        }
        return ids;
    }

    /** An error about this file. */
    InvalidDataException error(SplitName split, String field, String expected, String found) {
        return InvalidDataException.of(file, split, field, expected, found);
    }
}
