package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.csd.CsdSequence;
import io.github.umdf.nn.data.csd.IntervalAligner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The spoken words of one video's word sequence with their intervals after the word-offset fix:
 * with the shift, word row {@code r} was spoken in interval {@code r - 1}, so row 0 (no interval) is
 * left out; without it, row {@code r} has interval {@code r}. Silence rows ({@code sp}) are left out
 * of the words but their time counts in the pauses of {@link TimedWord}.
 */
final class MosiTranscript {
    private final List<TimedWord> words;
    /** Per word-file row, the index into {@link #words}, or -1 for silence and unpaired rows. */
    private final int[] wordOfRow;
    private final double secondsPerLetter;

    private MosiTranscript(List<TimedWord> words, int[] wordOfRow, double secondsPerLetter) {
        this.words = words;
        this.wordOfRow = wordOfRow;
        this.secondsPerLetter = secondsPerLetter;
    }

    /** The transcript of a token sequence; {@code shift} applies the MOSI word-offset fix. */
    static MosiTranscript of(CsdSequence.Video tokens, boolean shift) {
        int n = tokens.size();
        int s = shift ? 1 : 0;
        int[] wordOfRow = new int[n];
        Arrays.fill(wordOfRow, -1);
        List<String> text = new ArrayList<>();
        List<double[]> spans = new ArrayList<>();
        for (int r = s; r < n; r++) {
            String token = tokens.token(r);
            if (!IntervalAligner.isSilence(token)) {
                wordOfRow[r] = text.size();
                text.add(token.trim());
                spans.add(new double[] {tokens.start(r - s), tokens.end(r - s)});
            }
        }
        int m = text.size();
        List<TimedWord> words = new ArrayList<>(m);
        double[] perLetter = new double[m];
        for (int i = 0; i < m; i++) {
            double[] span = spans.get(i);
            double before = i == 0 ? Double.POSITIVE_INFINITY : Math.max(0, span[0] - spans.get(i - 1)[1]);
            double after = i == m - 1 ? Double.POSITIVE_INFINITY : Math.max(0, spans.get(i + 1)[0] - span[1]);
            TimedWord w = new TimedWord(text.get(i), span[0], span[1], before, after);
            words.add(w);
            perLetter[i] = Math.max(w.duration(), ProsodyFeaturizer.MIN_SECONDS) / w.letters();
        }
        return new MosiTranscript(words, wordOfRow, median(perLetter));
    }

    /** A transcript without words, for a video absent from the word file. */
    static MosiTranscript empty() {
        return new MosiTranscript(List.of(), new int[0], Double.NaN);
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : (s[h - 1] + s[h]) / 2;
    }

    /** Number of spoken words. */
    int size() {
        return words.size();
    }

    /** The word of a word-file row, or -1 for a silence or unpaired row. */
    int wordOfRow(int row) {
        return wordOfRow[row];
    }

    /** Spoken word {@code i}. */
    TimedWord word(int i) {
        return words.get(i);
    }

    /** Median duration per letter over the spoken words (durations floored as in {@link ProsodyFeaturizer}); NaN without words. */
    double secondsPerLetter() {
        return secondsPerLetter;
    }
}
