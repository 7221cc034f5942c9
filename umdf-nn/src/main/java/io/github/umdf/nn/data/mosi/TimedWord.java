package io.github.umdf.nn.data.mosi;

import java.util.Locale;
import java.util.Objects;

/**
 * One spoken word of a transcript with its forced-alignment interval (after the MOSI word-offset
 * fix) and the silences around it: the pause before is the time from the end of the previous spoken
 * word of the <em>video</em> (silence tokens {@code sp} and gaps between intervals included, segment
 * boundaries ignored) to this word's start, the pause after the time from this word's end to the next
 * spoken word's start. A word without a previous (next) spoken word in the video has an infinite
 * pause before (after). Immutable.
 */
public final class TimedWord {
    private final String token;
    private final double start;
    private final double end;
    private final double pauseBefore;
    private final double pauseAfter;

    /**
     * @param token       the word as written in the word file
     * @param start       start of its interval, seconds
     * @param end         end of its interval, seconds ({@code >= start})
     * @param pauseBefore seconds of silence before it ({@code >= 0}, possibly infinite)
     * @param pauseAfter  seconds of silence after it ({@code >= 0}, possibly infinite)
     */
    public TimedWord(String token, double start, double end, double pauseBefore, double pauseAfter) {
        this.token = Objects.requireNonNull(token, "token");
        if (!(start <= end) || !(pauseBefore >= 0) || !(pauseAfter >= 0)) {
            throw new IllegalArgumentException("Expected start <= end and pauses >= 0, found '" + token + "' [" + start + ", " + end
                    + "], pauses " + pauseBefore + ", " + pauseAfter);
        }
        this.start = start;
        this.end = end;
        this.pauseBefore = pauseBefore;
        this.pauseAfter = pauseAfter;
    }

    /** The word as written in the word file. */
    public String token() {
        return token;
    }

    /** Start of the word's interval, seconds. */
    public double start() {
        return start;
    }

    /** End of the word's interval, seconds. */
    public double end() {
        return end;
    }

    /** Duration of the word, seconds. */
    public double duration() {
        return end - start;
    }

    /** Silence before the word, seconds; infinite for the first spoken word of a video. */
    public double pauseBefore() {
        return pauseBefore;
    }

    /** Silence after the word, seconds; infinite for the last spoken word of a video. */
    public double pauseAfter() {
        return pauseAfter;
    }

    /** Letters and digits of the token, at least 1: the length unit of speaker-relative lengthening. */
    public int letters() {
        int n = (int) token.codePoints().filter(Character::isLetterOrDigit).count();
        return Math.max(1, n);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TimedWord)) {
            return false;
        }
        TimedWord t = (TimedWord) o;
        return token.equals(t.token) && start == t.start && end == t.end && pauseBefore == t.pauseBefore && pauseAfter == t.pauseAfter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(token, start, end, pauseBefore, pauseAfter);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[%.3f, %.3f]", token, start, end);
    }
}
