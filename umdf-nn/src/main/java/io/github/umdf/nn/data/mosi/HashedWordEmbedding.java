package io.github.umdf.nn.data.mosi;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A deterministic word embedding without training or downloads: signed feature hashing
 * (Weinberger et al., ICML 2009) of the lower-cased word and of its character 3-grams (as in
 * fastText, Bojanowski et al. 2017), L2-normalised.
 *
 * <p>For a word {@code w} (trimmed, lower-cased with {@link Locale#ROOT}) the features are
 * <ul>
 *   <li>the whole word, string {@code "w:" + w}, weight 1;</li>
 *   <li>each character 3-gram {@code g} of {@code "<" + w + ">"} (by code point, so a word of
 *       {@code L} characters has {@code L} 3-grams), string {@code "g:" + g}, weight
 *       {@code 1 / sqrt(L)} (the 3-grams together weigh as much as the word).</li>
 * </ul>
 * Feature string {@code f} goes to dimension {@code (h >>> 1) mod D} with sign {@code +1} when the
 * lowest bit of {@code h} is 0 and {@code -1} otherwise, where
 * {@code h = mix64(fnv1a64(utf8(f)) XOR mix64(seed))}, {@code fnv1a64} is 64-bit FNV-1a and
 * {@code mix64} the SplitMix64 finaliser. The summed vector is divided by its L2 norm.
 *
 * <p>Consequences: the same word always gets the same unit vector for a given {@code (D, seed)}; two
 * different words share no whole-word feature, so their vectors are nearly orthogonal (cosine of order
 * {@code 1/sqrt(D)} apart from shared 3-grams); words sharing sub-words ({@code sad}, {@code sadly},
 * {@code sadness}) share 3-grams and have cosine well above that. No semantics beyond spelling is
 * encoded; the lexicon columns of {@link LanguageFeaturizer} bring the sentiment knowledge.
 */
public final class HashedWordEmbedding {
    private final int dim;
    private final long seed;
    private final long seedMix;

    /**
     * @param dim  the number of dimensions {@code D}, at least 1
     * @param seed the hashing seed
     */
    public HashedWordEmbedding(int dim, long seed) {
        if (dim < 1) {
            throw new IllegalArgumentException("Expected a hashed embedding dimension >= 1, found " + dim);
        }
        this.dim = dim;
        this.seed = seed;
        this.seedMix = mix64(seed);
    }

    /** The number of dimensions {@code D}. */
    public int dim() {
        return dim;
    }

    /** The hashing seed. */
    public long seed() {
        return seed;
    }

    /** The unit vector of a word (all zeros for a blank word). */
    public float[] embed(String word) {
        float[] out = new float[dim];
        embedInto(word, out, 0);
        return out;
    }

    /** Writes the unit vector of a word into {@code dst[offset .. offset + D)}, which must hold zeros. */
    public void embedInto(String word, float[] dst, int offset) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        if (w.isEmpty()) {
            return;
        }
        double[] acc = new double[dim];
        add(acc, "w:" + w, 1.0);
        int[] cps = ("<" + w + ">").codePoints().toArray();
        int grams = cps.length - 2;
        double weight = 1.0 / Math.sqrt(grams);
        for (int i = 0; i < grams; i++) {
            add(acc, "g:" + new String(cps, i, 3), weight);
        }
        double norm = 0;
        for (double v : acc) {
            norm += v * v;
        }
        if (norm == 0) {
            return;
        }
        double inv = 1.0 / Math.sqrt(norm);
        for (int j = 0; j < dim; j++) {
            dst[offset + j] = (float) (acc[j] * inv);
        }
    }

    private void add(double[] acc, String feature, double weight) {
        long h = mix64(fnv1a64(feature.getBytes(StandardCharsets.UTF_8)) ^ seedMix);
        int index = (int) ((h >>> 1) % dim);
        acc[index] += (h & 1L) == 0 ? weight : -weight;
    }

    /** 64-bit FNV-1a of a byte string. */
    static long fnv1a64(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "HashedWordEmbedding(D=" + dim + ", seed=" + seed + ")";
    }
}
