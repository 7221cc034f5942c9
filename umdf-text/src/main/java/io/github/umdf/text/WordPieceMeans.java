package io.github.umdf.text;

/**
 * From word pieces back to words: the vector of word {@code w} is the mean of the rows of the pieces
 * whose word id is {@code w} (the tokenizer's {@code word_ids}: -1 for {@code [CLS]}, {@code [SEP]}
 * and padding, which belong to no word). A word with no piece (nothing the tokenizer keeps) gets
 * zeros. Pure arithmetic on arrays, accumulated in double.
 */
public final class WordPieceMeans {
    private WordPieceMeans() {
    }

    /**
     * Per word the mean of its pieces' rows.
     *
     * @param pieces  {@code [T][D]} one row per piece
     * @param wordIds {@code [T]} the word of each piece, or a negative number for none
     * @param words   the number of words
     * @return {@code [words][D]}
     * @throws IllegalArgumentException when the lengths differ or a word id is not below {@code words}
     */
    public static float[][] perWord(float[][] pieces, long[] wordIds, int words) {
        if (pieces.length != wordIds.length) {
            throw new IllegalArgumentException("Expected one word id per piece (" + pieces.length + " pieces), found " + wordIds.length);
        }
        int d = pieces.length == 0 ? 0 : pieces[0].length;
        double[][] sum = new double[words][d];
        int[] n = piecesPerWord(wordIds, words);
        for (int t = 0; t < pieces.length; t++) {
            if (wordIds[t] >= 0) {
                double[] s = sum[(int) wordIds[t]];
                for (int j = 0; j < d; j++) {
                    s[j] += pieces[t][j];
                }
            }
        }
        float[][] out = new float[words][d];
        for (int w = 0; w < words; w++) {
            if (n[w] > 0) {
                for (int j = 0; j < d; j++) {
                    out[w][j] = (float) (sum[w][j] / n[w]);
                }
            }
        }
        return out;
    }

    /**
     * How many pieces each word has.
     *
     * @throws IllegalArgumentException when a word id is not below {@code words}
     */
    public static int[] piecesPerWord(long[] wordIds, int words) {
        int[] n = new int[words];
        for (long id : wordIds) {
            if (id >= words) {
                throw new IllegalArgumentException("Expected word ids below " + words + ", found " + id);
            }
            if (id >= 0) {
                n[(int) id]++;
            }
        }
        return n;
    }
}
