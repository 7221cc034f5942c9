package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.numpy.NumpyArray;
import io.github.umdf.nn.data.numpy.NumpyDtype;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Writes one {@code .npy} array to a stream: the header at construction, then the elements in C
 * order through typed methods that check the dtype and the element count, a chunk at a time.
 * Always little-endian. {@link #finish()} checks that exactly the declared number of elements was
 * written; it does not close the stream. {@link #writeArray(NumpyArray)} writes the elements of an
 * array held in memory.
 */
public final class NpyWriter {
    private static final int CHUNK = 1 << 16;

    private final OutputStream out;
    private final NpyHeader header;
    private final String target;
    private final byte[] buf = new byte[CHUNK];
    private final ByteBuffer bb = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    private long written;

    /**
     * Writes the header.
     *
     * @param out    the destination, left open
     * @param header dtype and shape; the dtype must be little-endian
     * @param target the file or entry, named in errors
     */
    public NpyWriter(OutputStream out, NpyHeader header, String target) throws IOException {
        if (!header.dtype().isLittleEndian()) {
            throw new IllegalArgumentException(target + ": expected a little-endian dtype for writing, found " + header.dtype());
        }
        this.out = out;
        this.header = header;
        this.target = target;
        out.write(header.encode());
    }

    /** The header being written. */
    public NpyHeader header() {
        return header;
    }

    /** Elements still to write. */
    public long remaining() {
        return header.elementCount() - written;
    }

    private void check(long n) {
        if (n < 0 || n > remaining()) {
            throw new IllegalStateException(target + ": expected at most " + remaining() + " more elements for shape "
                    + header.shapeString() + ", found " + n);
        }
    }

    private void checkKind(boolean ok, String what, long n) {
        if (!ok) {
            throw new IllegalStateException(target + ": cannot write " + what + " to an array of dtype " + header.dtype());
        }
        check(n);
    }

    /** Writes float32 elements. */
    public void writeFloats(float[] src, int off, int len) throws IOException {
        checkKind(header.dtype().equals(NumpyDtype.FLOAT32), "floats", len);
        int per = CHUNK / 4;
        for (int done = 0; done < len; ) {
            int n = Math.min(per, len - done);
            bb.clear();
            bb.asFloatBuffer().put(src, off + done, n);
            out.write(buf, 0, n * 4);
            done += n;
        }
        written += len;
    }

    /** Writes all of {@code src} as float32 elements. */
    public void writeFloats(float[] src) throws IOException {
        writeFloats(src, 0, src.length);
    }

    /** Writes float64 elements. */
    public void writeDoubles(double[] src, int off, int len) throws IOException {
        checkKind(header.dtype().equals(NumpyDtype.FLOAT64), "doubles", len);
        int per = CHUNK / 8;
        for (int done = 0; done < len; ) {
            int n = Math.min(per, len - done);
            bb.clear();
            bb.asDoubleBuffer().put(src, off + done, n);
            out.write(buf, 0, n * 8);
            done += n;
        }
        written += len;
    }

    /** Writes booleans. */
    public void writeBooleans(boolean[] src, int off, int len) throws IOException {
        checkKind(header.dtype().equals(NumpyDtype.BOOL), "booleans", len);
        for (int done = 0; done < len; ) {
            int n = Math.min(CHUNK, len - done);
            for (int i = 0; i < n; i++) {
                buf[i] = src[off + done + i] ? (byte) 1 : (byte) 0;
            }
            out.write(buf, 0, n);
            done += n;
        }
        written += len;
    }

    /** Writes one boolean. */
    public void writeBoolean(boolean b) throws IOException {
        checkKind(header.dtype().equals(NumpyDtype.BOOL), "booleans", 1);
        out.write(b ? 1 : 0);
        written++;
    }

    /** Writes uint8 elements. */
    public void writeBytes(byte[] src, int off, int len) throws IOException {
        checkKind(header.dtype().equals(NumpyDtype.UINT8), "bytes", len);
        out.write(src, off, len);
        written += len;
    }

    /** Writes int32 elements. */
    public void writeInts(int[] src, int off, int len) throws IOException {
        checkKind(header.dtype().equals(NumpyDtype.INT32), "ints", len);
        int per = CHUNK / 4;
        for (int done = 0; done < len; ) {
            int n = Math.min(per, len - done);
            bb.clear();
            bb.asIntBuffer().put(src, off + done, n);
            out.write(buf, 0, n * 4);
            done += n;
        }
        written += len;
    }

    /** Writes int64 elements. */
    public void writeLongs(long[] src, int off, int len) throws IOException {
        checkKind(header.dtype().equals(NumpyDtype.INT64), "longs", len);
        int per = CHUNK / 8;
        for (int done = 0; done < len; ) {
            int n = Math.min(per, len - done);
            bb.clear();
            bb.asLongBuffer().put(src, off + done, n);
            out.write(buf, 0, n * 8);
            done += n;
        }
        written += len;
    }

    /**
     * Writes one fixed-width Unicode element, padded with NUL.
     *
     * @throws IllegalArgumentException when the string is longer than the dtype's width or contains NUL
     */
    public void writeString(String s) throws IOException {
        checkKind(header.dtype().kind() == NumpyDtype.Kind.UNICODE, "strings", 1);
        int chars = header.dtype().chars();
        int[] cps = s.codePoints().toArray();
        if (cps.length > chars) {
            throw new IllegalArgumentException(target + ": expected strings of at most " + chars + " code points for dtype "
                    + header.dtype() + ", found " + cps.length + " in '" + s + "'");
        }
        ByteBuffer b = chars * 4 <= CHUNK ? bb : ByteBuffer.allocate(chars * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.clear();
        for (int i = 0; i < chars; i++) {
            int cp = i < cps.length ? cps[i] : 0;
            if (i < cps.length && cp == 0) {
                throw new IllegalArgumentException(target + ": expected strings without NUL characters, found one in '"
                        + s.replace("\0", "\\0") + "'");
            }
            b.putInt(cp);
        }
        out.write(b.array(), 0, chars * 4);
        written++;
    }

    /** Writes Unicode elements. */
    public void writeStrings(String[] src, int off, int len) throws IOException {
        for (int i = 0; i < len; i++) {
            writeString(src[off + i]);
        }
    }

    /**
     * Writes the elements of an in-memory array of this writer's dtype: the raw bytes of a numeric
     * array as they are, the strings of a Unicode array padded to the dtype's width.
     *
     * @throws IllegalStateException when the array's dtype differs or it has more elements than remain
     */
    public void writeArray(NumpyArray a) throws IOException {
        checkKind(a.dtype().equals(header.dtype()), "an array of dtype " + a.dtype(), a.size());
        if (a.isText()) {
            for (int i = 0; i < a.size(); i++) {
                writeString(a.getString(i));
            }
            return;
        }
        long bytes = (long) a.size() * a.dtype().itemSize();
        for (long at = 0; at < bytes; at += CHUNK) {
            int k = (int) Math.min(CHUNK, bytes - at);
            a.copyBytes(at, buf, 0, k);
            out.write(buf, 0, k);
        }
        written += a.size();
    }

    /** Writes an array as a {@code .npy} file. */
    public static void write(NumpyArray a, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            write(a, out, file.toString());
        }
    }

    /** Writes an array, header and data, to a stream (left open). */
    public static void write(NumpyArray a, OutputStream out, String target) throws IOException {
        NpyWriter w = new NpyWriter(out, NpyHeader.of(a), target);
        w.writeArray(a);
        w.finish();
    }

    /** Writes {@code n} zero elements of the array's dtype (0, 0.0, false or the empty string). */
    public void writeZeros(long n) throws IOException {
        check(n);
        long bytes = n * header.dtype().itemSize();
        Arrays.fill(buf, (byte) 0);
        while (bytes > 0) {
            int k = (int) Math.min(CHUNK, bytes);
            out.write(buf, 0, k);
            bytes -= k;
        }
        written += n;
    }

    /**
     * Checks that every element was written and flushes.
     *
     * @throws IllegalStateException when fewer elements were written than the shape declares
     */
    public void finish() throws IOException {
        if (remaining() != 0) {
            throw new IllegalStateException(target + ": expected " + header.elementCount() + " elements for shape "
                    + header.shapeString() + ", found " + written);
        }
        out.flush();
    }
}
