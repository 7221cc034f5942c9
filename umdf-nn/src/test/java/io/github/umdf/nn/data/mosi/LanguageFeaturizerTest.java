package io.github.umdf.nn.data.mosi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageFeaturizerTest {
    @TempDir
    static Path dir;
    private static LanguageFeaturizer featurizer;
    private static final int D = 16;

    @BeforeAll
    static void featurizer() throws IOException {
        VaderLexicon lex = VaderLexicon.read(Files.writeString(dir.resolve("mini.txt"),
                "good\t1.9\t0.9434\nsad\t-2.1\t0.9434\nno\t-1.2\t0.74833\n"));
        featurizer = new LanguageFeaturizer(new HashedWordEmbedding(D, 7), lex);
    }

    private static float col(float[][] f, int word, int column) {
        return f[word][D + column];
    }

    @Test
    void layoutIsHashedPartThenElevenNamedColumns() {
        assertEquals(D + 11, featurizer.dim());
        List<String> names = featurizer.columnNames();
        assertEquals(D + 11, names.size());
        assertEquals("hash[0]", names.get(0));
        assertEquals("valence", names.get(D));
        assertEquals("filler", names.get(D + 10));
        assertEquals(300, new LanguageFeaturizer(new HashedWordEmbedding(LanguageFeaturizer.DEFAULT_HASH_DIM, 1),
                VaderLexicon.empty()).dim());
    }

    @Test
    void lexiconAndRuleColumnsOfASentence() {
        //                                   0  1     2   3    4    5   6    7   8
        List<String> words = Arrays.asList("um", "it", "was", "not", "really", "good", "but", "so", "sad");
        float[][] f = featurizer.features(words);
        assertEquals(9, f.length);
        assertArrayEquals(new HashedWordEmbedding(D, 7).embed("good"), Arrays.copyOf(f[5], D));
        assertEquals(1.9f / 4, col(f, 5, LanguageFeaturizer.VALENCE), 1e-7);
        assertEquals(-2.1f / 4, col(f, 8, LanguageFeaturizer.VALENCE), 1e-7);
        assertEquals(0f, col(f, 1, LanguageFeaturizer.VALENCE));
        assertEquals(0.9434f / 4, col(f, 5, LanguageFeaturizer.SPREAD), 1e-7);
        assertEquals(1f, col(f, 5, LanguageFeaturizer.IN_LEXICON));
        assertEquals(0f, col(f, 4, LanguageFeaturizer.IN_LEXICON));
        assertEquals(1f, col(f, 3, LanguageFeaturizer.NEGATION));
        assertEquals(0f, col(f, 5, LanguageFeaturizer.NEGATION));
        assertEquals(1f, col(f, 4, LanguageFeaturizer.BOOSTER));
        assertEquals(1f, col(f, 7, LanguageFeaturizer.BOOSTER));
        assertEquals(0f, col(f, 5, LanguageFeaturizer.BOOSTER));
        assertEquals(0f, col(f, 3, LanguageFeaturizer.NEGATED_CONTEXT));
        assertEquals(1f, col(f, 4, LanguageFeaturizer.NEGATED_CONTEXT));
        assertEquals(1f, col(f, 6, LanguageFeaturizer.NEGATED_CONTEXT));
        assertEquals(0f, col(f, 7, LanguageFeaturizer.NEGATED_CONTEXT), "the negation is 4 words back");
        // "not really good" before "but": (1.9 + 0.293 boosted at distance 1, then x-0.74 by "not" at distance 2) x 0.5
        double good = (1.9 + VaderRules.B_INCR) * VaderRules.N_SCALAR * 0.5;
        double sad = (-2.1 - VaderRules.B_INCR) * 1.5;
        assertEquals((float) (good / 4), col(f, 5, LanguageFeaturizer.CONTEXTUAL_VALENCE), 1e-7);
        assertEquals((float) (sad / 4), col(f, 8, LanguageFeaturizer.CONTEXTUAL_VALENCE), 1e-7);
        assertEquals(0f, col(f, 6, LanguageFeaturizer.AFTER_BUT));
        assertEquals(1f, col(f, 7, LanguageFeaturizer.AFTER_BUT));
        float compound = (float) VaderRules.normalize(good + sad);
        for (int i = 0; i < 9; i++) {
            assertEquals(compound, col(f, i, LanguageFeaturizer.SEGMENT_COMPOUND), "same on every frame");
            assertEquals(i / 8f, col(f, i, LanguageFeaturizer.POSITION), 1e-7);
        }
        assertEquals(1f, col(f, 0, LanguageFeaturizer.FILLER));
        assertEquals(0f, col(f, 1, LanguageFeaturizer.FILLER));
    }

    @Test
    void edgeCases() {
        assertEquals(0, featurizer.features(List.of()).length);
        float[][] one = featurizer.features(List.of("Good"));
        assertEquals(0f, col(one, 0, LanguageFeaturizer.POSITION));
        assertEquals(1.9f / 4, col(one, 0, LanguageFeaturizer.VALENCE), 1e-7, "case-insensitive");
        LanguageFeaturizer noLexicon = new LanguageFeaturizer(new HashedWordEmbedding(D, 7), VaderLexicon.empty());
        float[][] f = noLexicon.features(List.of("not", "good"));
        assertEquals(0f, col(f, 1, LanguageFeaturizer.VALENCE));
        assertEquals(0f, col(f, 1, LanguageFeaturizer.SEGMENT_COMPOUND));
        assertEquals(1f, col(f, 0, LanguageFeaturizer.NEGATION), "the rule lists need no lexicon file");
        assertEquals(1f, col(f, 1, LanguageFeaturizer.NEGATED_CONTEXT));
    }
}
