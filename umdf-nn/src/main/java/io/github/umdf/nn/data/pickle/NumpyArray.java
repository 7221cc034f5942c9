package io.github.umdf.nn.data.pickle;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable NumPy array as the {@link RestrictedUnpickler} rebuilds it: a {@link NumpyDtype}, a
 * shape and the elements in C (row-major) order.
 *
 * <p>Elements are stored compactly by kind: {@code float32} as {@code float[]}, {@code float64} as
 * {@code double[]}, every integer and boolean dtype as {@code long[]} (booleans as 0/1), and every
 * text dtype (unicode {@code <U..}, bytes {@code |S..} decoded as UTF-8, object arrays of
 * {@code str}/{@code bytes}) as {@code String[]} with trailing NULs stripped as NumPy does. Arrays
 * pickled in Fortran order are transposed to C order on load. Access is by flat C-order index
 * ({@link #getFloat(int)}) or by copying ranges ({@link #copyFloats(int, float[], int, int)}) so that
 * readers can slice samples out of a multi-gigabyte split without a second full copy.
 */
public final class NumpyArray {
    /** Largest element count a Java array can hold. */
    static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    private static final int BLOCK = 1 << 16;

    private final NumpyDtype dtype;
    private final int[] shape;
    private final int size;
    /** float[], double[], long[] or String[], in C order. */
    private final Object data;

    private NumpyArray(NumpyDtype dtype, int[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape;
        this.size = java.lang.reflect.Array.getLength(data);
        this.data = data;
    }

    // ---------------------------------------------------------------- factories

    /** A {@code float32} array; the values are copied. */
    public static NumpyArray ofFloat32(float[] values, int... shape) {
        return new NumpyArray(NumpyDtype.FLOAT32, checkShape(shape, values.length), values.clone());
    }

    /** A {@code float64} array; the values are copied. */
    public static NumpyArray ofFloat64(double[] values, int... shape) {
        return new NumpyArray(NumpyDtype.FLOAT64, checkShape(shape, values.length), values.clone());
    }

    /** An {@code int64} array; the values are copied. */
    public static NumpyArray ofInt64(long[] values, int... shape) {
        return new NumpyArray(NumpyDtype.INT64, checkShape(shape, values.length), values.clone());
    }

    /** An object array of strings (as MMSA stores {@code id} and {@code raw_text}); the values are copied. */
    public static NumpyArray ofStrings(String[] values, int... shape) {
        return new NumpyArray(NumpyDtype.OBJECT, checkShape(shape, values.length), values.clone());
    }

    private static int[] checkShape(int[] shape, int length) {
        long n = count(shape);
        if (n != length) {
            throw new IllegalArgumentException("Expected " + n + " values for shape " + shapeString(shape) + ", found " + length);
        }
        return shape.clone();
    }

    private static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("Expected non-negative dimensions, found shape " + shapeString(shape));
            }
            n *= d;
            if (n > MAX_ELEMENTS) {
                throw new IllegalArgumentException("NumPy array of shape " + shapeString(shape) + " has more than "
                        + MAX_ELEMENTS + " elements, more than a Java array holds; split it into smaller arrays");
            }
        }
        return n;
    }

    /**
     * Decodes the raw bytes of a numeric or fixed-width text array.
     *
     * @param fortran whether the bytes are in Fortran (column-major) order; they are transposed to C order
     * @throws IllegalArgumentException if the byte count does not match dtype and shape
     */
    static NumpyArray fromBytes(NumpyDtype dtype, int[] shape, boolean fortran, RawBytes raw) {
        if (dtype.kind() == NumpyDtype.Kind.OBJECT) {
            throw new IllegalArgumentException("An object array must be pickled as a list of objects, found raw bytes");
        }
        int n = (int) count(shape);
        long expected = (long) n * dtype.itemSize();
        if (raw.length() != expected) {
            throw new IllegalArgumentException("Expected " + expected + " bytes for a " + dtype.name() + " array of shape "
                    + shapeString(shape) + ", found " + raw.length());
        }
        Object data = decode(dtype, n, raw);
        if (fortran && shape.length > 1) {
            data = toCOrder(data, shape);
        }
        return new NumpyArray(dtype, shape.clone(), data);
    }

    /**
     * Builds an object array from the list NumPy pickles for it. NumPy writes that list in C order
     * whatever the memory order, so no transposition applies.
     *
     * @throws IllegalArgumentException if the count differs or an element is not a str, bytes or None
     */
    static NumpyArray fromObjects(NumpyDtype dtype, int[] shape, List<?> items) {
        int n = (int) count(shape);
        if (items.size() != n) {
            throw new IllegalArgumentException("Expected " + n + " objects for an object array of shape " + shapeString(shape)
                    + ", found " + items.size());
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            Object o = items.get(i);
            if (o == null || o instanceof String) {
                out[i] = (String) o;
            } else if (o instanceof byte[]) {
                out[i] = new String((byte[]) o, StandardCharsets.UTF_8);
            } else {
                throw new IllegalArgumentException("Object arrays may hold only str, bytes or None; element " + i + " is "
                        + PickleValues.describe(o));
            }
        }
        return new NumpyArray(dtype, shape.clone(), out);
    }

    private static Object decode(NumpyDtype dtype, int n, RawBytes raw) {
        int item = dtype.itemSize();
        switch (dtype.kind()) {
            case FLOAT:
                if (item == 4) {
                    float[] out = new float[n];
                    forBlocks(dtype, n, raw, (bb, from, len) -> bb.asFloatBuffer().get(out, from, len));
                    return out;
                } else {
                    double[] out = new double[n];
                    forBlocks(dtype, n, raw, (bb, from, len) -> bb.asDoubleBuffer().get(out, from, len));
                    return out;
                }
            case INT:
            case UINT:
            case BOOL: {
                long[] out = new long[n];
                boolean unsigned = dtype.kind() == NumpyDtype.Kind.UINT;
                boolean bool = dtype.kind() == NumpyDtype.Kind.BOOL;
                forBlocks(dtype, n, raw, (bb, from, len) -> {
                    for (int i = 0; i < len; i++) {
                        long v;
                        switch (item) {
                            case 1:
                                v = unsigned ? bb.get() & 0xFFL : bb.get();
                                break;
                            case 2:
                                v = unsigned ? bb.getShort() & 0xFFFFL : bb.getShort();
                                break;
                            case 4:
                                v = unsigned ? bb.getInt() & 0xFFFFFFFFL : bb.getInt();
                                break;
                            default:
                                v = bb.getLong();
                                if (unsigned && v < 0) {
                                    throw new IllegalArgumentException("uint64 value " + Long.toUnsignedString(v)
                                            + " at index " + (from + i) + " exceeds the int64 range");
                                }
                        }
                        out[from + i] = bool ? (v != 0 ? 1 : 0) : v;
                    }
                });
                return out;
            }
            case UNICODE:
            case BYTES: {
                String[] out = new String[n];
                if (item == 0) {
                    Arrays.fill(out, "");
                    return out;
                }
                boolean unicode = dtype.kind() == NumpyDtype.Kind.UNICODE;
                forBlocks(dtype, n, raw, (bb, from, len) -> {
                    byte[] one = new byte[item];
                    for (int i = 0; i < len; i++) {
                        bb.get(one);
                        out[from + i] = unicode ? decodeUtf32(one, dtype.order()) : decodeBytes(one);
                    }
                });
                return out;
            }
            default:
                throw new IllegalStateException("unexpected dtype " + dtype);
        }
    }

    private interface BlockConsumer {
        void accept(ByteBuffer block, int from, int len);
    }

    /** Feeds the raw bytes to {@code consumer} in blocks of whole elements, in the dtype's byte order. */
    private static void forBlocks(NumpyDtype dtype, int n, RawBytes raw, BlockConsumer consumer) {
        int item = dtype.itemSize();
        int perBlock = Math.max(1, Math.min(BLOCK, (1 << 22) / item));
        if (raw.isSingle()) {
            ByteBuffer all = ByteBuffer.wrap(raw.single()).order(dtype.order());
            for (int from = 0; from < n; from += perBlock) {
                int len = Math.min(perBlock, n - from);
                consumer.accept(all.slice(from * item, len * item).order(dtype.order()), from, len);
            }
            return;
        }
        byte[] buf = new byte[perBlock * item];
        for (int from = 0; from < n; from += perBlock) {
            int len = Math.min(perBlock, n - from);
            raw.get((long) from * item, buf, 0, len * item);
            consumer.accept(ByteBuffer.wrap(buf, 0, len * item).order(dtype.order()), from, len);
        }
    }

    private static String decodeUtf32(byte[] b, java.nio.ByteOrder order) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(order);
        int[] cps = new int[b.length / 4];
        int len = 0;
        for (int i = 0; i < cps.length; i++) {
            cps[i] = bb.getInt();
            if (cps[i] != 0) {
                len = i + 1;
            }
        }
        return new String(cps, 0, len);
    }

    private static String decodeBytes(byte[] b) {
        int len = b.length;
        while (len > 0 && b[len - 1] == 0) {
            len--;
        }
        return new String(b, 0, len, StandardCharsets.UTF_8);
    }

    /** Reorders elements stored in Fortran order into C order. */
    private static Object toCOrder(Object src, int[] shape) {
        int n = java.lang.reflect.Array.getLength(src);
        Object dst = java.lang.reflect.Array.newInstance(src.getClass().getComponentType(), n);
        int rank = shape.length;
        int[] fStride = new int[rank];
        int s = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        int[] idx = new int[rank];
        int f = 0;
        for (int c = 0; c < n; c++) {
            copyOne(src, f, dst, c);
            // Increment the C-order multi-index (last axis fastest), tracking the Fortran offset.
            for (int k = rank - 1; k >= 0; k--) {
                idx[k]++;
                f += fStride[k];
                if (idx[k] < shape[k]) {
                    break;
                }
                f -= fStride[k] * shape[k];
                idx[k] = 0;
            }
        }
        return dst;
    }

    private static void copyOne(Object src, int from, Object dst, int to) {
        if (src instanceof float[]) {
            ((float[]) dst)[to] = ((float[]) src)[from];
        } else if (src instanceof double[]) {
            ((double[]) dst)[to] = ((double[]) src)[from];
        } else if (src instanceof long[]) {
            ((long[]) dst)[to] = ((long[]) src)[from];
        } else {
            ((Object[]) dst)[to] = ((Object[]) src)[from];
        }
    }

    // ---------------------------------------------------------------- accessors

    /** The element type. */
    public NumpyDtype dtype() {
        return dtype;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of axes. */
    public int rank() {
        return shape.length;
    }

    /** Length of one axis. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** Number of elements. */
    public int size() {
        return size;
    }

    /** Whether elements are numbers (float, integer or bool dtype). */
    public boolean isNumeric() {
        return !(data instanceof String[]);
    }

    /** Whether elements are text (unicode, bytes or object dtype). */
    public boolean isText() {
        return data instanceof String[];
    }

    /** Element {@code i} (flat, C order) as a float; integers are converted. */
    public float getFloat(int i) {
        if (data instanceof float[]) {
            return ((float[]) data)[i];
        }
        return (float) getDouble(i);
    }

    /** Element {@code i} (flat, C order) as a double; integers are converted. */
    public double getDouble(int i) {
        if (data instanceof float[]) {
            return ((float[]) data)[i];
        } else if (data instanceof double[]) {
            return ((double[]) data)[i];
        } else if (data instanceof long[]) {
            return ((long[]) data)[i];
        }
        throw notNumeric();
    }

    /**
     * Element {@code i} (flat, C order) as a long.
     *
     * @throws ArithmeticException for a float element that is not an integer
     */
    public long getLong(int i) {
        if (data instanceof long[]) {
            return ((long[]) data)[i];
        }
        double v = getDouble(i);
        if (v != Math.rint(v) || Math.abs(v) > 9.007199254740992E15) {
            throw new ArithmeticException("Element " + i + " of a " + dtype.name() + " array is " + v + ", not an integer");
        }
        return (long) v;
    }

    /** Element {@code i} (flat, C order) of a text array; {@code null} for a None object element. */
    public String getString(int i) {
        if (data instanceof String[]) {
            return ((String[]) data)[i];
        }
        throw new IllegalStateException("Expected a text array (unicode, bytes or object dtype), found " + this);
    }

    /** Copies {@code count} elements from flat index {@code from} into {@code dst}, converting to float. */
    public void copyFloats(int from, float[] dst, int dstOffset, int count) {
        Objects.checkFromIndexSize(from, count, size);
        if (data instanceof float[]) {
            System.arraycopy(data, from, dst, dstOffset, count);
        } else if (data instanceof double[]) {
            double[] d = (double[]) data;
            for (int i = 0; i < count; i++) {
                dst[dstOffset + i] = (float) d[from + i];
            }
        } else if (data instanceof long[]) {
            long[] d = (long[]) data;
            for (int i = 0; i < count; i++) {
                dst[dstOffset + i] = d[from + i];
            }
        } else {
            throw notNumeric();
        }
    }

    /** All elements as floats (a copy). */
    public float[] toFloatArray() {
        float[] out = new float[size];
        copyFloats(0, out, 0, size);
        return out;
    }

    /** All elements as doubles (a copy). */
    public double[] toDoubleArray() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = getDouble(i);
        }
        return out;
    }

    /**
     * All elements as longs (a copy).
     *
     * @throws ArithmeticException if a float element is not an integer
     */
    public long[] toLongArray() {
        if (data instanceof long[]) {
            return ((long[]) data).clone();
        }
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /** All elements of a text array (a copy). */
    public String[] toStringArray() {
        if (data instanceof String[]) {
            return ((String[]) data).clone();
        }
        throw new IllegalStateException("Expected a text array (unicode, bytes or object dtype), found " + this);
    }

    private IllegalStateException notNumeric() {
        return new IllegalStateException("Expected a numeric array, found " + this);
    }

    /** The shape as NumPy prints it: {@code (3, 4, 6)}, {@code (2,)}, {@code ()}. */
    public String shapeString() {
        return shapeString(shape);
    }

    static String shapeString(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NumpyArray)) {
            return false;
        }
        NumpyArray a = (NumpyArray) o;
        return dtype.equals(a.dtype) && Arrays.equals(shape, a.shape) && Objects.deepEquals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * dtype.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "NumpyArray(" + dtype.name() + ", shape " + shapeString() + ")";
    }
}
