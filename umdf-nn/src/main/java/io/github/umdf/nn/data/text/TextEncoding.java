package io.github.umdf.nn.data.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link TextEncoder} returns: per transcript one row per word, and what encoding counted
 * (words in and out of the vocabulary, back-offs) as load-report counts and notes, with a one-line
 * summary for the data set's origin (and so for every model's data provenance).
 */
public final class TextEncoding {
    private final List<float[][]> frames;
    private final Map<String, Long> counts;
    private final List<String> notes;
    private final String summary;

    /**
     * @param frames  per transcript, one row per word
     * @param counts  named counts for the load report, in order
     * @param notes   notes for the load report
     * @param summary one line on vocabulary coverage, recorded in the origin
     */
    public TextEncoding(List<float[][]> frames, Map<String, Long> counts, List<String> notes, String summary) {
        this.frames = Collections.unmodifiableList(new ArrayList<>(frames));
        this.counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
        this.notes = List.copyOf(notes);
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    /** Per transcript, one row per word. */
    public List<float[][]> frames() {
        return frames;
    }

    /** Named counts for the load report. */
    public Map<String, Long> counts() {
        return counts;
    }

    /** Notes for the load report. */
    public List<String> notes() {
        return notes;
    }

    /** One line on vocabulary coverage. */
    public String summary() {
        return summary;
    }

    /**
     * Checks the frames against the transcripts: as many arrays as transcripts, as many rows as words,
     * {@code dim} columns per row.
     *
     * @throws IllegalStateException naming the encoder, the transcript and what differs
     */
    public void check(String encoder, List<List<String>> transcripts, int dim) {
        if (frames.size() != transcripts.size()) {
            throw new IllegalStateException("Text encoder " + encoder + ": expected frames for " + transcripts.size()
                    + " transcripts, found " + frames.size());
        }
        for (int i = 0; i < frames.size(); i++) {
            float[][] f = frames.get(i);
            if (f.length != transcripts.get(i).size()) {
                throw new IllegalStateException("Text encoder " + encoder + ": transcript " + i + " " + transcripts.get(i) + ": expected "
                        + transcripts.get(i).size() + " rows (one per word), found " + f.length);
            }
            for (float[] row : f) {
                if (row.length != dim) {
                    throw new IllegalStateException("Text encoder " + encoder + ": transcript " + i + ": expected rows of " + dim
                            + " columns, found " + row.length);
                }
            }
        }
    }
}
