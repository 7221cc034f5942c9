package io.github.umdf.tribuo.rerun;

import io.github.umdf.nn.data.SplitName;
import io.github.umdf.tribuo.MultimodalModel;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of {@link ModelRerun}: whether the data matched the recorded data, whether the rebuilt
 * trainer has the recorded provenance, and whether the retrained model predicts exactly what the
 * recorded model predicts (raw network outputs on every sample of the compared split).
 */
public final class RerunReport {
    private final MultimodalModel<?> retrained;
    private final boolean dataMatches;
    private final String recordedData;
    private final String givenData;
    private final boolean trainerProvenanceMatches;
    private final SplitName comparedSplit;
    private final int comparedSamples;
    private final int differingSamples;
    private final double maxAbsDifference;
    private final List<String> warnings;

    RerunReport(MultimodalModel<?> retrained, boolean dataMatches, String recordedData, String givenData, boolean trainerProvenanceMatches,
                SplitName comparedSplit, int comparedSamples, int differingSamples, double maxAbsDifference, List<String> warnings) {
        this.retrained = retrained;
        this.dataMatches = dataMatches;
        this.recordedData = recordedData;
        this.givenData = givenData;
        this.trainerProvenanceMatches = trainerProvenanceMatches;
        this.comparedSplit = comparedSplit;
        this.comparedSamples = comparedSamples;
        this.differingSamples = differingSamples;
        this.maxAbsDifference = maxAbsDifference;
        this.warnings = List.copyOf(warnings);
    }

    /** The model trained again (the caller closes it). */
    public MultimodalModel<?> retrained() {
        return retrained;
    }

    /** Whether the data's SHA-256 (or synthetic preset, seed and scale) equals the recorded one. */
    public boolean dataMatches() {
        return dataMatches;
    }

    /** The recorded data identity: {@code sha256:<hex>} or {@code synthetic:<preset> seed=... scale=...}. */
    public String recordedData() {
        return recordedData;
    }

    /** The given data's identity, in the same form. */
    public String givenData() {
        return givenData;
    }

    /** Whether the rebuilt trainer's provenance (configuration, invocation count, versions, device) equals the recorded one. */
    public boolean trainerProvenanceMatches() {
        return trainerProvenanceMatches;
    }

    /** The split whose predictions were compared (test, or valid/train when the data has no test samples). */
    public SplitName comparedSplit() {
        return comparedSplit;
    }

    /** Number of samples compared. */
    public int comparedSamples() {
        return comparedSamples;
    }

    /** Number of samples with at least one output that differs. */
    public int differingSamples() {
        return differingSamples;
    }

    /** The largest absolute difference between recorded and retrained raw network outputs. */
    public double maxAbsDifference() {
        return maxAbsDifference;
    }

    /** Whether every compared prediction is identical (bit for bit). */
    public boolean identical() {
        return differingSamples == 0;
    }

    /** What differed from the recorded run (data, versions, device), one sentence each. */
    public List<String> warnings() {
        return warnings;
    }

    /** A few lines for a terminal. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("data: ").append(dataMatches ? "same as recorded (" + givenData + ")"
                : "DIFFERENT: recorded " + recordedData + ", given " + givenData).append('\n');
        sb.append("trainer provenance: ").append(trainerProvenanceMatches ? "same as recorded" : "DIFFERENT from recorded").append('\n');
        sb.append(String.format(Locale.ROOT, "predictions on %s (%d samples): %s, max |difference| %.9g%n", comparedSplit.key(),
                comparedSamples, identical() ? "all identical" : differingSamples + " differ", maxAbsDifference));
        warnings.forEach(w -> sb.append("warning: ").append(w).append('\n'));
        return sb.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}
