package io.github.umdf.nn.data.numpy;

import io.github.umdf.nn.data.InvalidDataException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumpyArrayTest {

    @Test
    void factoriesCopyAndCheckTheShape() {
        float[] v = {1, 2, 3, 4, 5, 6};
        NumpyArray a = NumpyArray.ofFloats(v, 2, 3);
        v[0] = 99;
        assertEquals(1f, a.getFloat(0), "the factory copies");
        assertEquals("(2, 3)", a.shapeString());
        assertEquals("NumpyArray(float32, shape (2, 3))", a.toString());
        assertEquals("'<f4' (2, 3)", a.describe());
        assertEquals("(6,)", NumpyArray.ofLongs(new long[6], 6).shapeString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NumpyArray.ofFloats(new float[5], 2, 3));
        assertEquals("Expected 6 values for shape (2, 3), found 5", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NumpyArray.ofFloats(new float[3], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> NumpyArray.ofFloats(new float[0], 2, -1));
        assertThrows(IllegalArgumentException.class, () -> NumpyArray.ofStrings(new String[] {"a\0"}, 1));
        assertThrows(NullPointerException.class, () -> NumpyArray.ofStrings(new String[] {null}, 1));
        NumpyArray scalar = NumpyArray.ofBooleans(new boolean[] {true});
        assertEquals(0, scalar.ndim());
        assertEquals(1, scalar.size());
        assertFalse(NumpyArray.ofBooleans(new boolean[] {true}, 1).equals(scalar), "shape (1,) is not ()");
    }

    @Test
    void everyFactoryRoundTripsItsValues() {
        float[] f = {1.5f, -0f, Float.NaN, Float.MAX_VALUE, 1e-40f, -3f};
        assertArrayEquals(f, NumpyArray.ofFloats(f, 2, 3).toFloats());
        assertArrayEquals(new double[] {Math.PI, -1e300}, NumpyArray.ofDoubles(new double[] {Math.PI, -1e300}, 2).toDoubles());
        assertArrayEquals(new boolean[] {true, false, true}, NumpyArray.ofBooleans(new boolean[] {true, false, true}, 3).toBooleans());
        NumpyArray u1 = NumpyArray.ofUint8(new byte[] {0, 127, (byte) 255}, 3, 1);
        assertArrayEquals(new byte[] {0, 127, (byte) 255}, u1.toBytes());
        assertArrayEquals(new int[] {0, 127, 255}, u1.toInts());
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE},
                NumpyArray.ofInts(new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE}, 3).toInts());
        assertArrayEquals(new long[] {Long.MIN_VALUE, 42, Long.MAX_VALUE, -1},
                NumpyArray.ofLongs(new long[] {Long.MIN_VALUE, 42, Long.MAX_VALUE, -1}, 2, 2).toLongs());
        String[] s = {"a", "", "mosi/train/000042", "caf\u00e9 \uD83D\uDE00"};
        assertArrayEquals(s, NumpyArray.ofStrings(s, 4).toStrings());
        assertEquals("<U3", NumpyArray.ofStrings(new String[] {"ab", "\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00"}, 2).dtype().descr(),
                "the width counts code points");
        assertEquals("<U1", NumpyArray.ofStrings(new String[] {""}, 1).dtype().descr(), "at least 1, as NumPy does");
        assertEquals("{\"x\":1}", NumpyArray.ofString("{\"x\":1}").scalarString());
        assertEquals(0, NumpyArray.ofFloats(new float[0], 0, 50, 300).size());
    }

    @Test
    void equalityComparesDtypeShapeAndElements() {
        assertEquals(NumpyArray.ofFloats(new float[] {1, Float.NaN}, 2), NumpyArray.ofFloats(new float[] {1, Float.NaN}, 2));
        assertEquals(NumpyArray.ofFloats(new float[] {1, 2}, 2).hashCode(), NumpyArray.ofFloats(new float[] {1, 2}, 2).hashCode());
        assertNotEquals(NumpyArray.ofFloats(new float[] {1, 2}, 2), NumpyArray.ofFloats(new float[] {1, 3}, 2));
        assertNotEquals(NumpyArray.ofFloats(new float[] {1, 2}, 2), NumpyArray.ofFloats(new float[] {1, 2}, 1, 2));
        assertNotEquals(NumpyArray.ofFloats(new float[] {1, 2}, 2), NumpyArray.ofDoubles(new double[] {1, 2}, 2));
        assertEquals(NumpyArray.ofStrings(new String[] {"a", "b"}, 2), NumpyArray.ofStrings(new String[] {"a", "b"}, 2));
        assertNotEquals(NumpyArray.ofStrings(new String[] {"a", "b"}, 2),
                NumpyArray.ofStrings(NumpyDtype.OBJECT, new String[] {"a", "b"}, 2));
    }

    @Test
    void convertsBetweenNumericDtypes() {
        NumpyArray d = NumpyArray.ofDoubles(new double[] {1.0, 2.5, -3.0}, 3);
        assertArrayEquals(new float[] {1.0f, 2.5f, -3.0f}, d.toFloats());
        assertArrayEquals(new float[] {0.1f, Float.POSITIVE_INFINITY, -2.5f}, NumpyArray.ofDoubles(new double[] {0.1, 1e300, -2.5}, 3)
                .toFloats(), "float64 is rounded to nearest");
        assertArrayEquals(new double[] {(double) 0.25f, 1}, NumpyArray.ofFloats(new float[] {0.25f, 1}, 2).toDoubles());
        assertEquals(1L, d.getLong(0));
        ArithmeticException notInt = assertThrows(ArithmeticException.class, () -> d.getLong(1));
        assertTrue(notInt.getMessage().contains("2.5, not an integer"));
        assertThrows(ArithmeticException.class, NumpyArray.ofLongs(new long[] {1L << 40}, 1)::toInts);
        NumpyArray l = NumpyArray.ofLongs(new long[] {4, 5}, 2);
        float[] dst = new float[4];
        l.copyFloats(0, dst, 1, 2);
        assertArrayEquals(new float[] {0, 4, 5, 0}, dst);
        assertThrows(IndexOutOfBoundsException.class, () -> l.copyFloats(1, dst, 0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> l.getDouble(2));
        assertArrayEquals(new float[] {1, 0}, NumpyArray.ofBooleans(new boolean[] {true, false}, 2).toFloats(), "bools are 0 and 1");
        assertArrayEquals(new long[] {7, 255}, NumpyArray.ofUint8(new byte[] {7, (byte) 255}, 2).toLongs(), "uint8 is unsigned");
    }

    @Test
    void typedAccessChecksTheDtype() {
        NumpyArray s = NumpyArray.ofStrings(NumpyDtype.OBJECT, new String[] {"a", null}, 2);
        assertTrue(s.isText());
        assertFalse(s.isNumeric());
        assertNull(s.getString(1), "None");
        InvalidDataException e = assertThrows(InvalidDataException.class, s::toFloats);
        assertEquals("field 'dtype': expected a numeric dtype (float, integer or bool), found '|O'", e.getMessage());
        assertThrows(InvalidDataException.class, () -> s.getDouble(0));
        NumpyArray l = NumpyArray.ofLongs(new long[] {4, 5}, 2);
        e = assertThrows(InvalidDataException.class, () -> l.getString(0));
        assertEquals("field 'dtype': expected a text dtype (unicode, bytes or object), found '<i8'", e.getMessage());
        e = assertThrows(InvalidDataException.class, NumpyArray.ofFloats(new float[] {1}, 1)::toBooleans);
        assertEquals("field 'dtype': expected bool '|b1', found '<f4'", e.getMessage());
        e = assertThrows(InvalidDataException.class, l::toBytes);
        assertEquals("field 'dtype': expected uint8 '|u1', found '<i8'", e.getMessage());
        e = assertThrows(InvalidDataException.class, NumpyArray.ofFloats(new float[2], 2)::scalarString);
        assertEquals("field 'array': expected a 0-d Unicode array, found '<f4' (2,)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NumpyArray.ofStrings(NumpyDtype.FLOAT32, new String[] {"a"}, 1));
    }

    private static RawBytes bytes(ByteOrder order, double... values) {
        ByteBuffer bb = ByteBuffer.allocate(8 * values.length).order(order);
        for (double v : values) {
            bb.putDouble(v);
        }
        return RawBytes.of(bb.array());
    }

    @Test
    void decodesRawBytesInEitherByteOrder() {
        NumpyArray be = NumpyArray.fromBytes(NumpyDtype.FLOAT64.bigEndian(), new int[] {2}, false, bytes(ByteOrder.BIG_ENDIAN, 2.5, -1));
        assertArrayEquals(new double[] {2.5, -1}, be.toDoubles());
        assertEquals(">f8", be.dtype().descr(), "the array keeps the byte order it was given");
        byte[] i2 = {1, 0, (byte) 0xFF, (byte) 0xFF};
        assertArrayEquals(new long[] {1, -1}, NumpyArray.fromBytes(NumpyDtype.parse("<i2"), new int[] {2}, false, RawBytes.of(i2)).toLongs());
        assertArrayEquals(new long[] {1, 65535}, NumpyArray.fromBytes(NumpyDtype.parse("<u2"), new int[] {2}, false, RawBytes.of(i2))
                .toLongs());
        assertArrayEquals(new long[] {256, -1}, NumpyArray.fromBytes(NumpyDtype.parse(">i2"), new int[] {2}, false, RawBytes.of(i2.clone()))
                .toLongs());
        NumpyArray b = NumpyArray.fromBytes(NumpyDtype.BOOL, new int[] {3}, false, RawBytes.of(new byte[] {0, 1, 7}));
        assertArrayEquals(new boolean[] {false, true, true}, b.toBooleans());
        assertEquals(NumpyArray.ofBooleans(new boolean[] {false, true, true}, 3), b, "bools are held as 0 and 1");
        byte[] u8 = new byte[8];
        u8[7] = (byte) 0x80;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NumpyArray.fromBytes(NumpyDtype.parse("<u8"), new int[] {1}, false, RawBytes.of(u8)));
        assertEquals("uint64 value 9223372036854775808 at index 0 exceeds the int64 range", e.getMessage());
    }

    @Test
    void decodesTextAndTransposesFortranOrder() {
        ByteBuffer u = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
        u.putInt('h').putInt('i').putInt(0x1F600).putInt(0);
        NumpyArray text = NumpyArray.fromBytes(NumpyDtype.parse(">U2"), new int[] {2}, false, RawBytes.of(u.array()));
        assertArrayEquals(new String[] {"hi", "\uD83D\uDE00"}, text.toStrings(), "trailing NULs are stripped");
        byte[] utf8 = "ab\0\u00c3\u00a9\0".getBytes(StandardCharsets.ISO_8859_1);
        NumpyArray s = NumpyArray.fromBytes(NumpyDtype.parse("S3"), new int[] {2}, false, RawBytes.of(utf8));
        assertArrayEquals(new String[] {"ab", "\u00e9"}, s.toStrings(), "bytes are decoded as UTF-8");
        // [[0, 1, 2], [3, 4, 5]] stored column by column.
        NumpyArray f = NumpyArray.fromBytes(NumpyDtype.FLOAT64, new int[] {2, 3}, true, bytes(ByteOrder.LITTLE_ENDIAN, 0, 3, 1, 4, 2, 5));
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5}, f.toDoubles());
    }

    @Test
    void decodesAcrossChunksOfLargePayloads() throws IOException {
        // 10 float64 values read with a 24-byte chunk: slices cross chunk boundaries.
        ByteBuffer bb = ByteBuffer.allocate(80).order(ByteOrder.BIG_ENDIAN);
        double[] expected = new double[10];
        float[] floats = new float[10];
        for (int i = 0; i < 10; i++) {
            expected[i] = i * 1.25 - 3;
            floats[i] = (float) expected[i];
            bb.putDouble(expected[i]);
        }
        RawBytes raw = RawBytes.read(new ByteArrayInputStream(bb.array()), 80, 16, 24);
        assertFalse(raw.isSingle());
        NumpyArray a = NumpyArray.fromBytes(NumpyDtype.parse(">f8"), new int[] {2, 5}, false, raw);
        assertArrayEquals(expected, a.toDoubles());
        assertEquals(NumpyArray.fromBytes(NumpyDtype.parse(">f8"), new int[] {2, 5}, false, RawBytes.of(bb.array())), a);

        ByteBuffer f4 = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        f4.asFloatBuffer().put(floats);
        NumpyArray c = NumpyArray.fromBytes(NumpyDtype.FLOAT32, new int[] {10}, false,
                RawBytes.read(new ByteArrayInputStream(f4.array()), 40, 16, 16));
        float[] slice = new float[7];
        c.copyFloats(2, slice, 1, 5);
        assertArrayEquals(new float[] {0, floats[2], floats[3], floats[4], floats[5], floats[6], 0}, slice);
        assertArrayEquals(floats, c.toFloats());
        assertThrows(IllegalArgumentException.class, () -> RawBytes.read(new ByteArrayInputStream(new byte[80]), 80, 16, 28),
                "chunks hold whole elements");
    }

    @Test
    void rejectsWrongByteCountsAndTooManyElements() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NumpyArray.fromBytes(NumpyDtype.FLOAT32, new int[] {2, 2}, false, RawBytes.of(new byte[12])));
        assertEquals("Expected 16 bytes for a float32 array of shape (2, 2), found 12", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> NumpyArray.fromBytes(NumpyDtype.FLOAT32, new int[] {65536, 65536}, false, RawBytes.of(new byte[0])));
        assertEquals("NumPy array of shape (65536, 65536) has more than " + NumpyArray.MAX_ELEMENTS
                + " elements, more than a Java array holds; split it into smaller arrays", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> NumpyArray.fromBytes(NumpyDtype.OBJECT, new int[] {1}, false, RawBytes.of(new byte[8])));
    }
}
