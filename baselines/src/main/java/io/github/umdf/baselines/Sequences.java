package io.github.umdf.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.nn.ops.Masks;

/**
 * Masked sequence helpers of the baselines. Masks are float arrays {@code (B, T)} with 1 = the frame
 * takes part and 0 = it does not (padding, or a dropped frame where a model treats those as absent);
 * {@code null} means "every frame takes part". Every array derives from an input, so it lives in the
 * step's manager.
 */
public final class Sequences {
    private Sequences() {
    }

    /**
     * The compaction matrices of a mask (see {@link #compaction}).
     *
     * @param forward  {@code C (B, T, T)}: the kept frames moved to the front, in order
     * @param backward {@code R (B, T, T)}: the kept frames moved to the front, in reverse order
     */
    public record Compaction(NDArray forward, NDArray backward) {
    }

    /** {@code mask}, or ones {@code (B, T)} shaped like the first two axes of {@code x} when it is null. */
    public static NDArray orOnes(NDArray mask, NDArray x) {
        return mask != null ? mask : x.getManager().ones(new Shape(x.getShape().get(0), x.getShape().get(1)));
    }

    /**
     * The compaction matrices of a mask: {@code C (B, T, T)} with {@code C[b, i, j] = 1} when frame
     * {@code j} is the {@code i}-th kept frame of row {@code b}, and {@code R} the same with the kept
     * frames in reverse order. {@code C x} moves the kept frames of {@code x (B, T, D)} to the front in
     * order (zeros after them), {@code R x} likewise reversed; {@code Cᵀ y} and {@code Rᵀ y} put
     * per-position results back where their frames came from (zeros at frames not kept).
     *
     * @return {@code C} and {@code R}
     */
    public static Compaction compaction(NDArray mask) {
        long b = mask.getShape().get(0);
        long t = mask.getShape().get(1);
        NDArray rank = mask.cumSum(1).sub(1f); // (B, T): index among the kept frames
        NDArray length = mask.sum(new int[] {1}, true); // (B, 1)
        NDArray positions = mask.getManager().arange(0f, (float) t, 1f).reshape(1, t, 1); // i
        NDArray kept = mask.reshape(b, 1, t);
        NDArray forward = rank.reshape(b, 1, t).eq(positions).toType(DataType.FLOAT32, false).mul(kept);
        NDArray reversedRank = length.sub(1f).sub(rank); // len - 1 - rank
        NDArray backward = reversedRank.reshape(b, 1, t).eq(positions).toType(DataType.FLOAT32, false).mul(kept);
        return new Compaction(forward, backward);
    }

    /**
     * One-hot {@code (B, T)} of the first position where {@code mask} is 1; a row without any selects
     * the first position.
     */
    public static NDArray firstValidOneHot(NDArray mask) {
        return Masks.lastValidOneHot(mask.flip(1)).flip(1);
    }

    /** The mean over the steps of {@code x (B, T, D)} where {@code mask} is 1: {@code (B, D)}; zeros for an empty row. */
    public static NDArray maskedMean(NDArray x, NDArray mask) {
        if (mask == null) {
            return x.mean(new int[] {1});
        }
        NDArray m = mask.expandDims(2); // (B, T, 1)
        return x.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}).maximum(1f));
    }

    /**
     * A reconstruction loss averaged over features and over the steps where {@code mask} is 1
     * (Keras' per-step loss with temporal sample weights): {@code Σ_t m_t mean_d e(t, d) / Σ_t m_t}
     * with {@code e} the absolute or the squared error. A batch without any such step gives 0.
     *
     * @param prediction {@code (B, T, D)}
     * @param target     {@code (B, T, D)}
     * @param mask       {@code (B, T)} or null
     * @param absolute   mean absolute error (true) or mean squared error (false)
     */
    public static NDArray maskedReconstruction(NDArray prediction, NDArray target, NDArray mask, boolean absolute) {
        NDArray diff = prediction.sub(target);
        NDArray perStep = (absolute ? diff.abs() : diff.square()).mean(new int[] {2}); // (B, T)
        if (mask == null) {
            return perStep.mean();
        }
        return perStep.mul(mask).sum().div(mask.sum().maximum(1f));
    }

    /** {@code x (B, T, d)} zero-padded along the feature axis to {@code dim >= d} features. */
    public static NDArray padFeatures(NDArray x, int dim) {
        long d = x.getShape().get(2);
        if (d == dim) {
            return x;
        }
        if (d > dim) {
            throw new IllegalArgumentException("Cannot pad " + d + " features to " + dim);
        }
        NDArray zeros = x.getManager().zeros(new Shape(x.getShape().get(0), x.getShape().get(1), dim - d));
        return NDArrays.concat(new NDList(x, zeros), 2);
    }

    /** The first {@code d} features of {@code x (B, T, D)}. */
    public static NDArray firstFeatures(NDArray x, int d) {
        return x.getShape().get(2) == d ? x : x.get(":, :, 0:{}", d);
    }

    /** The elementwise maximum of masks, null entries meaning all ones; null when every entry is null. */
    public static NDArray union(Iterable<NDArray> masks) {
        NDArray out = null;
        for (NDArray m : masks) {
            if (m == null) {
                return null;
            }
            out = out == null ? m : out.maximum(m);
        }
        return out;
    }
}
