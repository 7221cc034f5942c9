package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.numpy.NumpyArray;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads the arrays of a NumPy {@code .npz} archive (a ZIP file of {@code .npy} entries, as
 * {@code numpy.savez} and {@code numpy.savez_compressed} write it): stored or deflated entries,
 * ZIP64 archives beyond 4 GB. An array is addressed by its entry name without {@code .npy}
 * ({@code train/ids} for entry {@code train/ids.npy}). Arrays are streamed with
 * {@link #open(String)} or read whole with {@link #read(String)}; several arrays may be streamed
 * at the same time.
 */
public final class NpzReader implements Closeable {
    private final Path file;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new LinkedHashMap<>();

    private NpzReader(Path file, ZipFile zip) {
        this.file = file;
        this.zip = zip;
        Enumeration<? extends ZipEntry> e = zip.entries();
        while (e.hasMoreElements()) {
            ZipEntry z = e.nextElement();
            if (!z.isDirectory() && z.getName().endsWith(".npy")) {
                entries.put(z.getName().substring(0, z.getName().length() - 4), z);
            }
        }
    }

    /**
     * Opens an archive.
     *
     * @throws InvalidDataException when the file is not a readable ZIP archive (truncated, say)
     * @throws NoSuchFileException  when it does not exist
     */
    public static NpzReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such .npz file");
        }
        try {
            return new NpzReader(file, new ZipFile(file.toFile()));
        } catch (ZipException e) {
            throw new InvalidDataException(InvalidDataException.of(file, null, null, "a ZIP archive (.npz)",
                    Files.size(file) + " bytes that are not one (" + e.getMessage() + "; truncated or not an .npz file?)").getMessage(), e);
        }
    }

    /** The archive file. */
    public Path file() {
        return file;
    }

    /** The array names in archive order, without {@code .npy}. */
    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
    }

    /** Whether the archive holds the array. */
    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    private String source(String name) {
        return file + "[" + name + ".npy]";
    }

    private ZipEntry entry(String name) {
        ZipEntry z = entries.get(name);
        if (z == null) {
            throw InvalidDataException.of(file, null, name + ".npy", "an entry '" + name + ".npy'",
                    "none; the archive holds " + entries.keySet());
        }
        return z;
    }

    /** Reads only the header of an array. */
    public NpyHeader header(String name) throws IOException {
        try (NpyReader r = open(name)) {
            return r.header();
        }
    }

    /**
     * Opens an array for streaming. The entry's uncompressed size, when the archive records it, is
     * checked against the header so that a truncated entry fails before any element is read.
     *
     * @throws InvalidDataException naming the entry when it is missing, malformed or truncated
     */
    public NpyReader open(String name) throws IOException {
        ZipEntry z = entry(name);
        String src = source(name);
        InputStream in;
        try {
            in = new BufferedInputStream(zip.getInputStream(z), 1 << 16);
        } catch (ZipException e) {
            throw new InvalidDataException(src + ": cannot open entry: " + e.getMessage(), e);
        }
        NpyReader r = NpyReader.open(new ZipErrorStream(in, src), src);
        long expected = r.header().byteLength() + r.header().dataBytes();
        long size = z.getSize();
        if (size >= 0 && size != expected) {
            r.close();
            throw InvalidDataException.of(src, null, "size", expected + " bytes for " + r.header().describe(),
                    size + " bytes (truncated or corrupt entry)");
        }
        return r;
    }

    /** Reads a whole array (see {@link NpyReader#readArray()}). */
    public NumpyArray read(String name) throws IOException {
        try (NpyReader r = open(name)) {
            return r.readArray();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** Turns ZIP-level failures inside an entry (bad CRC, inflater errors) into errors naming it. */
    private static final class ZipErrorStream extends java.io.FilterInputStream {
        private final String source;

        ZipErrorStream(InputStream in, String source) {
            super(in);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (ZipException e) {
                throw new InvalidDataException(source + ": corrupt entry: " + e.getMessage(), e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (ZipException e) {
                throw new InvalidDataException(source + ": corrupt entry: " + e.getMessage(), e);
            }
        }
    }
}
