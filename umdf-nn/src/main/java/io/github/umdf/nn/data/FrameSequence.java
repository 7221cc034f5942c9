package io.github.umdf.nn.data;

import java.util.Arrays;

/**
 * One modality of one sample: a dense {@code T x d} float sequence, row-major, with a per-frame
 * validity flag. A frame is <em>valid</em> when it exists in the recording and <em>padding</em>
 * otherwise; validity is structural and never changed by missingness, which is applied later as a
 * separate mask ({@link io.github.umdf.nn.missing.SampleMask}).
 *
 * <p>Instances are immutable. The constructor takes ownership of the arrays it is given (no copy,
 * because a full MOSEI split holds gigabytes); callers must not modify them afterwards.
 */
public final class FrameSequence {
    private final int length;
    private final int dim;
    private final float[] values;
    private final boolean[] valid;
    private final int validCount;

    /**
     * @param length number of frames {@code T}
     * @param dim    feature dimension {@code d}
     * @param values {@code T * d} values, frame after frame; taken over without copying
     * @param valid  {@code T} validity flags; taken over without copying
     */
    public FrameSequence(int length, int dim, float[] values, boolean[] valid) {
        if (length < 1 || dim < 1) {
            throw new IllegalArgumentException("Expected T >= 1 and d >= 1, found T=" + length + ", d=" + dim);
        }
        if (values.length != (long) length * dim) {
            throw new IllegalArgumentException("Expected " + length + " x " + dim + " = " + ((long) length * dim)
                    + " values, found " + values.length);
        }
        if (valid.length != length) {
            throw new IllegalArgumentException("Expected " + length + " validity flags, found " + valid.length);
        }
        this.length = length;
        this.dim = dim;
        this.values = values;
        this.valid = valid;
        int c = 0;
        for (boolean b : valid) {
            if (b) {
                c++;
            }
        }
        this.validCount = c;
    }

    /** A sequence whose frames are all valid. */
    public static FrameSequence allValid(int length, int dim, float[] values) {
        boolean[] valid = new boolean[length];
        Arrays.fill(valid, true);
        return new FrameSequence(length, dim, values, valid);
    }

    /** A sequence whose first {@code validLength} frames are valid and the rest padding (end padding). */
    public static FrameSequence withLength(int length, int dim, float[] values, int validLength) {
        if (validLength < 0 || validLength > length) {
            throw new IllegalArgumentException("Expected a valid length in [0, " + length + "], found " + validLength);
        }
        boolean[] valid = new boolean[length];
        Arrays.fill(valid, 0, validLength, true);
        return new FrameSequence(length, dim, values, valid);
    }

    /** Number of frames {@code T}, padding included. */
    public int length() {
        return length;
    }

    /** Feature dimension {@code d}. */
    public int dim() {
        return dim;
    }

    /** Value of feature {@code j} at frame {@code t}. */
    public float get(int t, int j) {
        return values[t * dim + j];
    }

    /** Whether frame {@code t} exists (is not padding). */
    public boolean isValid(int t) {
        return valid[t];
    }

    /** Number of valid (non-padding) frames. */
    public int validCount() {
        return validCount;
    }

    /** Index of the last valid frame, or -1 when every frame is padding. */
    public int lastValidIndex() {
        for (int t = length - 1; t >= 0; t--) {
            if (valid[t]) {
                return t;
            }
        }
        return -1;
    }

    /** Copies all {@code T * d} values into {@code dst} starting at {@code offset}. */
    public void copyValuesTo(float[] dst, int offset) {
        System.arraycopy(values, 0, dst, offset, values.length);
    }

    /** Copies the validity flags into {@code dst} starting at {@code offset}. */
    public void copyValidityTo(boolean[] dst, int offset) {
        System.arraycopy(valid, 0, dst, offset, length);
    }

    /** A copy of the values, frame after frame. */
    public float[] valuesCopy() {
        return values.clone();
    }

    /** A copy of the validity flags. */
    public boolean[] validityCopy() {
        return valid.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof FrameSequence)) {
            return false;
        }
        FrameSequence that = (FrameSequence) o;
        return length == that.length && dim == that.dim && Arrays.equals(values, that.values)
                && Arrays.equals(valid, that.valid);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(values) + Arrays.hashCode(valid)) + length * 7 + dim;
    }

    @Override
    public String toString() {
        return "FrameSequence(T=" + length + ", d=" + dim + ", valid=" + validCount + ")";
    }
}
