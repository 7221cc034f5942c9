package io.github.umdf.nn.data.mosi;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashedWordEmbeddingTest {
    /** {@code Arrays.hashCode} of the default embedding of "good". */
    private static final int GOOD_HASH = 1575612998;

    private final HashedWordEmbedding e = new HashedWordEmbedding(LanguageFeaturizer.DEFAULT_HASH_DIM, MosiSdkOptions.DEFAULT_HASH_SEED);

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }

    @Test
    void hashPrimitivesMatchTheirReferenceVectors() {
        assertEquals(0xcbf29ce484222325L, HashedWordEmbedding.fnv1a64(new byte[0]));
        assertEquals(0xaf63dc4c8601ec8cL, HashedWordEmbedding.fnv1a64("a".getBytes(StandardCharsets.UTF_8)));
        // SplitMix64 seeded with 0: its first output is mix64 of the golden gamma.
        assertEquals(0xe220a8397b1dcdafL, HashedWordEmbedding.mix64(0x9e3779b97f4a7c15L));
    }

    @Test
    void deterministicUnitVectorsThatIgnoreCase() {
        float[] good = e.embed("good");
        assertArrayEquals(good, new HashedWordEmbedding(289, 42).embed("good"));
        assertArrayEquals(good, e.embed(" Good "));
        assertEquals(1.0, dot(good, good), 1e-6);
        assertEquals(289, good.length);
        // Pinned: a change here changes every data set built by mosi-sdk; raise MosiSdkBuilder.FEATURIZER_VERSION.
        assertEquals(GOOD_HASH, java.util.Arrays.hashCode(good));
    }

    @Test
    void differentWordsDifferAndSharedSubwordsAreCloser() {
        float[] sad = e.embed("sad");
        float[] sadness = e.embed("sadness");
        float[] good = e.embed("good");
        float[] movie = e.embed("movie");
        assertFalse(java.util.Arrays.equals(good, movie));
        assertTrue(Math.abs(dot(good, movie)) < 0.15, "unrelated words are nearly orthogonal: " + dot(good, movie));
        assertTrue(Math.abs(dot(sad, good)) < 0.15, "unrelated words are nearly orthogonal: " + dot(sad, good));
        assertTrue(dot(sad, sadness) > 0.15, "sad and sadness share <sa and sad: " + dot(sad, sadness));
        assertTrue(dot(sad, sadness) > dot(sad, good) + 0.1);
    }

    @Test
    void theSeedChangesTheVectorsAndBlankWordsAreZero() {
        assertFalse(java.util.Arrays.equals(e.embed("good"), new HashedWordEmbedding(289, 43).embed("good")));
        assertArrayEquals(new float[289], e.embed("  "));
        float[] dst = new float[300];
        e.embedInto("good", dst, 11);
        for (int j = 0; j < 289; j++) {
            assertEquals(e.embed("good")[j], dst[11 + j]);
        }
        assertThrows(IllegalArgumentException.class, () -> new HashedWordEmbedding(0, 1));
    }
}
