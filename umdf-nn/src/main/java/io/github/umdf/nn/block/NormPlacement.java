package io.github.umdf.nn.block;

/** Where the LayerNorms of the MCIM and encoder layers sit (SPEC D4). */
public enum NormPlacement {
    /**
     * After each residual sum, {@code LN(x + f(x))}, as the paper's eqs. (8)-(9) write it
     * (paper-literal). Without a learning-rate warm-up this stack did not learn on synthetic MOSI in
     * 20 epochs (at lr 2e-3 it collapsed to a constant prediction), hence not the default.
     */
    POST,
    /**
     * Before each sub-layer, {@code x + f(LN(x))}, with a final LayerNorm after the stack, as the
     * Multimodal Transformer's code does (queries, keys and values normalised by the same LN). The
     * default.
     */
    PRE
}
