package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.InvalidDataException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A whole {@code .npy} array in memory: its header and its elements in C order as a Java array
 * ({@code float[]} for {@code f4}, {@code double[]} for {@code f8}, {@code boolean[]} for
 * {@code b1}, {@code byte[]} for {@code u1}, {@code int[]} for {@code i4}, {@code long[]} for
 * {@code i8}, {@code String[]} for {@code U{n}}). For arrays too large to hold, stream them with
 * {@link NpyReader} and {@link NpyWriter}.
 *
 * <p>Arrays read from big-endian files are converted on read; the array then carries the
 * little-endian dtype, which is what {@link #write(OutputStream, String)} writes.
 */
public final class NpyArray {
    /** Largest element count held in memory (the largest Java array). */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private final NpyHeader header;
    private final Object data;

    private NpyArray(NpyHeader header, Object data) {
        this.header = header;
        this.data = data;
    }

    private static long[] checkShape(int length, long[] shape) {
        long c = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("Expected non-negative dimensions, found " + NpyHeader.shapeString(shape));
            }
            c *= s;
        }
        if (c != length) {
            throw new IllegalArgumentException("Expected " + c + " elements for shape " + NpyHeader.shapeString(shape) + ", found " + length);
        }
        return shape.clone();
    }

    /** A float32 array of the given shape (no dimensions for a scalar); the data is copied. */
    public static NpyArray ofFloats(float[] data, long... shape) {
        return new NpyArray(NpyHeader.of(NpyDtype.FLOAT32, checkShape(data.length, shape)), data.clone());
    }

    /** A float64 array; the data is copied. */
    public static NpyArray ofDoubles(double[] data, long... shape) {
        return new NpyArray(NpyHeader.of(NpyDtype.FLOAT64, checkShape(data.length, shape)), data.clone());
    }

    /** A bool array; the data is copied. */
    public static NpyArray ofBooleans(boolean[] data, long... shape) {
        return new NpyArray(NpyHeader.of(NpyDtype.BOOL, checkShape(data.length, shape)), data.clone());
    }

    /** A uint8 array; the data is copied. */
    public static NpyArray ofUint8(byte[] data, long... shape) {
        return new NpyArray(NpyHeader.of(NpyDtype.UINT8, checkShape(data.length, shape)), data.clone());
    }

    /** An int32 array; the data is copied. */
    public static NpyArray ofInts(int[] data, long... shape) {
        return new NpyArray(NpyHeader.of(NpyDtype.INT32, checkShape(data.length, shape)), data.clone());
    }

    /** An int64 array; the data is copied. */
    public static NpyArray ofLongs(long[] data, long... shape) {
        return new NpyArray(NpyHeader.of(NpyDtype.INT64, checkShape(data.length, shape)), data.clone());
    }

    /**
     * A fixed-width Unicode array {@code <U{n}}, n being the longest string's code point count (at
     * least 1, as NumPy does).
     *
     * @throws IllegalArgumentException for null strings or strings containing NUL
     */
    public static NpyArray ofStrings(String[] data, long... shape) {
        int width = 1;
        for (String s : data) {
            Objects.requireNonNull(s, "strings of an npy array");
            if (s.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("Expected strings without NUL characters, found '" + s.replace("\0", "\\0") + "'");
            }
            width = Math.max(width, s.codePointCount(0, s.length()));
        }
        return new NpyArray(NpyHeader.of(NpyDtype.unicode(width), checkShape(data.length, shape)), data.clone());
    }

    /** A 0-d Unicode array holding one string (how NumPy stores {@code numpy.array("text")}). */
    public static NpyArray ofString(String s) {
        return ofStrings(new String[] {s});
    }

    /** The header (dtype and shape). */
    public NpyHeader header() {
        return header;
    }

    /** The dtype. */
    public NpyDtype dtype() {
        return header.dtype();
    }

    /** The shape. */
    public long[] shape() {
        return header.shape();
    }

    /** Number of elements. */
    public int size() {
        return (int) header.elementCount();
    }

    private InvalidDataException wrongKind(String expected) {
        return InvalidDataException.of(null, null, "dtype", expected, header.dtype().toString());
    }

    /** The elements as floats: a copy of float32 data, float64 data rounded to nearest. */
    public float[] toFloats() {
        if (data instanceof float[]) {
            return ((float[]) data).clone();
        }
        if (data instanceof double[]) {
            double[] d = (double[]) data;
            float[] f = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                f[i] = (float) d[i];
            }
            return f;
        }
        throw wrongKind("float32 or float64");
    }

    /** The elements of a float32 or float64 array as doubles. */
    public double[] toDoubles() {
        if (data instanceof double[]) {
            return ((double[]) data).clone();
        }
        if (data instanceof float[]) {
            float[] f = (float[]) data;
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        throw wrongKind("float32 or float64");
    }

    /** The elements of a bool array. */
    public boolean[] toBooleans() {
        if (data instanceof boolean[]) {
            return ((boolean[]) data).clone();
        }
        throw wrongKind("bool '|b1'");
    }

    /** The elements of a uint8 array, as raw bytes. */
    public byte[] toBytes() {
        if (data instanceof byte[]) {
            return ((byte[]) data).clone();
        }
        throw wrongKind("uint8 '|u1'");
    }

    /** The elements of a uint8 or int32 array as ints. */
    public int[] toInts() {
        if (data instanceof int[]) {
            return ((int[]) data).clone();
        }
        if (data instanceof byte[]) {
            byte[] b = (byte[]) data;
            int[] out = new int[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] & 0xFF;
            }
            return out;
        }
        throw wrongKind("|u1 or <i4");
    }

    /** The elements of a uint8, int32 or int64 array as longs. */
    public long[] toLongs() {
        if (data instanceof long[]) {
            return ((long[]) data).clone();
        }
        if (data instanceof int[] || data instanceof byte[]) {
            return Arrays.stream(toInts()).asLongStream().toArray();
        }
        throw wrongKind("an integer dtype (|u1, <i4, <i8)");
    }

    /** The elements of a Unicode array. */
    public String[] toStrings() {
        if (data instanceof String[]) {
            return ((String[]) data).clone();
        }
        throw wrongKind("a Unicode string dtype '<U{n}'");
    }

    /**
     * The string of a 0-d Unicode array.
     *
     * @throws InvalidDataException when the array is not a 0-d Unicode array
     */
    public String scalarString() {
        if (!(data instanceof String[]) || header.ndim() != 0) {
            throw InvalidDataException.of(null, null, "array", "a 0-d Unicode array", header.describe());
        }
        return ((String[]) data)[0];
    }

    /** Reads a whole {@code .npy} file. */
    public static NpyArray read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a whole array from a stream (left open) and checks that no bytes follow it.
     *
     * @param source the file or entry, named in errors
     */
    public static NpyArray read(InputStream in, String source) throws IOException {
        return readAll(NpyReader.open(new NonClosingInputStream(in), source), source);
    }

    /** Reads every element of an opened reader and checks that no bytes follow. */
    static NpyArray readAll(NpyReader r, String source) throws IOException {
        NpyHeader h = r.header();
        if (h.elementCount() > MAX_ELEMENTS) {
            throw InvalidDataException.of(source, null, "shape", "at most " + MAX_ELEMENTS + " elements to hold in memory (stream larger"
                    + " arrays with NpyReader)", h.shapeString());
        }
        int n = (int) h.elementCount();
        Object data;
        switch (h.dtype().kind()) {
            case FLOAT32: {
                float[] a = new float[n];
                r.readFloats(a, 0, n);
                data = a;
                break;
            }
            case FLOAT64: {
                double[] a = new double[n];
                r.readDoubles(a, 0, n);
                data = a;
                break;
            }
            case BOOL: {
                boolean[] a = new boolean[n];
                r.readBooleans(a, 0, n);
                data = a;
                break;
            }
            case UINT8: {
                byte[] a = new byte[n];
                r.readBytes(a, 0, n);
                data = a;
                break;
            }
            case INT32: {
                long[] a = new long[n];
                r.readLongs(a, 0, n);
                data = Arrays.stream(a).mapToInt(v -> (int) v).toArray();
                break;
            }
            case INT64: {
                long[] a = new long[n];
                r.readLongs(a, 0, n);
                data = a;
                break;
            }
            case UNICODE: {
                String[] a = new String[n];
                r.readStrings(a, 0, n);
                data = a;
                break;
            }
            default:
                throw new IllegalStateException();
        }
        r.finish();
        return new NpyArray(NpyHeader.of(h.dtype().littleEndian(), h.shape()), data);
    }

    /** Writes this array as a {@code .npy} file. */
    public void write(Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(out, file.toString());
        }
    }

    /** Writes this array, header and data, to a stream (left open). */
    public void write(OutputStream out, String target) throws IOException {
        writeData(new NpyWriter(out, header, target));
    }

    /** Writes the elements through a writer whose header is this array's. */
    void writeData(NpyWriter w) throws IOException {
        int n = size();
        switch (header.dtype().kind()) {
            case FLOAT32: w.writeFloats((float[]) data, 0, n); break;
            case FLOAT64: w.writeDoubles((double[]) data, 0, n); break;
            case BOOL: w.writeBooleans((boolean[]) data, 0, n); break;
            case UINT8: w.writeBytes((byte[]) data, 0, n); break;
            case INT32: w.writeInts((int[]) data, 0, n); break;
            case INT64: w.writeLongs((long[]) data, 0, n); break;
            case UNICODE: w.writeStrings((String[]) data, 0, n); break;
            default: throw new IllegalStateException();
        }
        w.finish();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NpyArray)) {
            return false;
        }
        NpyArray a = (NpyArray) o;
        return header.dtype().equals(a.header.dtype()) && Arrays.equals(header.shape(), a.header.shape())
                && Objects.deepEquals(data, a.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(header.shape()) + header.dtype().hashCode();
    }

    @Override
    public String toString() {
        return "NpyArray(" + header.describe() + ")";
    }

    /** Lets a reader close its stream without closing the caller's. */
    static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
