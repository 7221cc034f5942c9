package io.github.umdf.nn.missing;

/** How a training view chooses which modalities it keeps (SPEC D7). */
public enum SubsetDistribution {
    /** Uniformly one of the non-empty subsets of the sample's modalities (seven for three): the default. */
    UNIFORM_SUBSETS,
    /** Each modality kept independently with a probability; an empty draw is drawn again. */
    INDEPENDENT_MODALITIES,
    /** Always every modality (complete-modality training). */
    COMPLETE
}
