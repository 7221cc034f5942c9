package io.github.umdf.nn.data.numpy;

import io.github.umdf.nn.data.InvalidDataException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An immutable NumPy array in memory: a {@link NumpyDtype}, a shape and the elements in C
 * (row-major) order, whether it was read from a {@code .npy} file, unpickled or built in code.
 *
 * <p>Numbers (float, integer and bool dtypes) are held as NumPy lays them out: the raw element bytes
 * in the dtype's byte order ({@link RawBytes}, chunked beyond 2 GB), taken over from the file without
 * a second copy and converted only when read. Text (Unicode, bytes decoded as UTF-8, objects) is held
 * as {@code String[]} with trailing NULs stripped as NumPy does; a None object element is
 * {@code null}. Arrays stored in Fortran order are transposed to C order when built.
 *
 * <p>Access is by flat C-order index ({@link #getDouble(int)}), by copying ranges
 * ({@link #copyFloats(int, float[], int, int)}) so that readers can slice samples out of a
 * multi-gigabyte split without a second full copy, or whole ({@link #toFloats()}). Numeric accessors
 * convert between numeric dtypes (bool as 0 and 1; to integers only when exact); asking a numeric
 * array for text or the other way round fails with an {@link InvalidDataException} naming the dtype.
 */
public final class NumpyArray {
    /** Largest element count held in memory (the largest Java array). */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final NumpyDtype dtype;
    private final int[] shape;
    private final int size;
    /** The element bytes of a numeric array, else null. */
    private final RawBytes raw;
    /** One buffer per chunk of {@link #raw}, in the dtype's byte order. */
    private final ByteBuffer[] views;
    /** Bytes per chunk but the last ({@code Long.MAX_VALUE} for one chunk). */
    private final long chunkBytes;
    /** The elements of a text array, else null. */
    private final String[] strings;

    private NumpyArray(NumpyDtype dtype, int[] shape, RawBytes raw, String[] strings) {
        this.dtype = dtype;
        this.shape = shape;
        this.size = (int) count(shape);
        this.raw = raw;
        this.views = raw == null ? null : raw.views(dtype.order());
        this.chunkBytes = raw == null || raw.isSingle() ? Long.MAX_VALUE : views[0].capacity();
        this.strings = strings;
    }

    // ---------------------------------------------------------------- factories

    /** A float32 array of the given shape (no dimensions for a scalar); the values are copied. */
    public static NumpyArray ofFloats(float[] values, int... shape) {
        return numeric(NumpyDtype.FLOAT32, values.length, shape, (b, from, n) -> b.asFloatBuffer().put(values, from, n));
    }

    /** A float64 array; the values are copied. */
    public static NumpyArray ofDoubles(double[] values, int... shape) {
        return numeric(NumpyDtype.FLOAT64, values.length, shape, (b, from, n) -> b.asDoubleBuffer().put(values, from, n));
    }

    /** A bool array; the values are copied. */
    public static NumpyArray ofBooleans(boolean[] values, int... shape) {
        return numeric(NumpyDtype.BOOL, values.length, shape, (b, from, n) -> {
            for (int i = 0; i < n; i++) {
                b.put(i, values[from + i] ? (byte) 1 : 0);
            }
        });
    }

    /** A uint8 array of raw bytes; the values are copied. */
    public static NumpyArray ofUint8(byte[] values, int... shape) {
        return numeric(NumpyDtype.UINT8, values.length, shape, (b, from, n) -> b.put(values, from, n));
    }

    /** An int32 array; the values are copied. */
    public static NumpyArray ofInts(int[] values, int... shape) {
        return numeric(NumpyDtype.INT32, values.length, shape, (b, from, n) -> b.asIntBuffer().put(values, from, n));
    }

    /** An int64 array; the values are copied. */
    public static NumpyArray ofLongs(long[] values, int... shape) {
        return numeric(NumpyDtype.INT64, values.length, shape, (b, from, n) -> b.asLongBuffer().put(values, from, n));
    }

    /**
     * A fixed-width Unicode array {@code <U{n}}, n being the longest string's code point count (at
     * least 1, as NumPy does); the values are copied.
     *
     * @throws IllegalArgumentException for null strings or strings containing NUL
     */
    public static NumpyArray ofStrings(String[] values, int... shape) {
        int width = 1;
        for (String s : values) {
            Objects.requireNonNull(s, "strings of a Unicode array");
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("Expected strings without NUL characters, found '" + s.replace("\0", "\\0") + "'");
            }
            width = Math.max(width, s.codePointCount(0, s.length()));
        }
        return ofStrings(NumpyDtype.unicode(width), values, shape);
    }

    /** A 0-d Unicode array holding one string (how NumPy stores {@code numpy.array("text")}). */
    public static NumpyArray ofString(String s) {
        return ofStrings(new String[] {s});
    }

    /**
     * A text array of the given dtype (Unicode, bytes or object) holding the given strings, null
     * standing for None; the values are copied.
     *
     * @throws IllegalArgumentException for a numeric dtype or a count that does not match the shape
     */
    public static NumpyArray ofStrings(NumpyDtype dtype, String[] values, int... shape) {
        if (!dtype.isText()) {
            throw new IllegalArgumentException("Expected a text dtype (unicode, bytes or object) for strings, found " + dtype);
        }
        return new NumpyArray(dtype, checkShape(shape, values.length), null, values.clone());
    }

    /** Writes {@code n} elements, starting with element {@code from}, into a chunk. */
    private interface Fill {
        void into(ByteBuffer chunk, int from, int n);
    }

    private static NumpyArray numeric(NumpyDtype dtype, int length, int[] shape, Fill fill) {
        int[] s = checkShape(shape, length);
        RawBytes raw = RawBytes.allocate((long) length * dtype.itemSize());
        int from = 0;
        for (ByteBuffer b : raw.views(dtype.order())) {
            int n = b.capacity() / dtype.itemSize();
            fill.into(b, from, n);
            from += n;
        }
        return new NumpyArray(dtype, s, raw, null);
    }

    /**
     * An array from the raw bytes NumPy stores for it (a {@code .npy} file's data, a pickle's buffer),
     * taken over without copying: the caller must not use them afterwards (bool bytes other than 0
     * are set to 1 in place). Text elements are decoded.
     *
     * @param fortran whether the bytes are in Fortran (column-major) order; they are transposed to C order
     * @throws IllegalArgumentException for an object dtype, a byte count that does not match dtype and
     *                                  shape, too many elements, or uint64 values beyond the int64 range
     */
    public static NumpyArray fromBytes(NumpyDtype dtype, int[] shape, boolean fortran, RawBytes raw) {
        if (dtype.kind() == NumpyDtype.Kind.OBJECT) {
            throw new IllegalArgumentException("An object array must be built from its elements, found raw bytes");
        }
        int n = (int) count(shape);
        int item = dtype.itemSize();
        long expected = (long) n * item;
        if (raw.length() != expected) {
            throw new IllegalArgumentException("Expected " + expected + " bytes for a " + dtype.name() + " array of shape "
                    + shapeString(shape) + ", found " + raw.length());
        }
        RawBytes c = fortran && shape.length > 1 ? toCOrder(raw, item, shape) : raw;
        if (dtype.isText()) {
            String[] out = new String[n];
            byte[] one = new byte[item];
            for (int i = 0; i < n; i++) {
                c.get((long) i * item, one, 0, item);
                out[i] = dtype.kind() == NumpyDtype.Kind.UNICODE ? decodeUtf32(one, dtype.order()) : decodeBytes(one);
            }
            return new NumpyArray(dtype, shape.clone(), null, out);
        }
        NumpyArray a = new NumpyArray(dtype, shape.clone(), c, null);
        boolean bool = dtype.kind() == NumpyDtype.Kind.BOOL;
        boolean uint64 = dtype.kind() == NumpyDtype.Kind.UINT && item == 8;
        for (int i = 0; (bool || uint64) && i < n; i++) {
            ByteBuffer b = a.chunk(i);
            int p = a.pos(i);
            if (bool) {
                b.put(p, b.get(p) != 0 ? (byte) 1 : 0);
            } else if (b.getLong(p) < 0) {
                throw new IllegalArgumentException("uint64 value " + Long.toUnsignedString(b.getLong(p)) + " at index " + i
                        + " exceeds the int64 range");
            }
        }
        return a;
    }

    private static int[] checkShape(int[] shape, long length) {
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

    private static String decodeUtf32(byte[] b, ByteOrder order) {
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
    private static RawBytes toCOrder(RawBytes src, int item, int[] shape) {
        RawBytes dst = RawBytes.allocate(src.length());
        long n = src.length() / Math.max(1, item);
        int rank = shape.length;
        long[] fStride = new long[rank];
        long s = 1;
        for (int k = 0; k < rank; k++) {
            fStride[k] = s;
            s *= shape[k];
        }
        int[] idx = new int[rank];
        byte[] one = new byte[item];
        long f = 0;
        for (long c = 0; c < n; c++) {
            src.get(f * item, one, 0, item);
            dst.put(c * item, one, 0, item);
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

    // ---------------------------------------------------------------- accessors

    /** The element type. */
    public NumpyDtype dtype() {
        return dtype;
    }

    /** A copy of the shape; empty for a 0-d (scalar) array. */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of axes. */
    public int ndim() {
        return shape.length;
    }

    /** Length of one axis. */
    public int dim(int axis) {
        return shape[axis];
    }

    /** Number of elements (1 for a 0-d array). */
    public int size() {
        return size;
    }

    /** Whether elements are numbers (float, integer or bool dtype). */
    public boolean isNumeric() {
        return dtype.isNumeric();
    }

    /** Whether elements are text (Unicode, bytes or object dtype). */
    public boolean isText() {
        return dtype.isText();
    }

    private InvalidDataException wrongDtype(String expected) {
        return InvalidDataException.of(null, null, "dtype", expected, dtype.toString());
    }

    private NumpyArray requireNumeric() {
        if (raw == null) {
            throw wrongDtype("a numeric dtype (float, integer or bool)");
        }
        return this;
    }

    private NumpyArray requireText() {
        if (strings == null) {
            throw wrongDtype("a text dtype (unicode, bytes or object)");
        }
        return this;
    }

    private ByteBuffer chunk(int i) {
        Objects.checkIndex(i, size);
        return views[(int) ((long) i * dtype.itemSize() / chunkBytes)];
    }

    private int pos(int i) {
        return (int) ((long) i * dtype.itemSize() % chunkBytes);
    }

    /** Element {@code i} (flat, C order) as a float; other numeric dtypes are converted. */
    public float getFloat(int i) {
        return dtype.kind() == NumpyDtype.Kind.FLOAT && dtype.itemSize() == 4 ? chunk(i).getFloat(pos(i)) : (float) getDouble(i);
    }

    /** Element {@code i} (flat, C order) as a double; integers and bools are converted. */
    public double getDouble(int i) {
        if (requireNumeric().dtype.kind() != NumpyDtype.Kind.FLOAT) {
            return integer(i);
        }
        return dtype.itemSize() == 4 ? chunk(i).getFloat(pos(i)) : chunk(i).getDouble(pos(i));
    }

    /**
     * Element {@code i} (flat, C order) as a long.
     *
     * @throws ArithmeticException for a float element that is not an integer
     */
    public long getLong(int i) {
        if (isNumeric() && dtype.kind() != NumpyDtype.Kind.FLOAT) {
            return integer(i);
        }
        double v = getDouble(i);
        if (v != Math.rint(v) || Math.abs(v) > 9.007199254740992E15) {
            throw new ArithmeticException("Element " + i + " of a " + dtype.name() + " array is " + v + ", not an integer");
        }
        return (long) v;
    }

    /** Element {@code i} of an integer or bool array. */
    private long integer(int i) {
        ByteBuffer b = chunk(i);
        int p = pos(i);
        boolean unsigned = dtype.kind() != NumpyDtype.Kind.INT;
        switch (dtype.itemSize()) {
            case 1:
                return unsigned ? b.get(p) & 0xFFL : b.get(p);
            case 2:
                return unsigned ? b.getShort(p) & 0xFFFFL : b.getShort(p);
            case 4:
                return unsigned ? b.getInt(p) & 0xFFFFFFFFL : b.getInt(p);
            default:
                return b.getLong(p);
        }
    }

    /** Element {@code i} (flat, C order) of a text array; {@code null} for a None object element. */
    public String getString(int i) {
        return requireText().strings[i];
    }

    /** Copies {@code count} elements from flat index {@code from} into {@code dst}, converting to float. */
    public void copyFloats(int from, float[] dst, int dstOffset, int count) {
        Objects.checkFromIndexSize(from, count, size);
        Objects.checkFromIndexSize(dstOffset, count, dst.length);
        if (requireNumeric().dtype.kind() == NumpyDtype.Kind.FLOAT && dtype.itemSize() == 4) {
            for (int done = 0; done < count; ) {
                ByteBuffer b = chunk(from + done);
                int p = pos(from + done);
                int n = Math.min(count - done, (b.capacity() - p) / 4);
                b.asFloatBuffer().get(p / 4, dst, dstOffset + done, n);
                done += n;
            }
        } else if (dtype.kind() == NumpyDtype.Kind.FLOAT) {
            for (int i = 0; i < count; i++) {
                dst[dstOffset + i] = (float) getDouble(from + i);
            }
        } else {
            for (int i = 0; i < count; i++) {
                dst[dstOffset + i] = getLong(from + i);
            }
        }
    }

    /**
     * Copies {@code len} raw element bytes, in the dtype's byte order, from byte {@code offset} of a
     * numeric array (what a {@code .npy} file holds after its header).
     */
    public void copyBytes(long offset, byte[] dst, int dstOff, int len) {
        Objects.checkFromIndexSize(offset, len, requireNumeric().raw.length());
        raw.get(offset, dst, dstOff, len);
    }

    /** All elements as floats (a copy): float64 rounded to nearest, integers and bools converted. */
    public float[] toFloats() {
        float[] out = new float[size];
        copyFloats(0, out, 0, size);
        return out;
    }

    /** All elements as doubles (a copy). */
    public double[] toDoubles() {
        double[] out = new double[requireNumeric().size];
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
    public long[] toLongs() {
        long[] out = new long[requireNumeric().size];
        for (int i = 0; i < size; i++) {
            out[i] = getLong(i);
        }
        return out;
    }

    /**
     * All elements as ints (a copy).
     *
     * @throws ArithmeticException if an element is not an integer or beyond the int range
     */
    public int[] toInts() {
        int[] out = new int[requireNumeric().size];
        for (int i = 0; i < size; i++) {
            out[i] = Math.toIntExact(getLong(i));
        }
        return out;
    }

    /** The elements of a bool array (a copy). */
    public boolean[] toBooleans() {
        if (dtype.kind() != NumpyDtype.Kind.BOOL) {
            throw wrongDtype("bool '|b1'");
        }
        boolean[] out = new boolean[size];
        for (int i = 0; i < size; i++) {
            out[i] = integer(i) != 0;
        }
        return out;
    }

    /** The elements of a uint8 array as raw bytes (a copy). */
    public byte[] toBytes() {
        if (!dtype.equals(NumpyDtype.UINT8)) {
            throw wrongDtype("uint8 '|u1'");
        }
        byte[] out = new byte[size];
        copyBytes(0, out, 0, size);
        return out;
    }

    /** All elements of a text array (a copy). */
    public String[] toStrings() {
        return requireText().strings.clone();
    }

    /**
     * The string of a 0-d Unicode array.
     *
     * @throws InvalidDataException when the array is not a 0-d Unicode array
     */
    public String scalarString() {
        if (dtype.kind() != NumpyDtype.Kind.UNICODE || shape.length != 0) {
            throw InvalidDataException.of(null, null, "array", "a 0-d Unicode array", describe());
        }
        return strings[0];
    }

    /** The shape as NumPy prints it: {@code (3, 4, 6)}, {@code (2,)}, {@code ()}. */
    public String shapeString() {
        return shapeString(shape);
    }

    private static String shapeString(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Integer::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Dtype and shape, {@code '<f4' (3, 4)}, for messages. */
    public String describe() {
        return dtype + " " + shapeString();
    }

    /** Equal dtype, shape and elements (numbers bit for bit). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NumpyArray)) {
            return false;
        }
        NumpyArray a = (NumpyArray) o;
        return dtype.equals(a.dtype) && Arrays.equals(shape, a.shape)
                && (raw == null ? Arrays.equals(strings, a.strings) : a.raw != null && raw.sameBytes(a.raw));
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
