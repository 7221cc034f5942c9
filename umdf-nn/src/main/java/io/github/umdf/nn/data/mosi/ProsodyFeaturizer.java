package io.github.umdf.nn.data.mosi;

import java.util.List;

/**
 * The "audio" features of {@code umdf data mosi-sdk}: word-timing prosody read off the forced
 * alignment of the word file, one frame per spoken word on the language time axis. They are timing
 * only: the SDK files used hold no acoustic signal, so there is no pitch, energy or voice quality
 * here, and the modality should be reported as word-timing prosody, not as COVAREP-like audio.
 *
 * <pre>
 * column  name                  value
 * 0       log_duration          ln(word duration in s), duration floored at 0.01 s
 * 1       log_pause_before      ln(1 + min(pause before, 5 s) / 0.1 s): silence since the previous spoken
 *                               word of the video ('sp' intervals and gaps between intervals; segment
 *                               boundaries ignored); the first word of a video counts as a 5 s pause
 * 2       log_pause_after       the same for the silence until the next spoken word of the video
 * 3       log_speech_rate       ln(words per second) over the window of up to 5 words (2 before, the
 *                               word, 2 after) within the segment: words / (last end - first start),
 *                               span floored at 0.01 s
 * 4       relative_lengthening  ln((duration / letters) / speaker median of duration / letters): above 0
 *                               when the word is drawn out compared with how this video's speaker
 *                               usually talks (letters = letters and digits of the token, at least 1)
 * 5       position              word index / (words in the segment - 1); 0 for a one-word segment
 * </pre>
 *
 * Values are computed over the whole segment before truncation to the maximum length. With the
 * MOSI files the pause cap of 5 s is reached only at video edges (the longest pause between two
 * spoken words is about 4.3 s).
 */
public final class ProsodyFeaturizer {
    /** Number of columns. */
    public static final int DIM = 6;
    /** Pauses are capped at this many seconds. */
    public static final double PAUSE_CAP_SECONDS = 5.0;
    /** Pauses are measured in units of this many seconds inside the logarithm. */
    public static final double PAUSE_UNIT_SECONDS = 0.1;
    /** Durations and spans are floored at this many seconds before taking logarithms. */
    public static final double MIN_SECONDS = 0.01;
    /** Words on each side of the speech-rate window. */
    public static final int RATE_HALF_WINDOW = 2;

    private static final List<String> COLUMN_NAMES = List.of("log_duration", "log_pause_before", "log_pause_after",
            "log_speech_rate", "relative_lengthening", "position");

    /** A featurizer; it holds no state. */
    public ProsodyFeaturizer() {
    }

    /** Columns per frame, {@value #DIM}. */
    public int dim() {
        return DIM;
    }

    /** Column names in order. */
    public List<String> columnNames() {
        return COLUMN_NAMES;
    }

    /** The frames of one segment's spoken words, one row of {@value #DIM} columns per word, in order. */
    public float[][] features(MosiSegment segment) {
        List<TimedWord> words = segment.timedWords();
        int n = words.size();
        float[][] out = new float[n][DIM];
        double speaker = segment.speakerSecondsPerLetter();
        for (int i = 0; i < n; i++) {
            TimedWord w = words.get(i);
            float[] row = out[i];
            double duration = Math.max(w.duration(), MIN_SECONDS);
            row[0] = (float) Math.log(duration);
            row[1] = (float) pause(w.pauseBefore());
            row[2] = (float) pause(w.pauseAfter());
            int lo = Math.max(0, i - RATE_HALF_WINDOW);
            int hi = Math.min(n - 1, i + RATE_HALF_WINDOW);
            double span = Math.max(words.get(hi).end() - words.get(lo).start(), MIN_SECONDS);
            row[3] = (float) Math.log((hi - lo + 1) / span);
            double perLetter = duration / w.letters();
            row[4] = speaker > 0 ? (float) Math.log(perLetter / speaker) : 0f;
            row[5] = n == 1 ? 0f : (float) i / (n - 1);
        }
        return out;
    }

    /** {@code ln(1 + min(p, 5 s) / 0.1 s)}; an infinite pause counts as the cap. */
    static double pause(double seconds) {
        return Math.log1p(Math.min(seconds, PAUSE_CAP_SECONDS) / PAUSE_UNIT_SECONDS);
    }

    @Override
    public String toString() {
        return "ProsodyFeaturizer(" + COLUMN_NAMES + ")";
    }
}
