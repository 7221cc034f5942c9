package io.github.umdf.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;

/**
 * Small tensor helpers shared by the blocks: masks are float arrays with 1 = keep and 0 = masked,
 * shaped {@code (B, T)}.
 */
public final class Masks {
    /** Added to the score of a masked key: large enough to vanish after softmax, finite so no NaN appears. */
    public static final float MASKED_SCORE = -1e9f;

    private Masks() {
    }

    /**
     * Softmax over the last axis of {@code scores (B, ..., T)} restricted to the positions where
     * {@code mask (B, T)} is 1. A row whose positions are all masked gives zeros, never NaN.
     *
     * @param scores the scores; the mask broadcasts over its middle axes
     * @param mask   {@code (B, T)} keep mask, or {@code null} for a plain softmax
     */
    public static NDArray maskedSoftmax(NDArray scores, NDArray mask) {
        if (mask == null) {
            return scores.softmax(-1);
        }
        NDArray m = broadcastable(mask, scores.getShape().dimension());
        NDArray p = scores.add(m.sub(1f).mul(-MASKED_SCORE)).softmax(-1);
        return p.mul(anyKept(m));
    }

    /** Reshapes {@code (B, T)} to {@code (B, 1, ..., 1, T)} with {@code dims} axes. */
    static NDArray broadcastable(NDArray mask, int dims) {
        long[] shape = new long[dims];
        java.util.Arrays.fill(shape, 1L);
        shape[0] = mask.getShape().get(0);
        shape[dims - 1] = mask.getShape().get(1);
        return mask.reshape(shape);
    }

    /** 1 where a row of {@code mask} keeps at least one position, else 0; keeps the mask's rank. */
    public static NDArray anyKept(NDArray mask) {
        return mask.max(new int[] {-1}, true);
    }

    /** Concatenates sequences {@code (B, T_i, D)} along time. */
    public static NDArray concatTime(NDArray... parts) {
        return parts.length == 1 ? parts[0] : NDArrays.concat(new NDList(parts), 1);
    }

    /** Concatenates masks {@code (B, T_i)} along time; {@code null} when any part is {@code null}. */
    public static NDArray concatMasks(NDArray... masks) {
        for (NDArray m : masks) {
            if (m == null) {
                return null;
            }
        }
        return masks.length == 1 ? masks[0] : NDArrays.concat(new NDList(masks), 1);
    }

    /**
     * One-hot {@code (B, T)} of the last position where {@code valid (B, T)} is 1; a row without
     * any valid position selects the last position.
     */
    public static NDArray lastValidOneHot(NDArray valid) {
        long t = valid.getShape().get(1);
        // index weights 1..T on valid positions; argmax picks the last valid one
        NDArray positions = valid.getManager().arange(1f, t + 1f).reshape(1, t);
        NDArray score = valid.mul(positions);
        NDArray idx = score.argMax(1); // (B,)
        NDArray none = valid.max(new int[] {1}).eq(0); // rows without a valid position
        NDArray last = valid.getManager().full(idx.getShape(), t - 1, idx.getDataType());
        idx = NDArrays.where(none, last, idx);
        return idx.oneHot((int) t).toType(DataType.FLOAT32, false);
    }

    /** Selects per row the step marked in {@code oneHot (B, T)} from {@code x (B, T, D)}: {@code (B, D)}. */
    public static NDArray selectStep(NDArray x, NDArray oneHot) {
        return oneHot.expandDims(1).matMul(x).squeeze(1);
    }
}
