package io.github.umdf.baselines.gcnet;

import java.util.Comparator;

/**
 * Where one sample sits in a conversation, as its id tells it: the conversation (a video, a dialogue
 * or a pseudo-conversation), its place in it and its speaker.
 *
 * @param conversation the conversation's key
 * @param position     the order key within the conversation: a segment index, a turn number or a start time
 * @param tie          the order among samples with the same position (IEMOCAP numbers each speaker's
 *                     turns separately: speaker F before M), else 0
 * @param speaker      the speaker, 0-based (F = 0, M = 1 for IEMOCAP; 0 for monologues)
 */
public record SegmentId(String conversation, double position, int tie, int speaker) {
    /** Conversation order: position, then tie. */
    public static final Comparator<SegmentId> ORDER = Comparator.comparingDouble(SegmentId::position).thenComparingInt(SegmentId::tie);
}
