package io.github.umdf.tribuo.evaluation.metrics;

/**
 * What a multi-label score is, and hence how the present/absent decision is made: a label is
 * predicted present when its logit is {@code > 0}, or equivalently its probability is
 * {@code > 0.5} (strictly; a score exactly on the threshold means absent, as MulT's
 * {@code argmax} over an (absent, present) pair picks "absent" on a tie). The decision is taken
 * on the score as given, never after converting one kind into the other, so no rounding of
 * {@code sigmoid} can move a sample across the threshold.
 */
public enum ScoreKind {
    /** An unbounded logit; present when {@code > 0}. */
    LOGIT(0.0),
    /** A probability in [0, 1]; present when {@code > 0.5}. */
    PROBABILITY(0.5);

    private final double threshold;

    ScoreKind(double threshold) {
        this.threshold = threshold;
    }

    /** The threshold a score must exceed to mean "present". */
    public double threshold() {
        return threshold;
    }

    /** Whether the score means "present". */
    public boolean present(double score) {
        return score > threshold;
    }
}
