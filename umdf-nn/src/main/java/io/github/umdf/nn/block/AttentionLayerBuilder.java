package io.github.umdf.nn.block;

/**
 * The settings every transformer-style block of this package shares — feature dimension, heads,
 * the three dropouts and the norm placement — with their setters and checks, as DJL's builders share
 * theirs through a generic base ({@code self()} returns the concrete builder so calls chain).
 *
 * @param <B> the concrete builder
 */
public abstract class AttentionLayerBuilder<B extends AttentionLayerBuilder<B>> {
    Integer dim;
    Integer heads;
    float attentionDropout;
    AttentionDropoutUnit attentionDropoutUnit = AttentionDropoutUnit.WEIGHT;
    float reluDropout;
    float residualDropout;
    NormPlacement norm = NormPlacement.POST;

    AttentionLayerBuilder() {
    }

    /** This builder, typed as the concrete one. */
    protected abstract B self();

    /** The feature dimension {@code D}; required. */
    public B setDim(int dim) {
        this.dim = dim;
        return self();
    }

    /** The attention heads, dividing {@code D}; required. */
    public B setHeads(int heads) {
        this.heads = heads;
        return self();
    }

    /** Dropout on the attention weights; default 0. */
    public B optAttentionDropout(float rate) {
        this.attentionDropout = rate;
        return self();
    }

    /** What the attention dropout drops: single weights ({@link AttentionDropoutUnit#WEIGHT}, the default) or whole keys. */
    public B optAttentionDropoutUnit(AttentionDropoutUnit unit) {
        this.attentionDropoutUnit = unit;
        return self();
    }

    /** Dropout inside the feed-forward networks; default 0. */
    public B optReluDropout(float rate) {
        this.reluDropout = rate;
        return self();
    }

    /** Dropout before each residual sum; default 0. */
    public B optResidualDropout(float rate) {
        this.residualDropout = rate;
        return self();
    }

    /** Post-norm (the default) or pre-norm. */
    public B optNorm(NormPlacement norm) {
        this.norm = norm;
        return self();
    }

    /**
     * Checks the shared settings, naming {@code block} and the setting in the error.
     *
     * @return the dimension
     */
    int checkShared(String block) {
        int d = BuilderChecks.positive(block, "setDim", dim);
        BuilderChecks.heads(block, "setHeads", heads, d);
        BuilderChecks.rate(block, "optAttentionDropout", attentionDropout);
        BuilderChecks.required(block, "optAttentionDropoutUnit", "an attention dropout unit", attentionDropoutUnit);
        BuilderChecks.rate(block, "optReluDropout", reluDropout);
        BuilderChecks.rate(block, "optResidualDropout", residualDropout);
        BuilderChecks.required(block, "optNorm", "a norm placement", norm);
        return d;
    }
}
