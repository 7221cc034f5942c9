package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.InvalidDataException;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyArrayTest {
    @TempDir
    Path dir;

    private static byte[] bytes(NpyArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.write(out, "mem");
        return out.toByteArray();
    }

    private static NpyArray read(byte[] b) throws IOException {
        return NpyArray.read(new ByteArrayInputStream(b), "y.npy");
    }

    @Test
    void roundTripsEveryDtype() throws IOException {
        List<NpyArray> arrays = List.of(
                NpyArray.ofFloats(new float[] {1.5f, -0f, Float.NaN, Float.MAX_VALUE, 1e-40f, -3f}, 2, 3),
                NpyArray.ofDoubles(new double[] {Math.PI, -1e300}, 2),
                NpyArray.ofBooleans(new boolean[] {true, false, true}, 3),
                NpyArray.ofUint8(new byte[] {0, 127, (byte) 255}, 3, 1),
                NpyArray.ofInts(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, 3),
                NpyArray.ofLongs(new long[] {Long.MIN_VALUE, 42, Long.MAX_VALUE, -1}, 2, 2),
                NpyArray.ofStrings(new String[] {"a", "", "mosi/train/000042", "caf\u00e9 \uD83D\uDE00"}, 4),
                NpyArray.ofString("{\"format\":\"umdf-dataset\"}"),
                NpyArray.ofFloats(new float[0], 0, 50, 300));
        for (NpyArray a : arrays) {
            NpyArray back = read(bytes(a));
            assertEquals(a, back, a.toString());
            assertEquals(a.header().describe(), back.header().describe());
        }
        NpyArray s = NpyArray.ofStrings(new String[] {"ab", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"}, 2);
        assertEquals("<U3", s.dtype().descr());
        assertEquals("{\"x\":1}", read(bytes(NpyArray.ofString("{\"x\":1}"))).scalarString());
        assertArrayEquals(new int[] {0, 127, 255}, read(bytes(NpyArray.ofUint8(new byte[] {0, 127, (byte) 255}, 3))).toInts());
    }

    @Test
    void readsAndWritesFiles() throws IOException {
        Path f = dir.resolve("a.npy");
        NpyArray a = NpyArray.ofFloats(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);
        a.write(f);
        assertEquals(a, NpyArray.read(f));
        assertEquals(128 + 24, Files.size(f));
    }

    @Test
    void convertsFloat64ToFloatOnRequest() throws IOException {
        NpyArray a = read(bytes(NpyArray.ofDoubles(new double[] {0.1, 1e300, -2.5}, 3)));
        assertArrayEquals(new float[] {0.1f, Float.POSITIVE_INFINITY, -2.5f}, a.toFloats());
        assertArrayEquals(new double[] {(double) 0.25f, 1}, read(bytes(NpyArray.ofFloats(new float[] {0.25f, 1}, 2))).toDoubles());
    }

    @Test
    void readsBigEndianArrays() throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        DataOutputStream be = new DataOutputStream(data);
        be.writeFloat(1.25f);
        be.writeFloat(-7f);
        byte[] f4 = NpyTestBytes.npy(1, "{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }", 64, data.toByteArray());
        NpyArray a = read(f4);
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
        byte[] full = bytes(NpyArray.ofFloats(new float[12], 3, 4));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> read(Arrays.copyOf(full, full.length - 28)));
        assertEquals("y.npy: field 'data': expected 48 data bytes for '<f4' (3, 4), found only 20 (file truncated)", e.getMessage());
        byte[] longer = Arrays.copyOf(full, full.length + 1);
        e = assertThrows(InvalidDataException.class, () -> read(longer));
        assertEquals("y.npy: field 'data': expected exactly 48 data bytes for '<f4' (3, 4), found more bytes after the data", e.getMessage());
    }

    @Test
    void typedAccessChecksTheDtype() throws IOException {
        NpyArray b = NpyArray.ofBooleans(new boolean[] {true}, 1);
        InvalidDataException e = assertThrows(InvalidDataException.class, b::toFloats);
        assertEquals("field 'dtype': expected float32 or float64, found '|b1'", e.getMessage());
        try (NpyReader r = NpyReader.open(new ByteArrayInputStream(bytes(NpyArray.ofLongs(new long[] {1}, 1))), "z.npy")) {
            e = assertThrows(InvalidDataException.class, () -> r.readFloats(new float[1], 0, 1));
            assertEquals("z.npy: field 'dtype': expected float32 or float64, found '<i8'", e.getMessage());
        }
        byte[] two = bytes(NpyArray.ofBooleans(new boolean[] {true, false}, 2));
        two[two.length - 1] = 2;
        e = assertThrows(InvalidDataException.class, () -> read(two));
        assertEquals("y.npy: field 'data': expected bool bytes 0 or 1, found 2 at element 1", e.getMessage());
        e = assertThrows(InvalidDataException.class, NpyArray.ofFloats(new float[2], 2)::scalarString);
        assertEquals("field 'array': expected a 0-d Unicode array, found '<f4' (2,)", e.getMessage());
    }

    @Test
    void streamingReadsInChunksAndRefusesReadingPastTheEnd() throws IOException {
        float[] big = new float[100_003];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 0.5f;
        }
        byte[] b = bytes(NpyArray.ofFloats(big, big.length));
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
        NpyWriter w = new NpyWriter(out, NpyHeader.of(NpyDtype.FLOAT32, 2, 2), "w.npy");
        w.writeFloats(new float[] {1, 2, 3});
        IllegalStateException e = assertThrows(IllegalStateException.class, w::finish);
        assertEquals("w.npy: expected 4 elements for shape (2, 2), found 3", e.getMessage());
        assertThrows(IllegalStateException.class, () -> w.writeFloats(new float[2]));
        assertThrows(IllegalStateException.class, () -> w.writeBooleans(new boolean[1], 0, 1));
        IllegalArgumentException be = assertThrows(IllegalArgumentException.class,
                () -> new NpyWriter(out, NpyHeader.of(NpyDtype.FLOAT32.bigEndian(), 1), "w.npy"));
        assertEquals("w.npy: expected a little-endian dtype for writing, found '>f4'", be.getMessage());
        NpyWriter sw = new NpyWriter(new ByteArrayOutputStream(), NpyHeader.of(NpyDtype.unicode(2), 2), "s.npy");
        IllegalArgumentException se = assertThrows(IllegalArgumentException.class, () -> sw.writeString("abc"));
        assertEquals("s.npy: expected strings of at most 2 code points for dtype '<U2', found 3 in 'abc'", se.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofStrings(new String[] {"a\0"}, 1));
        assertThrows(IllegalArgumentException.class, () -> NpyArray.ofFloats(new float[3], 2, 2));
        assertFalse(NpyArray.ofBooleans(new boolean[] {true}, 1).equals(NpyArray.ofBooleans(new boolean[] {true})));
        assertTrue(NpyArray.ofBooleans(new boolean[] {true}).header().ndim() == 0);
    }
}
