package io.github.umdf.nn.data.pickle;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The raw bytes of a pickled {@code bytes}/{@code bytearray} that may exceed a Java array: a full
 * MOSEI BERT feature split is 2.5 GB. Small payloads are one chunk; large ones are read in chunks of
 * {@value #CHUNK} bytes. Decoding copies whole elements out with {@link #get}, which crosses chunk
 * boundaries as needed.
 */
final class RawBytes {
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
    static RawBytes of(byte[] bytes) {
        return new RawBytes(new byte[][] {bytes}, bytes.length);
    }

    /** Reads {@code n} bytes, in chunks when {@code n} exceeds {@link #MAX_SINGLE}. */
    static RawBytes read(InputStream in, long n) throws IOException {
        return read(in, n, MAX_SINGLE, CHUNK);
    }

    /** {@link #read(InputStream, long)} with explicit limits (tests use small ones). */
    static RawBytes read(InputStream in, long n, long maxSingle, int chunk) throws IOException {
        if (n < 0) {
            throw new IOException("negative byte count " + n);
        }
        int count = n <= maxSingle ? 1 : (int) ((n + chunk - 1) / chunk);
        byte[][] chunks = new byte[count][];
        long left = n;
        for (int c = 0; c < count; c++) {
            int len = count == 1 ? (int) n : (int) Math.min(chunk, left);
            chunks[c] = new byte[len];
            readFully(in, chunks[c]);
            left -= len;
        }
        return new RawBytes(chunks, n);
    }

    private static void readFully(InputStream in, byte[] b) throws IOException {
        int off = 0;
        while (off < b.length) {
            int r = in.read(b, off, b.length - off);
            if (r < 0) {
                throw new EOFException("pickle ends in the middle of a " + b.length + "-byte payload (read " + off + ")");
            }
            off += r;
        }
    }

    /** Whether the payload fits one Java array. */
    boolean isSingle() {
        return chunks.length == 1;
    }

    /** The single array of a small payload (not a copy). */
    byte[] single() {
        if (chunks.length != 1) {
            throw new IllegalStateException("payload of " + length + " bytes is chunked");
        }
        return chunks[0];
    }

    long length() {
        return length;
    }

    /** Copies {@code len} bytes from {@code offset} into {@code dst}, across chunks if needed. */
    void get(long offset, byte[] dst, int dstOff, int len) {
        // Every chunk but the last has the length of the first.
        int chunk = chunks[0].length;
        int c = chunks.length == 1 ? 0 : (int) (offset / chunk);
        int pos = chunks.length == 1 ? (int) offset : (int) (offset % chunk);
        while (len > 0) {
            int n = Math.min(len, chunks[c].length - pos);
            System.arraycopy(chunks[c], pos, dst, dstOff, n);
            dstOff += n;
            len -= n;
            c++;
            pos = 0;
        }
    }

    @Override
    public String toString() {
        return "bytes[" + length + "]";
    }
}
