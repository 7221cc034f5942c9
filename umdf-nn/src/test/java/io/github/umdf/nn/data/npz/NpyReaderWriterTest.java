package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.numpy.NumpyArray;
import io.github.umdf.nn.data.numpy.NumpyDtype;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Whole arrays through {@link NpyReader} and {@link NpyWriter}, and their streaming checks; the array
 * model itself is tested in {@code NumpyArrayTest}.
 */
class NpyReaderWriterTest {
    @TempDir
    Path dir;

    private static byte[] bytes(NumpyArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter.write(a, out, "mem");
        return out.toByteArray();
    }

    private static NumpyArray read(byte[] b) throws IOException {
        return NpyReader.read(new ByteArrayInputStream(b), "y.npy");
    }

    @Test
    void roundTripsEveryDtype() throws IOException {
        List<NumpyArray> arrays = List.of(
                NumpyArray.ofFloats(new float[] {1.5f, -0f, Float.NaN, Float.MAX_VALUE, 1e-40f, -3f}, 2, 3),
                NumpyArray.ofDoubles(new double[] {Math.PI, -1e300}, 2),
                NumpyArray.ofBooleans(new boolean[] {true, false, true}, 3),
                NumpyArray.ofUint8(new byte[] {0, 127, (byte) 255}, 3, 1),
                NumpyArray.ofInts(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, 3),
                NumpyArray.ofLongs(new long[] {Long.MIN_VALUE, 42, Long.MAX_VALUE, -1}, 2, 2),
                NumpyArray.ofStrings(new String[] {"a", "", "mosi/train/000042", "caf\u00e9 \uD83D\uDE00"}, 4),
                NumpyArray.ofString("{\"format\":\"umdf-dataset\"}"),
                NumpyArray.ofFloats(new float[0], 0, 50, 300));
        for (NumpyArray a : arrays) {
            NumpyArray back = read(bytes(a));
            assertEquals(a, back, a.toString());
            assertEquals(a.describe(), back.describe());
        }
        assertEquals("{\"x\":1}", read(bytes(NumpyArray.ofString("{\"x\":1}"))).scalarString());
        assertArrayEquals(new int[] {0, 127, 255}, read(bytes(NumpyArray.ofUint8(new byte[] {0, 127, (byte) 255}, 3))).toInts());
        NumpyArray pickled = NumpyArray.ofStrings(NumpyDtype.unicode(5), new String[] {"ab"}, 1);
        assertEquals(pickled, read(bytes(pickled)), "a Unicode array keeps its width");
    }

    @Test
    void readsAndWritesFiles() throws IOException {
        Path f = dir.resolve("a.npy");
        NumpyArray a = NumpyArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        NpyWriter.write(a, f);
        assertEquals(a, NpyReader.read(f));
        assertEquals(128 + 24, Files.size(f));
    }

    @Test
    void convertsFloat64ToFloatOnRequest() throws IOException {
        NumpyArray a = read(bytes(NumpyArray.ofDoubles(new double[] {0.1, 1e300, -2.5}, 3)));
        assertArrayEquals(new float[] {0.1f, Float.POSITIVE_INFINITY, -2.5f}, a.toFloats());
        assertArrayEquals(new double[] {(double) 0.25f, 1}, read(bytes(NumpyArray.ofFloats(new float[] {0.25f, 1}, 2))).toDoubles());
    }

    @Test
    void readsBigEndianArrays() throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        DataOutputStream be = new DataOutputStream(data);
        be.writeFloat(1.25f);
        be.writeFloat(-7f);
        byte[] f4 = NpyTestBytes.npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", 64, data.toByteArray());
        NumpyArray a = read(f4);
        assertArrayEquals(new float[] {1.25f, -7f}, a.toFloats());
        assertEquals("<f4", a.dtype().descr(), "converted on read");

