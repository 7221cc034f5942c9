package io.github.umdf.nn.data.numpy;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A byte payload that may exceed a Java array: a full MOSEI BERT feature split is 2.5 GB. Small
 * payloads are one chunk; large ones are chunks of {@value #CHUNK} bytes. The chunk size is a
 * multiple of 8, so no element of a numeric dtype straddles two chunks; {@link #get} and
 * {@link #put} cross chunk boundaries as needed.
 */
public final class RawBytes {
    /** Chunk size of large payloads (1 GiB). */
    static final int CHUNK = 1 << 30;
    /** Largest payload kept as a single {@code byte[]}. */
    static final long MAX_SINGLE = Integer.MAX_VALUE - 8;

    private final byte[][] chunks;
    private final long length;

    private RawBytes(byte[][] chunks, long length) {
        this.chunks = chunks;
        this.length = length;
    }

    /** Wraps one array without copying. */
    public static RawBytes of(byte[] bytes) {
        return new RawBytes(new byte[][] {bytes}, bytes.length);
    }

    /** {@code n} zero bytes, chunked when {@code n} exceeds {@link #MAX_SINGLE}. */
    public static RawBytes allocate(long n) {
        RawBytes r = new RawBytes(new byte[chunkCount(n, MAX_SINGLE, CHUNK)][], n);
        for (int c = 0; c < r.chunks.length; c++) {
            r.chunks[c] = new byte[chunkLength(n, c, r.chunks.length, CHUNK)];
        }
        return r;
    }

    /** Reads {@code n} bytes, in chunks when {@code n} exceeds {@link #MAX_SINGLE}. */
    public static RawBytes read(InputStream in, long n) throws IOException {
        return read(in, n, MAX_SINGLE, CHUNK);
    }

    /** {@link #read(InputStream, long)} with explicit limits (tests use small ones); a chunk is allocated only when reached. */
    static RawBytes read(InputStream in, long n, long maxSingle, int chunk) throws IOException {
        if (n < 0) {
            throw new IOException("negative byte count " + n);
        }
        byte[][] chunks = new byte[chunkCount(n, maxSingle, chunk)][];
        for (int c = 0; c < chunks.length; c++) {
            chunks[c] = new byte[chunkLength(n, c, chunks.length, chunk)];
            readFully(in, chunks[c]);
        }
        return new RawBytes(chunks, n);
    }

    private static int chunkCount(long n, long maxSingle, int chunk) {
        if (chunk % 8 != 0) {
            throw new IllegalArgumentException("Expected a chunk size that is a multiple of 8, found " + chunk);
        }
        return n <= maxSingle ? 1 : (int) ((n + chunk - 1) / chunk);
    }

    private static int chunkLength(long n, int c, int count, int chunk) {
        return count == 1 ? (int) n : (int) Math.min(chunk, n - (long) c * chunk);
    }

    private static void readFully(InputStream in, byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int r = in.read(b, off, b.length - off);
            if (r < 0) {
                throw new EOFException("the data ends in the middle of a " + b.length + "-byte payload (read " + off + ")");
            }
            off += r;
        }
    }

    /** Whether the payload fits one Java array. */
    public boolean isSingle() {
        return chunks.length == 1;
    }

    /** The single array of a small payload (not a copy). */
    public byte[] single() {
        if (chunks.length != 1) {
            throw new IllegalStateException("payload of " + length + " bytes is chunked");
        }
        return chunks[0];
    }

    /** The number of bytes. */
    public long length() {
        return length;
    }

    /** Copies {@code len} bytes from {@code offset} into {@code dst}, across chunks if needed. */
    public void get(long offset, byte[] dst, int dstOff, int len) {
        copy(offset, dst, dstOff, len, false);
    }

    /** Copies {@code len} bytes of {@code src} to {@code offset}, across chunks if needed. */
    public void put(long offset, byte[] src, int srcOff, int len) {
        copy(offset, src, srcOff, len, true);
    }

    private void copy(long offset, byte[] other, int off, int len, boolean put) {
        // Every chunk but the last has the length of the first.
        int chunk = chunks[0].length;
        int c = chunks.length == 1 ? 0 : (int) (offset / chunk);
        int pos = chunks.length == 1 ? (int) offset : (int) (offset % chunk);
        while (len > 0) {
            int n = Math.min(len, chunks[c].length - pos);
            if (put) {
                System.arraycopy(other, off, chunks[c], pos, n);
            } else {
                System.arraycopy(chunks[c], pos, other, off, n);
            }
            off += n;
            len -= n;
            c++;
            pos = 0;
        }
    }

    /** One buffer per chunk over the bytes themselves (not a copy), in the given order. */
    ByteBuffer[] views(ByteOrder order) {
        return Arrays.stream(chunks).map(b -> ByteBuffer.wrap(b).order(order)).toArray(ByteBuffer[]::new);
    }

    /** Whether both payloads hold the same bytes. */
    boolean sameBytes(RawBytes o) {
        if (length != o.length) {
            return false;
        }
        byte[] a = new byte[1 << 16];
        byte[] b = new byte[a.length];
        for (long at = 0; at < length; at += a.length) {
            int k = (int) Math.min(a.length, length - at);
            get(at, a, 0, k);
            o.get(at, b, 0, k);
            if (!Arrays.equals(a, 0, k, b, 0, k)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "bytes[" + length + "]";
    }
}
