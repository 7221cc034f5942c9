package io.github.umdf.nn.data.mosi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of {@link MosiSdkBuilder}, with documented defaults; immutable ({@code withX} returns
 * a copy). Every setting in use is recorded in the data set's origin.
 *
 * <pre>
 * setting     default    meaning
 * maxWords    50         frames per sample T (MulT/MMSA aligned_50); shorter segments are end-padded
 * truncation  keep-last  which words of a longer segment are kept ({@link Truncation})
 * hashDim     289        hashed embedding dimension D; the language frame has D + 11 = 300 columns
 * hashSeed    42         seed of the feature hashing ({@link HashedWordEmbedding})
 * </pre>
 * {@code hashDim} and {@code hashSeed} set the default {@link HashedTextEncoder}; another text encoder
 * ({@link MosiSdkBuilder#text}) has settings of its own.
 */
public final class MosiSdkOptions {
    /** Default frames per sample. */
    public static final int DEFAULT_MAX_WORDS = 50;
    /** Default hashing seed. */
    public static final long DEFAULT_HASH_SEED = 42L;

    private static final MosiSdkOptions DEFAULTS = new MosiSdkOptions(DEFAULT_MAX_WORDS, Truncation.KEEP_LAST,
            LanguageFeaturizer.DEFAULT_HASH_DIM, DEFAULT_HASH_SEED);

    private final int maxWords;
    private final Truncation truncation;
    private final int hashDim;
    private final long hashSeed;

    private MosiSdkOptions(int maxWords, Truncation truncation, int hashDim, long hashSeed) {
        if (maxWords < 1) {
            throw new IllegalArgumentException("Expected maxWords >= 1, found " + maxWords);
        }
        if (hashDim < 1) {
            throw new IllegalArgumentException("Expected hashDim >= 1, found " + hashDim);
        }
        this.maxWords = maxWords;
        this.truncation = Objects.requireNonNull(truncation, "truncation");
        this.hashDim = hashDim;
        this.hashSeed = hashSeed;
    }

    /** The defaults of the class comment. */
    public static MosiSdkOptions defaults() {
        return DEFAULTS;
    }

    /** Frames per sample {@code T}. */
    public int maxWords() {
        return maxWords;
    }

    /** Which words of a longer segment are kept. */
    public Truncation truncation() {
        return truncation;
    }

    /** Hashed embedding dimension {@code D}. */
    public int hashDim() {
        return hashDim;
    }

    /** Feature hashing seed. */
    public long hashSeed() {
        return hashSeed;
    }

    /** A copy with another maximum length ({@code >= 1}). */
    public MosiSdkOptions withMaxWords(int t) {
        return new MosiSdkOptions(t, truncation, hashDim, hashSeed);
    }

    /** A copy with another truncation side. */
    public MosiSdkOptions withTruncation(Truncation t) {
        return new MosiSdkOptions(maxWords, t, hashDim, hashSeed);
    }

    /** A copy with another hashed dimension ({@code >= 1}). */
    public MosiSdkOptions withHashDim(int d) {
        return new MosiSdkOptions(maxWords, truncation, d, hashSeed);
    }

    /** The settings as origin parameters. */
    public Map<String, String> asParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("maxWords", Integer.toString(maxWords));
        p.put("truncation", truncation.key());
        p.put("hashDim", Integer.toString(hashDim));
        p.put("hashSeed", Long.toString(hashSeed));
        return p;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MosiSdkOptions)) {
            return false;
        }
        MosiSdkOptions x = (MosiSdkOptions) o;
        return maxWords == x.maxWords && truncation == x.truncation && hashDim == x.hashDim && hashSeed == x.hashSeed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maxWords, truncation, hashDim, hashSeed);
    }

    @Override
    public String toString() {
        return "MosiSdkOptions" + asParameters();
    }
}