        data.reset();
        be.writeLong(-5L);
        be.writeDouble(2.5);
        assertArrayEquals(new long[] {-5L}, read(NpyTestBytes.npy(1, "{'descr': '>i8', 'fortran_order': False, 'shape': (1,), }", 64,
                Arrays.copyOf(data.toByteArray(), 8))).toLongs());
        assertArrayEquals(new double[] {2.5}, read(NpyTestBytes.npy(1, "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", 64,
                Arrays.copyOfRange(data.toByteArray(), 8, 16))).toDoubles());
        data.reset();
        be.writeInt('h');
        be.writeInt('i');
        be.writeInt(0);
        assertEquals("hi", read(NpyTestBytes.npy(1, "{'descr': '>U3', 'fortran_order': False, 'shape': (), }", 64,
                data.toByteArray())).scalarString());
    }

    @Test
    void truncatedAndOverlongDataAreErrors() throws IOException {
        byte[] full = bytes(NumpyArray.ofFloats(new float[12], 3, 4));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> read(Arrays.copyOf(full, full.length - 28)));
        assertEquals("y.npy: field 'data': expected 48 data bytes for '<f4' (3, 4), found only 20 (file truncated)", e.getMessage());
        byte[] longer = Arrays.copyOf(full, full.length + 1);
        e = assertThrows(InvalidDataException.class, () -> read(longer));
        assertEquals("y.npy: field 'data': expected exactly 48 data bytes for '<f4' (3, 4), found more bytes after the data", e.getMessage());
    }

    @Test
    void readersCheckTheDtypeBoolBytesAndSize() throws IOException {
        try (NpyReader r = NpyReader.open(new ByteArrayInputStream(bytes(NumpyArray.ofLongs(new long[] {1}, 1))), "z.npy")) {
            InvalidDataException e = assertThrows(InvalidDataException.class, () -> r.readFloats(new float[1], 0, 1));
            assertEquals("z.npy: field 'dtype': expected float32 or float64, found '<i8'", e.getMessage());
        }
        byte[] two = bytes(NumpyArray.ofBooleans(new boolean[] {true, false}, 2));
        two[two.length - 1] = 2;
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> read(two));
        assertEquals("y.npy: field 'data': expected bool bytes 0 or 1, found 2 at element 1", e.getMessage());
        try (NpyReader r = NpyReader.open(new ByteArrayInputStream(two), "z.npy")) {
            e = assertThrows(InvalidDataException.class, () -> r.readBooleans(new boolean[2], 0, 2));
            assertEquals("z.npy: field 'data': expected bool bytes 0 or 1, found 2 at element 1", e.getMessage());
        }
        byte[] huge = NpyTestBytes.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3000000000,), }");
        e = assertThrows(InvalidDataException.class, () -> read(huge));
        assertEquals("y.npy: field 'shape': expected at most " + NumpyArray.MAX_ELEMENTS + " elements to hold in memory (stream larger"
                + " arrays with NpyReader), found (3000000000,)", e.getMessage());
        try (NpyReader r = NpyReader.open(new ByteArrayInputStream(bytes(NumpyArray.ofLongs(new long[] {1, 2}, 2))), "z.npy")) {
            r.skip(1);
            assertThrows(IllegalStateException.class, r::readArray);
        }
    }

    @Test
    void streamingReadsInChunksAndRefusesReadingPastTheEnd() throws IOException {
        float[] big = new float[100_003];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 0.5f;
        }
        byte[] b = bytes(NumpyArray.ofFloats(big, big.length));
        try (NpyReader r = NpyReader.open(new ByteArrayInputStream(b), "s.npy")) {
            float[] part = new float[40_000];
            r.readFloats(part, 0, 40_000);
            assertEquals(39_999 * 0.5f, part[39_999]);
            r.skip(60_000);
            r.readFloats(part, 0, 3);
            assertEquals(100_002 * 0.5f, part[2]);
            assertEquals(0, r.remaining());
            assertThrows(IllegalStateException.class, () -> r.readFloats(part, 0, 1));
            r.finish();
        }
    }

    @Test
    void writerChecksDtypeCountAndStrings() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpyWriter w = new NpyWriter(out, NpyHeader.of(NumpyDtype.FLOAT32, 2, 2), "w.npy");
        w.writeFloats(new float[] {1, 2, 3});
        IllegalStateException e = assertThrows(IllegalStateException.class, w::finish);
        assertEquals("w.npy: expected 4 elements for shape (2, 2), found 3", e.getMessage());
        assertThrows(IllegalStateException.class, () -> w.writeFloats(new float[2]));
        assertThrows(IllegalStateException.class, () -> w.writeBooleans(new boolean[1], 0, 1));
        IllegalArgumentException be = assertThrows(IllegalArgumentException.class,
                () -> new NpyWriter(out, NpyHeader.of(NumpyDtype.FLOAT32.bigEndian(), 1), "w.npy"));
        assertEquals("w.npy: expected a little-endian dtype for writing, found '>f4'", be.getMessage());
        NpyWriter sw = new NpyWriter(new ByteArrayOutputStream(), NpyHeader.of(NumpyDtype.unicode(2), 2), "s.npy");
        IllegalArgumentException se = assertThrows(IllegalArgumentException.class, () -> sw.writeString("abc"));
        assertEquals("s.npy: expected strings of at most 2 code points for dtype '<U2', found 3 in 'abc'", se.getMessage());
        NpyWriter aw = new NpyWriter(new ByteArrayOutputStream(), NpyHeader.of(NumpyDtype.FLOAT32, 2), "a.npy");
        IllegalStateException ae = assertThrows(IllegalStateException.class, () -> aw.writeArray(NumpyArray.ofLongs(new long[2], 2)));
        assertEquals("a.npy: cannot write an array of dtype '<i8' to an array of dtype '<f4'", ae.getMessage());
        assertThrows(IllegalStateException.class, () -> aw.writeArray(NumpyArray.ofFloats(new float[3], 3)));
        NumpyArray bigEndian = read(NpyTestBytes.npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", 64, new byte[4]));
        assertEquals(NumpyDtype.FLOAT32, bigEndian.dtype(), "read arrays are little-endian, so they can be written");
    }
}
