package io.github.umdf.nn.data.numpy;

import io.github.umdf.nn.data.InvalidDataException;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumpyDtypeTest {
    private static String descrError(String descr) {
        return assertThrows(InvalidDataException.class, () -> NumpyDtype.parseDescr(descr, "x.npy")).getMessage();
    }

    @Test
    void dtypesNameThemselvesLikeNumpy() {
        assertEquals("<f4", NumpyDtype.parse("f4").descr());
        assertEquals("float64", NumpyDtype.parse("<f8").name());
        assertEquals("|u1", NumpyDtype.parse("u1").descr());
        assertEquals("|i1", NumpyDtype.parse(">i1").descr(), "one byte has no order");
        assertEquals(">i8", NumpyDtype.parse(">i8").descr());
        assertEquals("uint16", NumpyDtype.parse("u2").name());
        assertEquals("<U7", NumpyDtype.parse("U7").descr());
        assertEquals("str224", NumpyDtype.parse("U7").name());
        assertEquals("|S12", NumpyDtype.parse("S12").descr());
        assertEquals("bytes96", NumpyDtype.parse("S12").name());
        assertEquals("|O", NumpyDtype.parse("O8").descr());
        assertEquals("object", NumpyDtype.parse("O").name());
        assertEquals("bool", NumpyDtype.parse("?").name());
        assertEquals(NumpyDtype.BOOL, NumpyDtype.parse("|b1"));
        assertEquals("'<f4'", NumpyDtype.FLOAT32.toString());
        assertEquals(28, NumpyDtype.parse("U7").itemSize());
        assertEquals(7, NumpyDtype.parse("U7").chars());
        assertEquals(0, NumpyDtype.FLOAT32.chars());
    }

    @Test
    void byteOrdersAndKinds() {
        assertEquals(ByteOrder.BIG_ENDIAN, NumpyDtype.parse(">f8").order());
        assertEquals(NumpyDtype.FLOAT64, NumpyDtype.parse(">f8").littleEndian());
        assertEquals(NumpyDtype.parse(">f8"), NumpyDtype.FLOAT64.bigEndian());
        assertNotEquals(NumpyDtype.FLOAT64, NumpyDtype.FLOAT64.bigEndian());
        assertSame(NumpyDtype.UINT8, NumpyDtype.UINT8.bigEndian(), "one byte has no order");
        assertEquals(NumpyDtype.FLOAT32, NumpyDtype.parse("=f4"), "'=' is taken as little-endian");
        assertTrue(NumpyDtype.parse(">u2").isNumeric());
        assertTrue(NumpyDtype.parse("S3").isText());
        assertTrue(NumpyDtype.OBJECT.isText());
        assertTrue(NumpyDtype.FLOAT64.isFloating());
        assertFalse(NumpyDtype.INT64.isFloating());
        for (NumpyDtype d : List.of(NumpyDtype.FLOAT32, NumpyDtype.FLOAT64, NumpyDtype.BOOL, NumpyDtype.UINT8, NumpyDtype.INT32,
                NumpyDtype.INT64, NumpyDtype.unicode(5), NumpyDtype.FLOAT32.bigEndian())) {
            assertTrue(d.isNpyType(), d.toString());
        }
        for (String code : List.of("i2", "u8", "S4", "O")) {
            assertFalse(NumpyDtype.parse(code).isNpyType(), code);
        }
        assertEquals(NumpyDtype.parse(">U3"), NumpyDtype.of(NumpyDtype.Kind.UNICODE, 12, ByteOrder.BIG_ENDIAN));
        assertThrows(IllegalArgumentException.class, () -> NumpyDtype.of(NumpyDtype.Kind.FLOAT, 2, ByteOrder.LITTLE_ENDIAN));
        assertThrows(IllegalArgumentException.class, () -> NumpyDtype.of(NumpyDtype.Kind.UNICODE, 6, ByteOrder.LITTLE_ENDIAN));
        assertThrows(IllegalArgumentException.class, () -> NumpyDtype.unicode(NumpyDtype.MAX_UNICODE_WIDTH + 1));
    }

    @Test
    void refusesUnsupportedPickledCodes() {
        for (String code : List.of("c16", "f2", "M8", "V8", "i3", "x", "", "U99999999999")) {
            IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> NumpyDtype.parse(code));
            assertTrue(u.getMessage().startsWith("Unsupported NumPy dtype '" + code + "'"), u.getMessage());
        }
    }

    @Test
    void parsesNpyDescriptorsStrictly() {
        assertEquals(NumpyDtype.FLOAT32, NumpyDtype.parseDescr("<f4", "x.npy"));
        assertEquals(">f4", NumpyDtype.parseDescr(">f4", "x.npy").descr());
        assertEquals("|b1", NumpyDtype.parseDescr("<b1", "x.npy").descr());
        assertEquals("|u1", NumpyDtype.parseDescr(">u1", "x.npy").descr());
        assertEquals(">U12", NumpyDtype.parseDescr(">U12", "x.npy").descr());
        assertEquals(NumpyDtype.INT64, NumpyDtype.parseDescr("=i8", "x.npy"));
    }

    @Test
    void refusesObjectArraysAndUnsupportedDescriptors() {
        assertTrue(descrError("|O").startsWith("x.npy: field 'descr': expected a numeric, boolean or fixed-width string dtype"));
        assertTrue(descrError("|O").endsWith("object arrays hold Python pickles, which are never loaded, found '|O'"));
        assertTrue(descrError("O").endsWith("found 'O'"));
        assertEquals("x.npy: field 'descr': expected one of <f4, <f8, |b1, |u1, <i4, <i8 or <U{n} (or their big-endian '>' forms), "
                + "found '<c8'", descrError("<c8"));
        for (String d : List.of("f4", "<i2", "<U", "<f04", "?", "", "<U12345678901", "|S4")) {
            assertTrue(descrError(d).contains("expected one of <f4"), d);
        }
        assertEquals("x.npy: field 'descr': expected a byte order '<' or '>' for a multi-byte type, found '|f4'", descrError("|f4"));
        assertEquals("x.npy: field 'descr': expected a byte order '<' or '>' for a multi-byte type, found '|U3'", descrError("|U3"));
        assertEquals("x.npy: field 'descr': expected a string width of at most " + NumpyDtype.MAX_UNICODE_WIDTH + ", found '<U99999999'",
                descrError("<U99999999"));
    }
}
