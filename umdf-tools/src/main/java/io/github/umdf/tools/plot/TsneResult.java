package io.github.umdf.tools.plot;

/**
 * The output of {@link Tsne#fit(double[][])}.
 *
 * @param embedding    {@code [point][2]} coordinates, centred on the origin
 * @param indices      for each embedded point, its row in the input (all rows in order unless subsampled)
 * @param subsampled   whether the input had more rows than the cap and a deterministic subsample was embedded
 * @param klDivergence KL(P || Q) of the final embedding (without exaggeration), in nats
 */
public record TsneResult(double[][] embedding, int[] indices, boolean subsampled, double klDivergence) {

    /** Selects, from per-input-row values (e.g. labels), the ones of the embedded points. */
    public double[] select(double[] perInputRow) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = perInputRow[indices[i]];
        }
        return out;
    }
}
