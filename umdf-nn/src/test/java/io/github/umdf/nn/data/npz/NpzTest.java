package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.numpy.NumpyArray;
import io.github.umdf.nn.data.numpy.NumpyDtype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpzTest {
    @TempDir
    Path dir;

    private static final NumpyArray A = NumpyArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    private static final NumpyArray B = NumpyArray.ofStrings(new String[] {"x", "yz"}, 2);
    private static final NumpyArray C = NumpyArray.ofBooleans(new boolean[] {true, false, true}, 3);

    private void write(Path f) throws IOException {
        try (NpzWriter w = new NpzWriter(f)) {
            w.add("b", B);
            w.add("train/a", A);
            w.add("c", NpyHeader.of(NumpyDtype.BOOL, 3), out -> {
                out.writeBoolean(true);
                out.writeBooleans(new boolean[] {false, true}, 0, 2);
            });
        }
    }

    @Test
    void writesAndReadsArraysInOrder() throws IOException {
        Path f = dir.resolve("x.npz");
        write(f);
        try (NpzReader r = NpzReader.open(f)) {
            assertEquals(List.of("b", "train/a", "c"), r.names());
            assertTrue(r.contains("train/a"));
            assertFalse(r.contains("a"));
            assertEquals(A, r.read("train/a"));
            assertEquals(B, r.read("b"));
            assertEquals(C, r.read("c"));
            assertEquals("'<f4' (2, 3)", r.header("train/a").describe());
            try (NpyReader a = r.open("train/a"); NpyReader c = r.open("c")) {
                float[] row = new float[3];
                a.readFloats(row, 0, 3);
                assertTrue(c.readBoolean());
                a.readFloats(row, 0, 3);
                assertArrayEquals(new float[] {4, 5, 6}, row);
            }
        }
    }

    @Test
    void entriesAreStoredWithFixedTimesAndNoExtraFields() throws IOException {
        Path f = dir.resolve("x.npz");
        write(f);
        try (ZipFile z = new ZipFile(f.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                assertEquals(ZipEntry.STORED, e.getMethod());
                assertEquals(LocalDateTime.of(1980, 2, 1, 0, 0), e.getTimeLocal());
                assertNull(e.getExtra(), e.getName());
                assertNull(e.getCreationTime());
                assertNull(e.getLastAccessTime());
            }
        }
    }

    @Test
    void identicalContentGivesIdenticalBytesInEveryTimeZone() throws IOException {
        Path f1 = dir.resolve("1.npz");
        Path f2 = dir.resolve("2.npz");
        write(f1);
        TimeZone tz = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            write(f2);
        } finally {
            TimeZone.setDefault(tz);
        }
        assertArrayEquals(Files.readAllBytes(f1), Files.readAllBytes(f2));
    }

    @Test
    void contentMustBeRepeatable() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        try (NpzWriter w = new NpzWriter(new ByteArrayOutputStream(), "mem.npz")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> w.add("n", NpyHeader.of(NumpyDtype.INT32, 1),
                    out -> out.writeInts(new int[] {calls.incrementAndGet()}, 0, 1)));
            assertTrue(e.getMessage().startsWith("mem.npz[n.npy]: the content wrote different bytes on its checksum and write passes"),
                    e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.add("n", A));
        }
    }

    @Test
    void readsDeflatedEntries() throws IOException {
        Path f = dir.resolve("compressed.npz");
        float[] big = new float[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i % 17;
        }
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("big.npy"));
            NpyWriter.write(NumpyArray.ofFloats(big, 400, 500), z, "big");
            z.closeEntry();
            z.putNextEntry(new ZipEntry("notes.txt"));
            z.write("ignored".getBytes());
            z.closeEntry();
        }
        assertTrue(Files.size(f) < 100_000);
        try (NpzReader r = NpzReader.open(f)) {
            assertEquals(List.of("big"), r.names());
            assertArrayEquals(big, r.read("big").toFloats());
        }
    }

    @Test
    void readsZip64Archives() throws IOException {
        Path f = dir.resolve("many.npz");
        int n = 65_600;
        NumpyArray one = NumpyArray.ofBooleans(new boolean[] {true}, 1);
        try (NpzWriter w = new NpzWriter(f)) {
            for (int i = 0; i < n; i++) {
                w.add("e" + i, one);
            }
        }
        try (NpzReader r = NpzReader.open(f)) {
            assertEquals(n, r.names().size());
            assertEquals(one, r.read("e65599"));
        }
    }

    @Test
    void missingEntryAndMissingFile() throws IOException {
        Path f = dir.resolve("x.npz");
        write(f);
        try (NpzReader r = NpzReader.open(f)) {
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> r.open("nope"));
            assertEquals(f + ": field 'nope.npy': expected an entry 'nope.npy', found none; the archive holds [b, train/a, c]",
                    e.getMessage());
        }
        assertThrows(NoSuchFileException.class, () -> NpzReader.open(dir.resolve("absent.npz")));
    }

    @Test
    void truncatedArchiveIsNamed() throws IOException {
        Path f = dir.resolve("x.npz");
        write(f);
        byte[] b = Files.readAllBytes(f);
        Path cut = dir.resolve("cut.npz");
        Files.write(cut, Arrays.copyOf(b, b.length / 2));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> NpzReader.open(cut));
        assertTrue(e.getMessage().startsWith(cut + ": expected a ZIP archive (.npz), found " + (b.length / 2) + " bytes that are not one ("),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; truncated or not an .npz file?)"), e.getMessage());
    }

    @Test
    void entryShorterThanItsHeaderSaysIsNamed() throws IOException {
        Path f = dir.resolve("short.npz");
        ByteArrayOutputStream npy = new ByteArrayOutputStream();
        NpyWriter.write(A, npy, "a");
        byte[] cut = Arrays.copyOf(npy.toByteArray(), npy.size() - 8);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            z.putNextEntry(new ZipEntry("a.npy"));
            z.write(cut);
            z.closeEntry();
        }
        try (NpzReader r = NpzReader.open(f)) {
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> r.read("a"));
            assertEquals(f + "[a.npy]: field 'size': expected 152 bytes for '<f4' (2, 3), found 144 bytes (truncated or corrupt entry)",
                    e.getMessage());
        }
    }

    @Test
    void streamedContentMayExceedTheBuffer() throws IOException {
        Path f = dir.resolve("s.npz");
        int rows = 300;
        int cols = 1000;
        try (NpzWriter w = new NpzWriter(f)) {
            w.add("x", NpyHeader.of(NumpyDtype.FLOAT32, rows, cols), out -> {
                float[] row = new float[cols];
                for (int i = 0; i < rows; i++) {
                    Arrays.fill(row, i);
                    out.writeFloats(row);
                }
            });
        }
        List<Float> firsts = new ArrayList<>();
        try (NpzReader r = NpzReader.open(f); NpyReader x = r.open("x")) {
            float[] row = new float[cols];
            for (int i = 0; i < rows; i++) {
                x.readFloats(row, 0, cols);
                firsts.add(row[cols - 1]);
            }
            x.finish();
        }
        assertEquals(299f, firsts.get(299));
    }
}
