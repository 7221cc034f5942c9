package io.github.umdf.baselines.gcnet;

/**
 * What GCNet does with sample ids that name no conversation (see {@link SegmentIds} for the forms
 * that do). GCNet's graph links the segments of one video; samples whose ids carry only a running
 * index have no such grouping, and cutting them into runs of consecutive indices
 * ({@link GcnetConfig#pseudoConversationLength()}) makes pseudo-conversations whose graph context
 * carries no information: the model then runs, but is not GCNet's conversational model any more.
 */
public enum UngroupedIds {
    /** Every id must name its conversation; any other id is an error. */
    REFUSE,
    /**
     * The ids of the synthetic presets ({@code mosi-aligned/train/000123}: independent samples, there is
     * no video to group by) are cut into pseudo-conversations of consecutive indices within their split;
     * any other id without a conversation is an error. The default, so that GCNet runs in the synthetic
     * experiments beside the other models.
     */
    SYNTHETIC_RUNS,
    /**
     * Every id ending in a running index ({@code train_17}, {@code s3-5}, the synthetic ids) that names no
     * conversation is cut into pseudo-conversations of consecutive indices sharing the id's prefix: for
     * data files without video ids, chosen knowingly.
     */
    INDEX_RUNS
}
