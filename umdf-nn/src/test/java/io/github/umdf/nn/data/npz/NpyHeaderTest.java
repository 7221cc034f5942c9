package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.numpy.NumpyDtype;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyHeaderTest {
    private static final String SRC = "x.npy";

    private static NpyHeader parse(byte[] bytes) throws IOException {
        return NpyHeader.read(new ByteArrayInputStream(bytes), SRC);
    }

    private static String error(byte[] bytes) {
        return assertThrows(InvalidDataException.class, () -> parse(bytes)).getMessage();
    }

    @Test
    void encodesExactlyLikeNumpySave() {
        byte[] h = NpyHeader.of(NumpyDtype.FLOAT32, 3, 4).encode();
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }" + " ".repeat(20);
        assertEquals(128, h.length);
        assertEquals(1, h[6]);
        assertEquals(0, h[7]);
        assertEquals(118, (h[8] & 0xFF) | (h[9] & 0xFF) << 8);
        String text = new String(h, 10, h.length - 10, StandardCharsets.ISO_8859_1);
        assertEquals(dict + " ".repeat(118 - dict.length() - 1) + "\n", text);
        assertEquals("{'descr': '<U7', 'fortran_order': False, 'shape': (), }",
                new String(NpyHeader.of(NumpyDtype.unicode(7)).encode(), 10, 55, StandardCharsets.ISO_8859_1));
    }

    @Test
    void roundTripsEveryDtypeAndShape() throws IOException {
        List<NumpyDtype> dtypes = List.of(NumpyDtype.FLOAT32, NumpyDtype.FLOAT64, NumpyDtype.BOOL, NumpyDtype.UINT8, NumpyDtype.INT32,
                NumpyDtype.INT64, NumpyDtype.unicode(1), NumpyDtype.unicode(123));
        List<long[]> shapes = List.of(new long[0], new long[] {0}, new long[] {5}, new long[] {2, 3, 4}, new long[] {16326, 50, 300});
        for (NumpyDtype d : dtypes) {
            for (long[] s : shapes) {
                NpyHeader h = NpyHeader.of(d, s);
                byte[] bytes = h.encode();
                assertEquals(0, bytes.length % 64);
                NpyHeader back = parse(bytes);
                assertEquals(d, back.dtype());
                assertArrayEquals(s, back.shape());
                assertEquals(1, back.version());
                assertEquals(bytes.length, back.byteLength());
                assertEquals(Arrays.stream(s).reduce(1, (a, b) -> a * b), back.elementCount());
            }
        }
    }

    @Test
    void usesVersionTwoWhenTheHeaderNeedsIt() throws IOException {
        long[] shape = new long[22000];
        Arrays.fill(shape, 1);
        byte[] bytes = NpyHeader.of(NumpyDtype.BOOL, shape).encode();
        assertEquals(2, bytes[6]);
        assertEquals(0, bytes.length % 64);
        NpyHeader back = parse(bytes);
        assertEquals(2, back.version());
        assertEquals(22000, back.ndim());
    }

    @Test
    void readsVersionThreeOldAlignmentsAndPythonTwoLongs() throws IOException {
        NpyHeader v3 = parse(NpyTestBytes.npy(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", 64, new byte[0]));
        assertEquals(3, v3.version());
        assertEquals(NumpyDtype.FLOAT64, v3.dtype());
        byte[] old = NpyTestBytes.npy(1, "{'descr': '<i8', 'fortran_order': False, 'shape': (3L, 4L), }", 16, new byte[0]);
        NpyHeader h = parse(old);
        assertArrayEquals(new long[] {3, 4}, h.shape());
        assertEquals(old.length, h.byteLength());
        NpyHeader dq = parse(NpyTestBytes.npy("{\"descr\": \">f4\", \"shape\": (7,), \"fortran_order\": False}"));
        assertEquals(ByteOrder.BIG_ENDIAN, dq.dtype().order());
        assertEquals(">f4", dq.dtype().descr());
        assertEquals("|b1", parse(NpyTestBytes.npy("{'descr': '<b1', 'fortran_order': False, 'shape': (1,), }")).dtype().descr());
    }

    @Test
    void fortranOrderIsAcceptedOnlyWhereItMeansNothing() throws IOException {
        assertArrayEquals(new long[] {4}, parse(NpyTestBytes.npy("{'descr': '<f4', 'fortran_order': True, 'shape': (4,), }")).shape());
        assertEquals("x.npy: field 'fortran_order': expected False (C order; re-save with numpy.ascontiguousarray), found True for shape (3, 4)",
                error(NpyTestBytes.npy("{'descr': '<f4', 'fortran_order': True, 'shape': (3, 4), }")));
    }

    /** The descriptors themselves are tested in {@code NumpyDtypeTest}; here, that the header refuses what they refuse. */
    @Test
    void refusesObjectArraysAndUnsupportedDtypes() {
        assertTrue(error(NpyTestBytes.npy("{'descr': '|O', 'fortran_order': False, 'shape': (3,), }"))
                .endsWith("object arrays hold Python pickles, which are never loaded, found '|O'"));
        assertEquals("x.npy: field 'descr': expected one of <f4, <f8, |b1, |u1, <i4, <i8 or <U{n} (or their big-endian '>' forms), "
                + "found '<c8'", error(NpyTestBytes.npy("{'descr': '<c8', 'fortran_order': False, 'shape': (3,), }")));
        assertTrue(error(NpyTestBytes.npy("{'descr': [('a', '<f4'), ('b', '<i4')], 'fortran_order': False, 'shape': (3,), }"))
                .contains("found a structured dtype"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NpyHeader.of(NumpyDtype.parse("<i2"), 3));
        assertEquals("Expected a dtype .npy files hold here (" + NumpyDtype.NPY_TYPES + "), found '<i2'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NpyHeader.of(NumpyDtype.OBJECT, 3));
    }

    @Test
    void malformedHeadersNameWhatWasExpected() {
        assertEquals("x.npy: field 'header': expected exactly the keys [descr, fortran_order, shape], found [descr, shape]",
                error(NpyTestBytes.npy("{'descr': '<f4', 'shape': (3,), }")));
        assertEquals("x.npy: field 'header': expected exactly the keys [descr, fortran_order, shape], found [descr, extra, fortran_order, shape]",
                error(NpyTestBytes.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), 'extra': True, }")));
        assertTrue(error(NpyTestBytes.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3), }"))
                .startsWith("x.npy: field 'header': expected a tuple such as (3,), found a parenthesised integer (3)"));
        assertTrue(error(NpyTestBytes.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }"))
                .startsWith("x.npy: field 'header': expected a non-negative integer in the shape, found '-1,), }"));
        assertTrue(error(NpyTestBytes.npy("{'descr': '<f4', 'fortran_order': 0, 'shape': (1,), }"))
                .startsWith("x.npy: field 'header': expected a string, tuple, True or False, found '0, "));
        assertTrue(error(NpyTestBytes.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), } junk"))
                .startsWith("x.npy: field 'header': expected only whitespace after the dict, found 'junk"));
        byte[] noNewline = NpyTestBytes.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }");
        noNewline[noNewline.length - 1] = ' ';
        assertTrue(error(noNewline).startsWith("x.npy: field 'header': expected a dict literal ending with a newline"));
    }

    @Test
    void badMagicVersionAndTruncation() {
        assertEquals("x.npy: field 'magic': expected the .npy magic \\x93NUMPY, found 'PK\\x03\\x04\\x14\\x00'",
                error(new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0}));
        assertEquals("x.npy: field 'magic': expected the .npy magic \\x93NUMPY, found an empty file", error(new byte[0]));
        byte[] v4 = NpyTestBytes.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }");
        v4[6] = 4;
        assertEquals("x.npy: field 'version': expected format version 1.0, 2.0 or 3.0, found 4.0", error(v4));
        byte[] full = NpyHeader.of(NumpyDtype.FLOAT32, 3, 4).encode();
        assertEquals("x.npy: field 'header': expected 118 header bytes, found 30 (file truncated)", error(Arrays.copyOf(full, 40)));
        assertEquals("x.npy: field 'header': expected at least 10 header bytes, found 7 (file truncated)", error(Arrays.copyOf(full, 7)));
    }
}
