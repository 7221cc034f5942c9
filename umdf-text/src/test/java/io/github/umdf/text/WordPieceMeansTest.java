package io.github.umdf.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The word-piece-to-word mean on hand-computed numbers. */
class WordPieceMeansTest {
    @Test
    void aWordGetsTheMeanOfItsPiecesAndSpecialTokensBelongToNoWord() {
        float[][] pieces = {
                {9, 9},   // [CLS]
                {1, 2},   // un     word 0
                {3, 4},   // ##bel  word 0
                {5, 0},   // ##ly   word 0
                {2, -2},  // good   word 1
                {9, 9}};  // [SEP]
        long[] wordIds = {-1, 0, 0, 0, 1, -1};
        float[][] words = WordPieceMeans.perWord(pieces, wordIds, 3);
        // word 0: ([1, 2] + [3, 4] + [5, 0]) / 3 = [9, 6] / 3 = [3, 2]
        assertArrayEquals(new float[] {3, 2}, words[0]);
        assertArrayEquals(new float[] {2, -2}, words[1]);
        assertArrayEquals(new float[] {0, 0}, words[2], "a word without pieces: zeros");
        assertArrayEquals(new int[] {3, 1, 0}, WordPieceMeans.piecesPerWord(wordIds, 3));
    }

    @Test
    void mismatchedInputsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WordPieceMeans.perWord(new float[2][1], new long[] {0}, 1));
        assertEquals("Expected one word id per piece (2 pieces), found 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> WordPieceMeans.perWord(new float[1][1], new long[] {1}, 1));
        assertEquals("Expected word ids below 1, found 1", e.getMessage());
    }
}
