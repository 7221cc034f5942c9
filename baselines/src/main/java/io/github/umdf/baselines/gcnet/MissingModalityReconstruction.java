package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDArray;

/**
 * GCNet's reconstruction loss, on the missing parts only (zeroQiaoba/GCNet {@code gcnet/loss.py},
 * {@code MaskedReconLoss}): for {@code N} segments and modalities {@code m} of widths {@code d_m}
 * laid side by side in the utterance vector,
 * <pre>
 *   L_rec = (1 / N) Σ_i Σ_m w_im · (1 / d_m) Σ_{k ∈ m} (û_ik − u_ik)²
 * </pre>
 * with {@code w_im = 1} when modality {@code m} of segment {@code i} is missing from the input (and,
 * here, exists in the data to be compared with), else 0. Segments without a missing modality count in
 * {@code N} but add nothing, as in the original, which divides by the number of utterances.
 */
public final class MissingModalityReconstruction {
    private MissingModalityReconstruction() {
    }

    /**
     * The loss.
     *
     * @param reconstruction {@code û (N, Σ d_m)}
     * @param target         {@code u (N, Σ d_m)}: the utterance vectors before anything was dropped
     * @param missing        {@code w (N, M)}: 1 where a modality is to be reconstructed
     * @param dims           the widths {@code d_m}, in the vectors' order
     * @return a scalar
     */
    public static NDArray loss(NDArray reconstruction, NDArray target, NDArray missing, int[] dims) {
        if (missing.getShape().get(1) != dims.length) {
            throw new IllegalArgumentException("Expected one missing flag per modality (" + dims.length + "), got shape " + missing.getShape());
        }
        NDArray perSegment = null; // (N, 1)
        int offset = 0;
        for (int m = 0; m < dims.length; m++) {
            String columns = ":, " + offset + ":" + (offset + dims[m]);
            NDArray error = reconstruction.get(columns).sub(target.get(columns)).square().mean(new int[] {1}, true); // (N, 1)
            NDArray term = error.mul(missing.get(":, " + m + ":" + (m + 1)));
            perSegment = perSegment == null ? term : perSegment.add(term);
            offset += dims[m];
        }
        if (offset != reconstruction.getShape().get(1)) {
            throw new IllegalArgumentException("The widths " + java.util.Arrays.toString(dims) + " add up to " + offset
                    + ", the reconstruction has " + reconstruction.getShape().get(1) + " features");
        }
        return perSegment.mean();
    }
}
