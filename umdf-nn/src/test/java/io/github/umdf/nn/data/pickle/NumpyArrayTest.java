package io.github.umdf.nn.data.pickle;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumpyArrayTest {

    @Test
    void factoriesCopyAndCheckTheShape() {
        float[] v = {1, 2, 3, 4, 5, 6};
        NumpyArray a = NumpyArray.ofFloat32(v, 2, 3);
        v[0] = 99;
        assertEquals(1f, a.getFloat(0), "the factory copies");
        assertEquals("(2, 3)", a.shapeString());
        assertEquals("NumpyArray(float32, shape (2, 3))", a.toString());
        assertEquals("(6,)", NumpyArray.ofInt64(new long[6], 6).shapeString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NumpyArray.ofFloat32(new float[5], 2, 3));
        assertEquals("Expected 6 values for shape (2, 3), found 5", e.getMessage());
    }

    @Test
    void convertsBetweenElementTypes() {
        NumpyArray d = NumpyArray.ofFloat64(new double[] {1.0, 2.5, -3.0}, 3);
        assertArrayEquals(new float[] {1.0f, 2.5f, -3.0f}, d.toFloatArray());
        assertEquals(1L, d.getLong(0));
        ArithmeticException notInt = assertThrows(ArithmeticException.class, () -> d.getLong(1));
        assertTrue(notInt.getMessage().contains("2.5, not an integer"));
        NumpyArray l = NumpyArray.ofInt64(new long[] {4, 5}, 2);
        float[] dst = new float[4];
        l.copyFloats(0, dst, 1, 2);
        assertArrayEquals(new float[] {0, 4, 5, 0}, dst);
        assertThrows(IndexOutOfBoundsException.class, () -> l.copyFloats(1, dst, 0, 2));
        NumpyArray s = NumpyArray.ofStrings(new String[] {"a", null}, 2);
        assertTrue(s.isText());
        assertFalse(s.isNumeric());
        IllegalStateException e = assertThrows(IllegalStateException.class, s::toFloatArray);
        assertTrue(e.getMessage().contains("Expected a numeric array"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> l.getString(0));
    }

    @Test
    void decodesAcrossChunksOfLargePayloads() throws IOException {
        // 10 float64 values read with a 24-byte chunk: elements straddle chunk boundaries.
        ByteBuffer bb = ByteBuffer.allocate(80).order(ByteOrder.BIG_ENDIAN);
        double[] expected = new double[10];
        for (int i = 0; i < 10; i++) {
            expected[i] = i * 1.25 - 3;
            bb.putDouble(expected[i]);
        }
        RawBytes raw = RawBytes.read(new ByteArrayInputStream(bb.array()), 80, 16, 28);
        assertFalse(raw.isSingle());
        NumpyArray a = NumpyArray.fromBytes(NumpyDtype.parse(">f8"), new int[] {2, 5}, false, raw);
        assertArrayEquals(expected, a.toDoubleArray());
    }

    @Test
    void rejectsWrongByteCountsAndUnsupportedDtypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NumpyArray.fromBytes(NumpyDtype.FLOAT32, new int[] {2, 2}, false, RawBytes.of(new byte[12])));
        assertEquals("Expected 16 bytes for a float32 array of shape (2, 2), found 12", e.getMessage());
        for (String code : List.of("c16", "f2", "M8", "V8", "i3", "x")) {
            IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> NumpyDtype.parse(code));
            assertTrue(u.getMessage().startsWith("Unsupported NumPy dtype '" + code + "'"), u.getMessage());
        }
        IllegalArgumentException obj = assertThrows(IllegalArgumentException.class,
                () -> NumpyArray.fromObjects(NumpyDtype.OBJECT, new int[] {2}, Arrays.asList("a", 3)));
        assertTrue(obj.getMessage().contains("element 1 is int 3"), obj.getMessage());
    }

    @Test
    void dtypesNameThemselvesLikeNumpy() {
        assertEquals("<f4", NumpyDtype.parse("f4").str());
        assertEquals("float64", NumpyDtype.parse("<f8").name());
        assertEquals("|u1", NumpyDtype.parse("u1").str());
        assertEquals(">i8", NumpyDtype.parse(">i8").str());
        assertEquals("<U7", NumpyDtype.parse("U7").str());
        assertEquals("|S12", NumpyDtype.parse("S12").str());
        assertEquals("|O", NumpyDtype.parse("O8").str());
        assertEquals("bool", NumpyDtype.parse("?").name());
    }
}
