package io.github.umdf.baselines.gcnet;

import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.synth.SyntheticPresets;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a sample id as a {@link SegmentId}: GCNet's graph links the segments of one conversation, and
 * the data sets say which conversation a segment belongs to only through its id. The forms, tried in
 * this order:
 * <ul>
 *   <li>{@code <video>[<index>]}: CMU-MOSI segments assembled from the SDK files
 *       ({@code io.github.umdf.nn.data.mosi.MosiSegment}); ordered by index;</li>
 *   <li>{@code <video>$_$<index>}: MMSA pickles ({@code 03bSnISJMiM$_$1}); ordered by index;</li>
 *   <li>{@code <name>_<start>_<end>}: MulT pickles, whose ids {@code (video, start, end)} are joined with
 *       {@code _}; ordered by start time; {@code <name>} may itself be an IEMOCAP utterance name;</li>
 *   <li>{@code <dialogue>_<F|M><turn>}: IEMOCAP utterance names ({@code Ses01F_impro01_M003}): the
 *       dialogue, its speaker (F = 0, M = 1, the original's {@code speakermap}) and turn. IEMOCAP numbers
 *       each speaker's turns separately, so without start times the order is by turn number, F before M:
 *       an approximation of the dialogue order;</li>
 *   <li>{@code <preset>/<split>/<index>}: the synthetic presets' independent samples, under
 *       {@link UngroupedIds#SYNTHETIC_RUNS} or {@link UngroupedIds#INDEX_RUNS} cut into
 *       pseudo-conversations of {@code runLength} consecutive indices of one split;</li>
 *   <li>{@code <prefix><index>}, any id ending in digits, only under {@link UngroupedIds#INDEX_RUNS}:
 *       pseudo-conversations of {@code runLength} consecutive indices sharing the prefix.</li>
 * </ul>
 * Every segment of a monologue (MOSI, MOSEI, the synthetic presets) has speaker 0. Any other id is an
 * error that names it and the forms expected.
 */
public final class SegmentIds {
    private static final Pattern SDK = Pattern.compile("(.+)\\[(\\d+)]");
    private static final Pattern MMSA = Pattern.compile("(.+)\\$_\\$(\\d+)");
    private static final Pattern TIMED = Pattern.compile("(.+)_(-?\\d+(?:\\.\\d+)?)_(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern IEMOCAP = Pattern.compile("(Ses\\d+[FM]_.+)_([FM])(\\d+)");
    private static final Pattern SYNTHETIC = Pattern.compile("([^/]+)/([a-z]+)/(\\d+)");
    private static final Pattern INDEXED = Pattern.compile("(.*?)(\\d+)");

    /** The forms, for error messages. */
    static final String FORMS = "<video>[<index>] (CMU-MOSI SDK segments), <video>$_$<index> (MMSA pickles), "
            + "<name>_<start>_<end> (MulT pickles), <dialogue>_<F|M><turn> (IEMOCAP utterances)";

    private final UngroupedIds ungrouped;
    private final int runLength;
    private final int speakers;

    /**
     * @param ungrouped what ids without a conversation become
     * @param runLength the length of a pseudo-conversation
     * @param speakers  the number of speakers the network was built for
     */
    public SegmentIds(UngroupedIds ungrouped, int runLength, int speakers) {
        this.ungrouped = Objects.requireNonNull(ungrouped, "ungrouped");
        if (runLength < 1 || speakers < 1) {
            throw new IllegalArgumentException("Expected a positive run length and speaker count, found " + runLength + " and " + speakers);
        }
        this.runLength = runLength;
        this.speakers = speakers;
    }

    /**
     * The segment an id names.
     *
     * @throws IllegalArgumentException naming the id and the forms expected when it names no conversation
     *                                  (under the configured {@link UngroupedIds}), or a speaker the
     *                                  network has no relation for
     */
    public SegmentId parse(String id) {
        Matcher m = SDK.matcher(id);
        if (m.matches()) {
            return new SegmentId(m.group(1), Long.parseLong(m.group(2)), 0, 0);
        }
        m = MMSA.matcher(id);
        if (m.matches()) {
            return new SegmentId(m.group(1), Long.parseLong(m.group(2)), 0, 0);
        }
        m = TIMED.matcher(id);
        if (m.matches()) {
            double start = Double.parseDouble(m.group(2));
            Matcher utterance = IEMOCAP.matcher(m.group(1));
            if (utterance.matches()) {
                return new SegmentId(utterance.group(1), start, 0, speaker(id, utterance.group(2)));
            }
            return new SegmentId(m.group(1), start, 0, 0);
        }
        m = IEMOCAP.matcher(id);
        if (m.matches()) {
            int speaker = speaker(id, m.group(2));
            return new SegmentId(m.group(1), Long.parseLong(m.group(3)), speaker, speaker);
        }
        if (ungrouped != UngroupedIds.REFUSE) {
            m = SYNTHETIC.matcher(id);
            if (m.matches() && isSynthetic(m.group(1), m.group(2))) {
                return run(m.group(1) + "/" + m.group(2) + "/", Long.parseLong(m.group(3)));
            }
        }
        if (ungrouped == UngroupedIds.INDEX_RUNS) {
            m = INDEXED.matcher(id);
            if (m.matches()) {
                return run(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        throw new IllegalArgumentException("GCNet builds its conversation graph from sample ids, and id '" + id
                + "' names no conversation (ungroupedIds = " + ungrouped + "). Expected " + FORMS
                + (ungrouped == UngroupedIds.REFUSE ? "" : ", or a synthetic preset's <preset>/<split>/<index>")
                + ". Ids with only a running index can be cut into pseudo-conversations of consecutive indices "
                + "(GCNet setting ungroupedIds = INDEX_RUNS); their graph context then carries no information");
    }

    private SegmentId run(String prefix, long index) {
        return new SegmentId(prefix + "#run" + index / runLength, index, 0, 0);
    }

    private int speaker(String id, String letter) {
        int s = letter.equals("F") ? 0 : 1;
        if (s >= speakers) {
            throw new IllegalArgumentException("GCNet is set for " + speakers + " speaker" + (speakers == 1 ? "" : "s") + " (speakers = "
                    + speakers + "), but id '" + id + "' names speaker " + letter + " (" + s + "): set speakers to " + (s + 1)
                    + " for dialogues such as IEMOCAP's");
        }
        return s;
    }

    private static boolean isSynthetic(String preset, String split) {
        return SyntheticPresets.names().contains(preset) && List.of(SplitName.values()).stream().anyMatch(s -> s.key().equals(split));
    }
}
