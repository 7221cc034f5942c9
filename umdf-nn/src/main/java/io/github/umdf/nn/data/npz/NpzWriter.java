package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.numpy.NumpyArray;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;

/**
 * Writes a NumPy {@code .npz} archive whose bytes depend only on its content: identical arrays
 * added in the same order give byte-identical files, whatever the clock, time zone or machine.
 *
 * <ul>
 *   <li>Entries are STORED (uncompressed), named {@code <name>.npy}, in the order added.</li>
 *   <li>Every entry carries the MS-DOS time 1980-02-01 00:00, set with {@link ZipEntry#setTimeLocal},
 *       which stores the local date-time as given, without time-zone conversion. Not 1980-01-01
 *       00:00: the JDK uses that DOS value (0x00210000) as its marker for times before 1980 and then
 *       adds an extended-timestamp extra field computed in the default time zone (seen on JDK 17;
 *       {@code NpzTest} checks that entries have no extra field). ZIP64 records appear only when an
 *       entry or offset passes 4 GB or the archive has over 65,535 entries.</li>
 *   <li>Size and CRC-32 go into the local header, so no data descriptors are written. They are
 *       computed in a first pass over the content; the second pass writes it. A {@link Content}
 *       is therefore called twice and must produce the same bytes both times (checked: the ZIP
 *       stream verifies size and CRC at the end of each entry).</li>
 * </ul>
 *
 * Arrays of any size are streamed: nothing is held beyond a 64 KB buffer.
 */
public final class NpzWriter implements Closeable {
    /** The modification time of every entry (see the class comment for why not 1980-01-01). */
    public static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 2, 1, 0, 0);

    /** Produces an array's elements; called once to checksum them and once to write them. */
    @FunctionalInterface
    public interface Content {
        /** Writes every element of the array through {@code out}. */
        void writeTo(NpyWriter out) throws IOException;
    }

    private final OutputStream raw;
    private final ZipOutputStream zip;
    private final String target;
    private final Set<String> names = new HashSet<>();
    private boolean failed;

    /** Creates (or replaces) an archive file. */
    public NpzWriter(Path file) throws IOException {
        this(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20), file.toString());
    }

    /**
     * Writes an archive to a stream, which {@link #close()} closes.
     *
     * @param target the destination's name, used in errors
     */
    public NpzWriter(OutputStream out, String target) {
        this.raw = out;
        this.zip = new ZipOutputStream(out);
        this.target = target;
    }

    /** Adds an in-memory array as entry {@code name.npy}. */
    public void add(String name, NumpyArray array) throws IOException {
        add(name, NpyHeader.of(array), w -> w.writeArray(array));
    }

    /**
     * Adds an array streamed by {@code content} as entry {@code name.npy}.
     *
     * @param name    the array name, {@code train/ids} for example
     * @param header  dtype (little-endian) and shape
     * @param content writes exactly {@code header.elementCount()} elements; called twice
     * @throws IllegalArgumentException for a duplicate name
     * @throws IllegalStateException    when the content wrote different bytes on the two passes
     */
    public void add(String name, NpyHeader header, Content content) throws IOException {
        if (!names.add(name)) {
            throw new IllegalArgumentException(target + ": entry '" + name + ".npy' added twice");
        }
        if (failed) {
            throw new IllegalStateException(target + ": an earlier entry failed; the archive is incomplete");
        }
        String src = target + "[" + name + ".npy]";
        CrcCounter counter = new CrcCounter();
        NpyWriter first = new NpyWriter(counter, header, src);
        content.writeTo(first);
        first.finish();

        ZipEntry e = new ZipEntry(name + ".npy");
        e.setMethod(ZipEntry.STORED);
        e.setTimeLocal(ENTRY_TIME);
        e.setSize(counter.count);
        e.setCompressedSize(counter.count);
        e.setCrc(counter.crc.getValue());
        zip.putNextEntry(e);
        boolean done = false;
        try {
            NpyWriter second = new NpyWriter(zip, header, src);
            content.writeTo(second);
            second.finish();
            zip.closeEntry();
            done = true;
        } catch (ZipException ex) {
            throw new IllegalStateException(src + ": the content wrote different bytes on its checksum and write passes ("
                    + ex.getMessage() + "); an NpzWriter.Content must be repeatable", ex);
        } finally {
            failed |= !done;
        }
    }

    /**
     * Finishes the archive and closes the stream. After a failed {@link #add} the stream is only
     * closed: the archive is incomplete, and its callers delete it.
     */
    @Override
    public void close() throws IOException {
        if (failed) {
            raw.close();
        } else {
            zip.close();
        }
    }

    /** Counts bytes and computes their CRC-32, discarding them. */
    private static final class CrcCounter extends OutputStream {
        final CRC32 crc = new CRC32();
        long count;

        @Override
        public void write(int b) {
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            count += len;
        }
    }
}
