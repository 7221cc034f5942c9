package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.SplitName;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One labelled CMU-MOSI opinion segment as {@link MosiSdkBuilder} assembles it, before features:
 * its video, its position in time order, its split, interval, sentiment label and spoken words.
 *
 * <p>Identity: the id is {@code <video>[<index>]}, where {@code index} is the 0-based position of the
 * segment among its video's labelled segments ordered by start time (a stable sort: segments
 * starting together keep their order in the label file). The id therefore depends on the label
 * file only, not on the word file, the folds or the featurizer.
 *
 * <p>Words: every spoken word whose interval midpoint lies in {@code [start, end)}, after the MOSI
 * word-offset fix, in time order, with silence tokens ({@code sp}) left out; empty for the two MOSI
 * segments that receive no word. {@link #speakerSecondsPerLetter()} is the median over all spoken
 * words of the video of duration per letter, the reference of speaker-relative lengthening.
 */
public final class MosiSegment {
    private final String videoId;
    private final int index;
    private final SplitName split;
    private final double start;
    private final double end;
    private final float label;
    private final List<TimedWord> words;
    private final double speakerSecondsPerLetter;

    /**
     * @param videoId                 the video id
     * @param index                   0-based position among the video's segments by start time
     * @param split                   the split of the video in the standard folds
     * @param start                   segment start, seconds
     * @param end                     segment end, seconds
     * @param label                   sentiment in [-3, 3]
     * @param words                   the spoken words, in time order; copied
     * @param speakerSecondsPerLetter median duration per letter over the video's spoken words (NaN if it has none)
     */
    public MosiSegment(String videoId, int index, SplitName split, double start, double end, float label, List<TimedWord> words,
                       double speakerSecondsPerLetter) {
        this.videoId = Objects.requireNonNull(videoId, "videoId");
        if (index < 0) {
            throw new IllegalArgumentException("Expected a segment index >= 0, found " + index);
        }
        this.index = index;
        this.split = Objects.requireNonNull(split, "split");
        this.start = start;
        this.end = end;
        this.label = label;
        this.words = Collections.unmodifiableList(new ArrayList<>(words));
        this.speakerSecondsPerLetter = speakerSecondsPerLetter;
    }

    /** The sample id, {@code <video>[<index>]}. */
    public String id() {
        return id(videoId, index);
    }

    /** The id of segment {@code index} of a video: {@code <video>[<index>]}. */
    public static String id(String videoId, int index) {
        return videoId + "[" + index + "]";
    }

    /** The video id. */
    public String videoId() {
        return videoId;
    }

    /** The 0-based position of the segment among its video's segments by start time. */
    public int index() {
        return index;
    }

    /** The split. */
    public SplitName split() {
        return split;
    }

    /** Segment start, seconds. */
    public double start() {
        return start;
    }

    /** Segment end, seconds. */
    public double end() {
        return end;
    }

    /** Sentiment label in [-3, 3]. */
    public float label() {
        return label;
    }

    /** The spoken words with their timing, in time order. */
    public List<TimedWord> timedWords() {
        return words;
    }

    /** The spoken words, in time order. */
    public List<String> words() {
        List<String> out = new ArrayList<>(words.size());
        for (TimedWord w : words) {
            out.add(w.token());
        }
        return Collections.unmodifiableList(out);
    }

    /** The spoken words joined by single spaces ({@code "anyhow it was really good"}). */
    public String text() {
        return String.join(" ", words());
    }

    /** Number of spoken words. */
    public int wordCount() {
        return words.size();
    }

    /** Whether the segment received no spoken word. */
    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Median duration per letter over all spoken words of the video, seconds; NaN for a video without words. */
    public double speakerSecondsPerLetter() {
        return speakerSecondsPerLetter;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "MosiSegment(%s, %s, [%.3f, %.3f), label %.3f, \"%s\")", id(), split.key(), start, end,
                label, text());
    }
}
