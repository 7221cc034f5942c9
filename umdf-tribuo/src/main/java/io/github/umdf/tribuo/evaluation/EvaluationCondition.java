package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.missing.ModalitySubset;

import java.util.Locale;
import java.util.Objects;

/**
 * One test condition of the protocol (SPEC section 4): the modalities kept and the frame drop rate
 * applied to them. The inter-modality table uses the seven subsets at rate 0; the intra-modality
 * sweep uses every modality at rates 0.0 to 0.9.
 */
public final class EvaluationCondition {
    private final ModalitySubset subset;
    private final double rate;

    public EvaluationCondition(ModalitySubset subset, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("Expected a missing rate in [0, 1], found " + rate);
        }
        this.subset = Objects.requireNonNull(subset);
        this.rate = rate;
    }

    public ModalitySubset subset() {
        return subset;
    }

    public double rate() {
        return rate;
    }

    /** {@code lav@0.30}. */
    public String label() {
        return subset.code() + String.format(Locale.ROOT, "@%.2f", rate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EvaluationCondition && ((EvaluationCondition) o).subset.equals(subset)
                && Double.compare(((EvaluationCondition) o).rate, rate) == 0;
    }

    @Override
    public int hashCode() {
        return subset.hashCode() * 31 + Double.hashCode(rate);
    }

    @Override
    public String toString() {
        return label();
    }
}
