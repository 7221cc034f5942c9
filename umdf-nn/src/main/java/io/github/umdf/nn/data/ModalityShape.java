package io.github.umdf.nn.data;

/**
 * The shape every sample of a data set has for one modality: {@code length} frames {@code T}
 * (padding included) of {@code dim} features {@code d}.
 */
public final class ModalityShape implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final int length;
    private final int dim;

    public ModalityShape(int length, int dim) {
        if (length < 1 || dim < 1) {
            throw new IllegalArgumentException("Expected T >= 1 and d >= 1, found T=" + length + ", d=" + dim);
        }
        this.length = length;
        this.dim = dim;
    }

    /** Frames per sample, {@code T}. */
    public int length() {
        return length;
    }

    /** Features per frame, {@code d}. */
    public int dim() {
        return dim;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModalityShape && ((ModalityShape) o).length == length && ((ModalityShape) o).dim == dim;
    }

    @Override
    public int hashCode() {
        return 31 * length + dim;
    }

    @Override
    public String toString() {
        return "(T=" + length + ", d=" + dim + ")";
    }
}
