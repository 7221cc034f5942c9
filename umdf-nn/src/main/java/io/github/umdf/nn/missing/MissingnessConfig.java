package io.github.umdf.nn.missing;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

/**
 * How training views lose modalities and frames (SPEC section 3, D7). Defaults: a subset uniformly
 * from the seven, then frames of the kept modalities dropped with a rate drawn uniformly from
 * [0, 0.5]; the two views are drawn independently and may coincide.
 */
public final class MissingnessConfig implements Configurable, Provenancable<ConfiguredObjectProvenance>, java.io.Serializable {
    private static final long serialVersionUID = 1L;

    @Config(description = "How a view chooses the modalities it keeps: UNIFORM_SUBSETS, INDEPENDENT_MODALITIES or COMPLETE.")
    private SubsetDistribution subsetDistribution = SubsetDistribution.UNIFORM_SUBSETS;

    @Config(description = "Keep probability of each modality under INDEPENDENT_MODALITIES.")
    private double modalityKeepProbability = 0.5;

    @Config(description = "Lower end of the frame drop rate range of a view.")
    private double minFrameRate = 0.0;

    @Config(description = "Upper end of the frame drop rate range of a view (maxTrainRate).")
    private double maxFrameRate = 0.5;

    @Config(description = "Whether the two views of a sample must keep different modality subsets.")
    private boolean viewsMustDiffer = false;

    /** For OLCUT. */
    private MissingnessConfig() {
    }

    /**
     * @param subsetDistribution      how views choose modalities
     * @param modalityKeepProbability keep probability under {@link SubsetDistribution#INDEPENDENT_MODALITIES}
     * @param minFrameRate            lower end of the frame drop rate range
     * @param maxFrameRate            upper end of the frame drop rate range
     * @param viewsMustDiffer         whether the two views must keep different subsets
     */
    public MissingnessConfig(SubsetDistribution subsetDistribution, double modalityKeepProbability, double minFrameRate,
                             double maxFrameRate, boolean viewsMustDiffer) {
        this.subsetDistribution = subsetDistribution;
        this.modalityKeepProbability = modalityKeepProbability;
        this.minFrameRate = minFrameRate;
        this.maxFrameRate = maxFrameRate;
        this.viewsMustDiffer = viewsMustDiffer;
        check(IllegalArgumentException::new);
    }

    /** The defaults of SPEC D7. */
    public static MissingnessConfig defaults() {
        return new MissingnessConfig();
    }

    /** Complete-modality training: every modality, no frame dropped. */
    public static MissingnessConfig complete() {
        return new MissingnessConfig(SubsetDistribution.COMPLETE, 1.0, 0.0, 0.0, false);
    }

    @Override
    public void postConfig() {
        check(msg -> new PropertyException("", "MissingnessConfig", msg));
    }

    private <E extends RuntimeException> void check(java.util.function.Function<String, E> error) {
        if (subsetDistribution == null) {
            throw error.apply("subsetDistribution must be set");
        }
        if (!(modalityKeepProbability > 0 && modalityKeepProbability <= 1)) {
            throw error.apply("modalityKeepProbability must be in (0, 1], found " + modalityKeepProbability);
        }
        if (!(minFrameRate >= 0 && minFrameRate <= maxFrameRate && maxFrameRate < 1)) {
            throw error.apply("expected 0 <= minFrameRate <= maxFrameRate < 1, found [" + minFrameRate + ", " + maxFrameRate + "]");
        }
    }

    public SubsetDistribution subsetDistribution() {
        return subsetDistribution;
    }

    public double modalityKeepProbability() {
        return modalityKeepProbability;
    }

    public double minFrameRate() {
        return minFrameRate;
    }

    public double maxFrameRate() {
        return maxFrameRate;
    }

    public boolean viewsMustDiffer() {
        return viewsMustDiffer;
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "MissingnessConfig");
    }

    @Override
    public String toString() {
        return "MissingnessConfig(" + subsetDistribution + ", keep=" + modalityKeepProbability + ", rate=[" + minFrameRate
                + ", " + maxFrameRate + "], differ=" + viewsMustDiffer + ")";
    }
}
