package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.numpy.NumpyArray;
import io.github.umdf.nn.data.numpy.NumpyDtype;
import io.github.umdf.nn.data.numpy.RawBytes;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Streams the elements of one {@code .npy} array (a file or an NPZ entry) in C order, a chunk at a
 * time, so that arrays larger than memory can be consumed sample by sample. The typed read methods
 * check the dtype ({@code readFloats} accepts float32 and float64, converting the latter) and never
 * read past the declared element count; a stream that ends early fails with the bytes expected and
 * found. {@link #readArray()} reads a whole array into a {@link NumpyArray}.
 */
public final class NpyReader implements Closeable {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final NpyHeader header;
    private final String source;
    private final byte[] buf = new byte[CHUNK];
    private final ByteBuffer bb;
    private long consumed;

    private NpyReader(InputStream in, NpyHeader header, String source) {
        this.in = in;
        this.header = header;
        this.source = source;
        this.bb = ByteBuffer.wrap(buf).order(header.dtype().order());
    }

    /**
     * Reads the header and returns a reader positioned at the first element. Closing the reader
     * closes {@code in}.
     *
     * @param source the file or entry, named in errors
     */
    public static NpyReader open(InputStream in, String source) throws IOException {
        NpyHeader h;
        try {
            h = NpyHeader.read(in, source);
        } catch (RuntimeException | IOException e) {
            in.close();
            throw e;
        }
        return new NpyReader(in, h, source);
    }

    /** The array's header. */
    public NpyHeader header() {
        return header;
    }

    /** The file or entry being read. */
    public String source() {
        return source;
    }

    /** Elements read so far. */
    public long position() {
        return consumed;
    }

    /** Elements not yet read. */
    public long remaining() {
        return header.elementCount() - consumed;
    }

    private void requireKind(String what, boolean ok) {
        if (!ok) {
            throw InvalidDataException.of(source, null, "dtype", what, header.dtype().toString());
        }
    }

    private void claim(long n) {
        if (n < 0 || n > remaining()) {
            throw new IllegalStateException(source + ": asked for " + n + " more elements but only " + remaining() + " of "
                    + header.elementCount() + " remain (shape " + header.shapeString() + ")");
        }
    }

    /** Fills buf[0, n) from the stream or fails naming the truncation. */
    private void fill(int n) throws IOException {
        int got = in.readNBytes(buf, 0, n);
        if (got != n) {
            long at = consumed * header.dtype().itemSize();
            throw InvalidDataException.of(source, null, "data", header.dataBytes() + " data bytes for " + header.describe(),
                    "only " + (at + got) + " (file truncated)");
        }
    }

    /** Reads {@code len} float32 or float64 elements as floats (float64 rounded to nearest). */
    public void readFloats(float[] dst, int off, int len) throws IOException {
        requireKind("float32 or float64", header.dtype().isFloating());
        claim(len);
        int size = header.dtype().itemSize();
        int per = CHUNK / size;
        int done = 0;
        while (done < len) {
            int n = Math.min(per, len - done);
            fill(n * size);
            bb.clear();
            if (size == 4) {
                bb.asFloatBuffer().get(dst, off + done, n);
            } else {
                for (int i = 0; i < n; i++) {
                    dst[off + done + i] = (float) bb.getDouble(i * 8);
                }
            }
            done += n;
            consumed += n;
        }
    }

    /** Reads {@code len} float32 or float64 elements as doubles. */
    public void readDoubles(double[] dst, int off, int len) throws IOException {
        requireKind("float32 or float64", header.dtype().isFloating());
        claim(len);
        int size = header.dtype().itemSize();
        int per = CHUNK / size;
        int done = 0;
        while (done < len) {
            int n = Math.min(per, len - done);
            fill(n * size);
            bb.clear();
            if (size == 8) {
                bb.asDoubleBuffer().get(dst, off + done, n);
            } else {
                for (int i = 0; i < n; i++) {
                    dst[off + done + i] = bb.getFloat(i * 4);
                }
            }
            done += n;
            consumed += n;
        }
    }

    /** Reads {@code len} booleans; bytes other than 0 and 1 are an error. */
    public void readBooleans(boolean[] dst, int off, int len) throws IOException {
        requireKind("bool '|b1'", header.dtype().kind() == NumpyDtype.Kind.BOOL);
        claim(len);
        int done = 0;
        while (done < len) {
            int n = Math.min(CHUNK, len - done);
            fill(n);
            checkBooleans(n);
            for (int i = 0; i < n; i++) {
                dst[off + done + i] = buf[i] == 1;
            }
            done += n;
            consumed += n;
        }
    }

    private void checkBooleans(int n) {
        for (int i = 0; i < n; i++) {
            if (buf[i] != 0 && buf[i] != 1) {
                throw InvalidDataException.of(source, null, "data", "bool bytes 0 or 1", (buf[i] & 0xFF) + " at element " + (consumed + i));
            }
        }
    }

    /** Reads one boolean. */
    public boolean readBoolean() throws IOException {
        boolean[] b = new boolean[1];
        readBooleans(b, 0, 1);
        return b[0];
    }

    /** Reads {@code len} uint8, int32 or int64 elements as longs. */
    public void readLongs(long[] dst, int off, int len) throws IOException {
        requireKind("an integer dtype (|u1, <i4, <i8)", header.dtype().kind() == NumpyDtype.Kind.UINT
                || header.dtype().kind() == NumpyDtype.Kind.INT);
        claim(len);
        int size = header.dtype().itemSize();
        int per = CHUNK / size;
        int done = 0;
        while (done < len) {
            int n = Math.min(per, len - done);
            fill(n * size);
            for (int i = 0; i < n; i++) {
                long v;
                switch (size) {
                    case 1: v = buf[i] & 0xFF; break;
                    case 4: v = bb.getInt(i * 4); break;
                    default: v = bb.getLong(i * 8); break;
                }
                dst[off + done + i] = v;
            }
            done += n;
            consumed += n;
        }
    }

    /** Reads {@code len} uint8 elements as raw bytes. */
    public void readBytes(byte[] dst, int off, int len) throws IOException {
        requireKind("|u1", header.dtype().equals(NumpyDtype.UINT8));
        claim(len);
        int done = 0;
        while (done < len) {
            int n = Math.min(CHUNK, len - done);
            fill(n);
            System.arraycopy(buf, 0, dst, off + done, n);
            done += n;
            consumed += n;
        }
    }

    /**
     * Reads one fixed-width Unicode element; trailing NUL code points are removed, as NumPy does.
     */
    public String readString() throws IOException {
        requireKind("a Unicode string dtype '<U{n}'", header.dtype().kind() == NumpyDtype.Kind.UNICODE);
        claim(1);
        int chars = header.dtype().chars();
        byte[] b = chars * 4 <= CHUNK ? buf : new byte[chars * 4];
        int got = in.readNBytes(b, 0, chars * 4);
        if (got != chars * 4) {
            long at = consumed * header.dtype().itemSize();
            throw InvalidDataException.of(source, null, "data", header.dataBytes() + " data bytes for " + header.describe(),
                    "only " + (at + got) + " (file truncated)");
        }
        ByteBuffer view = ByteBuffer.wrap(b, 0, chars * 4).order(header.dtype().order());
        int end = chars;
        while (end > 0 && view.getInt((end - 1) * 4) == 0) {
            end--;
        }
        int[] cps = new int[end];
        for (int i = 0; i < end; i++) {
            int cp = view.getInt(i * 4);
            if (!Character.isValidCodePoint(cp) || (cp >= 0xD800 && cp <= 0xDFFF)) {
                throw InvalidDataException.of(source, null, "data", "Unicode code points",
                        String.format("0x%x in element %d", cp, consumed));
            }
            cps[i] = cp;
        }
        consumed++;
        return new String(cps, 0, end);
    }

    /** Reads {@code len} Unicode elements. */
    public void readStrings(String[] dst, int off, int len) throws IOException {
        claim(len);
        for (int i = 0; i < len; i++) {
            dst[off + i] = readString();
        }
    }

    /**
     * Reads the whole array, which must not have been read from yet, and checks that no bytes follow
     * it. Big-endian data is converted as it is read: the array carries the little-endian dtype.
     *
     * @throws InvalidDataException when the array holds more than {@link NumpyArray#MAX_ELEMENTS}
     *                              elements (stream it instead), is truncated or malformed
     */
    public NumpyArray readArray() throws IOException {
        if (consumed != 0) {
            throw new IllegalStateException(source + ": " + consumed + " elements already read; readArray reads a whole array");
        }
        if (header.elementCount() > NumpyArray.MAX_ELEMENTS || Arrays.stream(header.shape()).anyMatch(d -> d > Integer.MAX_VALUE)) {
            throw InvalidDataException.of(source, null, "shape", "at most " + NumpyArray.MAX_ELEMENTS + " elements to hold in memory"
                    + " (stream larger arrays with NpyReader)", header.shapeString());
        }
        int n = (int) header.elementCount();
        int[] shape = Arrays.stream(header.shape()).mapToInt(d -> (int) d).toArray();
        NumpyDtype d = header.dtype();
        NumpyArray a;
        if (d.kind() == NumpyDtype.Kind.UNICODE) {
            String[] s = new String[n];
            readStrings(s, 0, n);
            a = NumpyArray.ofStrings(d.littleEndian(), s, shape);
        } else {
            claim(n);
            RawBytes raw = RawBytes.allocate(header.dataBytes());
            int size = d.itemSize();
            for (long at = 0; at < raw.length(); at += CHUNK) {
                int k = (int) Math.min(CHUNK, raw.length() - at);
                fill(k);
                if (d.kind() == NumpyDtype.Kind.BOOL) {
                    checkBooleans(k);
                }
                for (int i = 0; !d.isLittleEndian() && i < k; i += size) {
                    for (int lo = i, hi = i + size - 1; lo < hi; lo++, hi--) {
                        byte t = buf[lo];
                        buf[lo] = buf[hi];
                        buf[hi] = t;
                    }
                }
                raw.put(at, buf, 0, k);
                consumed += k / size;
            }
            a = NumpyArray.fromBytes(d.littleEndian(), shape, false, raw);
        }
        finish();
        return a;
    }

    /** Reads a whole {@code .npy} file (see {@link #readArray()}). */
    public static NumpyArray read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a whole array from a stream (left open) and checks that no bytes follow it.
     *
     * @param source the file or entry, named in errors
     */
    public static NumpyArray read(InputStream in, String source) throws IOException {
        return open(new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller's stream stays open
            }
        }, source).readArray();
    }

    /** Skips {@code n} elements. */
    public void skip(long n) throws IOException {
        claim(n);
        long bytes = n * header.dtype().itemSize();
        while (bytes > 0) {
            int k = (int) Math.min(CHUNK, bytes);
            int got = in.readNBytes(buf, 0, k);
            if (got != k) {
                throw InvalidDataException.of(source, null, "data", header.dataBytes() + " data bytes for " + header.describe(),
                        "fewer (file truncated)");
            }
            bytes -= k;
        }
        consumed += n;
    }

    /**
     * Checks that every element has been read and that no bytes follow the data.
     *
     * @throws InvalidDataException when trailing bytes follow the data
     */
    public void finish() throws IOException {
        if (remaining() != 0) {
            throw new IllegalStateException(source + ": " + remaining() + " of " + header.elementCount() + " elements not read");
        }
        if (in.read() >= 0) {
            throw InvalidDataException.of(source, null, "data", "exactly " + header.dataBytes() + " data bytes for " + header.describe(),
                    "more bytes after the data");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
