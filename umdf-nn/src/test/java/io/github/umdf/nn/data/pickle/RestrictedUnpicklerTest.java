package io.github.umdf.nn.data.pickle;

import io.github.umdf.nn.data.numpy.NumpyArray;
import net.razorvine.pickle.PickleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RestrictedUnpicklerTest {

    private static Object loadBytes(byte[] pickle) throws IOException {
        return new RestrictedUnpickler().load(new ByteArrayInputStream(pickle));
    }

    /** Pickle text in latin-1 (opcodes and ASCII arguments). */
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static NumpyArray array(Map<?, ?> m, String key) {
        return assertInstanceOf(NumpyArray.class, m.get(key), key);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 5})
    void readsEverySupportedDtypeInProtocols245(int protocol) throws IOException {
        Map<?, ?> m = assertInstanceOf(Map.class, RestrictedUnpickler.load(Fixtures.path("numpy_dtypes_p" + protocol + ".pkl")));
        assertEquals(List.of("f4", "f8_big", "i1", "i2", "i4_big", "i8", "u1", "b1", "U", "S", "O", "fortran", "fortran_big_i2",
                "empty", "zero_d", "scalar_f4", "scalar_i8", "containers"), List.copyOf(m.keySet()), "dict order is kept");

        NumpyArray f4 = array(m, "f4");
        assertEquals("float32", f4.dtype().name());
        assertArrayEquals(new int[] {2, 3}, f4.shape());
        assertArrayEquals(new float[] {1.5f, -2.25f, 3.0f, 0.0f, 1e-3f, -7.0f}, f4.toFloats());

        NumpyArray f8 = array(m, "f8_big");
        assertEquals(">f8", f8.dtype().descr());
        assertEquals(ByteOrder.BIG_ENDIAN, f8.dtype().order());
        assertArrayEquals(new double[] {1.0 / 3.0, -2.5, 1e300}, f8.toDoubles());

        assertArrayEquals(new long[] {-128, 0, 127}, array(m, "i1").toLongs());
        assertArrayEquals(new long[] {-32768, 1, 32767}, array(m, "i2").toLongs());
        assertArrayEquals(new long[] {Integer.MIN_VALUE, 2, Integer.MAX_VALUE}, array(m, "i4_big").toLongs());
        assertArrayEquals(new long[] {Long.MIN_VALUE, 3, Long.MAX_VALUE}, array(m, "i8").toLongs());
        assertArrayEquals(new long[] {0, 128, 255}, array(m, "u1").toLongs());
        assertEquals("uint8", array(m, "u1").dtype().name());
        assertArrayEquals(new long[] {1, 0, 1}, array(m, "b1").toLongs());
        assertEquals("bool", array(m, "b1").dtype().name());

        NumpyArray u = array(m, "U");
        assertEquals("<U5", u.dtype().descr());
        assertArrayEquals(new String[] {"héllo", "", "ab"}, u.toStrings());
        NumpyArray s = array(m, "S");
        assertEquals("|S4", s.dtype().descr());
        assertArrayEquals(new String[] {"sp", "word", ""}, s.toStrings());
        NumpyArray o = array(m, "O");
        assertEquals("object", o.dtype().name());
        assertArrayEquals(new String[] {"x", "yz", "ünï"}, o.toStrings());

        NumpyArray fortran = array(m, "fortran");
        assertArrayEquals(new int[] {2, 3}, fortran.shape());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, fortran.toFloats(), "Fortran order is transposed to C order");
        NumpyArray fortran3 = array(m, "fortran_big_i2");
        assertArrayEquals(new int[] {2, 3, 2}, fortran3.shape());
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, fortran3.toLongs());

        NumpyArray empty = array(m, "empty");
        assertArrayEquals(new int[] {0, 3}, empty.shape());
        assertEquals(0, empty.size());
        NumpyArray zeroD = array(m, "zero_d");
        assertEquals(0, zeroD.ndim());
        assertEquals(2.5, zeroD.getDouble(0));

        assertEquals(0.5, m.get("scalar_f4"));
        assertEquals(-7L, m.get("scalar_i8"));

        Map<?, ?> c = assertInstanceOf(Map.class, m.get("containers"));
        assertArrayEquals(new Object[] {1, "two", 3.0}, (Object[]) c.get("tuple"));
        List<?> list = assertInstanceOf(List.class, c.get("list"));
        assertNull(list.get(0));
        assertEquals(true, list.get(1));
        assertArrayEquals("raw".getBytes(StandardCharsets.US_ASCII), (byte[]) list.get(2));
        assertEquals(Set.of(4), c.get("set"));
    }

    @Test
    void protocolsGiveEqualArrays() throws IOException {
        Map<?, ?> p2 = (Map<?, ?>) RestrictedUnpickler.load(Fixtures.path("numpy_dtypes_p2.pkl"));
        Map<?, ?> p5 = (Map<?, ?>) RestrictedUnpickler.load(Fixtures.path("numpy_dtypes_p5.pkl"));
        for (Object key : p2.keySet()) {
            if (p2.get(key) instanceof NumpyArray) {
                assertEquals(p2.get(key), p5.get(key), String.valueOf(key));
            }
        }
    }

    @Test
    void acceptsNumpy1GlobalNames() throws IOException {
        byte[] raw = Files.readAllBytes(Fixtures.path("mmsa_aligned_numpy1.pkl"));
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("numpy.core.multiarray\n_reconstruct"), "the fixture uses numpy 1.x names");
        assertFalse(text.contains("numpy._core"));
        Map<?, ?> root = assertInstanceOf(Map.class, loadBytes(raw));
        Map<?, ?> train = assertInstanceOf(Map.class, root.get("train"));
        assertArrayEquals(new int[] {3, 4, 6}, array(train, "text").shape());
    }

    // ------------------------------------------------------------------ refusals

    @Test
    void refusesTheEvilFixtureWithoutRunningIt() throws IOException {
        Path marker = Path.of("UMDF_PWNED_MARKER");
        Files.deleteIfExists(marker);
        for (String name : List.of("evil.pkl", "evil_p0.pkl")) {
            PickleRefusedException e = assertThrows(PickleRefusedException.class, () -> RestrictedUnpickler.load(Fixtures.path(name)));
            assertTrue(e.getMessage().contains("refuses global 'posix.system' (module 'posix', name 'system')"), e.getMessage());
            assertTrue(e.getMessage().contains("only dicts, lists, tuples, strings, numbers and NumPy arrays can be loaded"));
            assertEquals("posix", e.module());
            assertEquals("system", e.name());
        }
        assertFalse(Files.exists(marker), "the payload must not have run");
    }

    /** A call of {@code module.name(arg)} in each of the opcode spellings that can name a global. */
    private static List<byte[]> callsOf(String module, String name, String arg) throws IOException {
        byte[] argUtf8 = arg.getBytes(StandardCharsets.UTF_8);
        // Protocol 0: GLOBAL + MARK + UNICODE + TUPLE + REDUCE.
        byte[] p0 = bytes("c" + module + "\n" + name + "\n(V" + arg + "\ntR.");
        // Protocol 4: STACK_GLOBAL.
        ByteArrayOutputStream p4 = new ByteArrayOutputStream();
        p4.write(new byte[] {(byte) 0x80, 4});
        p4.write(0x8c);
        p4.write(module.length());
        p4.write(bytes(module));
        p4.write(0x8c);
        p4.write(name.length());
        p4.write(bytes(name));
        p4.write(0x93);
        p4.write(0x8c);
        p4.write(argUtf8.length);
        p4.write(argUtf8);
        p4.write(new byte[] {(byte) 0x85, 'R', '.'});
        // INST: MARK, args, 'i' module \n name \n.
        byte[] inst = bytes("(V" + arg + "\ni" + module + "\n" + name + "\n.");
        // OBJ: MARK, class, args, 'o'.
        byte[] obj = bytes("(c" + module + "\n" + name + "\nV" + arg + "\no.");
        // NEWOBJ (protocol 2).
        byte[] newobj = bytes("\u0080\u0002c" + module + "\n" + name + "\n(V" + arg + "\nt\u0081.");
        return List.of(p0, p4.toByteArray(), inst, obj, newobj);
    }

    @Test
    void refusesOsSystemInEveryOpcodeSpellingBeforeCallingIt(@TempDir Path dir) throws IOException {
        Path marker = dir.resolve("pwned");
        String cmd = "touch " + marker;
        for (String[] global : new String[][] {{"posix", "system"}, {"os", "system"}, {"subprocess", "call"}}) {
            for (byte[] pickle : callsOf(global[0], global[1], cmd)) {
                PickleRefusedException e = assertThrows(PickleRefusedException.class, () -> loadBytes(pickle));
                assertTrue(e.getMessage().contains("'" + global[0] + "." + global[1] + "' (module '" + global[0] + "', name '"
                        + global[1] + "')"), e.getMessage());
            }
        }
        assertFalse(Files.exists(marker), "no payload may run");
    }

    @Test
    void refusesBuiltinsOutsideTheAllowList() {
        for (String g : List.of("builtins\neval", "builtins\nexec", "builtins\ngetattr", "__builtin__\napply",
                "copy_reg\n_reconstructor", "copyreg\n_reconstructor", "numpy\nload", "numpy.testing._private.utils\nrunstring",
                "torch._utils\n_rebuild_tensor_v2", "datetime\ndatetime")) {
            PickleRefusedException e = assertThrows(PickleRefusedException.class, () -> loadBytes(bytes("c" + g + "\n)R.")));
            assertTrue(e.getMessage().contains("'" + g.replace('\n', '.') + "'"), e.getMessage());
        }
    }

    @Test
    void refusesPersistentIdsExtensionCodesAndOutOfBandBuffers() {
        assertTrue(assertThrows(PickleRefusedException.class, () -> loadBytes(bytes("Pobj\n."))).getMessage().contains("persistent ids"));
        assertTrue(assertThrows(PickleRefusedException.class, () -> loadBytes(bytes("Vobj\nQ."))).getMessage().contains("persistent ids"));
        assertTrue(assertThrows(PickleRefusedException.class, () -> loadBytes(bytes("\u0080\u0002\u0082\u0001.")))
                .getMessage().contains("extension codes"));
        assertTrue(assertThrows(PickleRefusedException.class, () -> loadBytes(bytes("\u0080\u0005\u0097.")))
                .getMessage().contains("out-of-band"));
    }

    @Test
    void allowedGlobalsCannotBeMisused() {
        // numpy.ndarray itself is only a class token for _reconstruct.
        PickleException called = assertThrows(PickleException.class, () -> loadBytes(bytes("cnumpy\nndarray\n)R.")));
        assertTrue(called.getMessage().contains("numpy.ndarray may only appear as the class argument"), called.getMessage());
        // _reconstruct only rebuilds numpy.ndarray.
        PickleException other = assertThrows(PickleException.class,
                () -> loadBytes(bytes("cnumpy.core.multiarray\n_reconstruct\n(ccollections\nOrderedDict\nK\u0000tR.")));
        assertTrue(other.getMessage().contains("may only rebuild numpy.ndarray"), other.getMessage());
        // BUILD on a plain dict (an object __dict__ update) is not supported.
        PickleException build = assertThrows(PickleException.class, () -> loadBytes(bytes("}}b.")));
        assertTrue(build.getMessage().contains("BUILD"), build.getMessage());
    }

    @Test
    void reportsTruncatedAndMalformedPickles() throws IOException {
        byte[] full = Files.readAllBytes(Fixtures.path("mmsa_aligned.pkl"));
        byte[] cut = java.util.Arrays.copyOf(full, full.length / 2);
        PickleException e = assertThrows(PickleException.class, () -> loadBytes(cut));
        assertTrue(e.getMessage().contains("Truncated pickle"), e.getMessage());
        PickleException bad = assertThrows(PickleException.class, () -> loadBytes(bytes("\u0080\u0002K\u0001K\u0002s.")));
        assertTrue(bad.getMessage().contains("near byte"), bad.getMessage());
    }

    @Test
    void objectArraysHoldOnlyStringsBytesAndNone() throws IOException {
        // pickle.dumps(numpy.array(['a', 3], dtype=object), protocol=0)
        String p0 = "cnumpy._core.multiarray\n_reconstruct\np0\n(cnumpy\nndarray\np1\n(I0\ntp2\nc_codecs\nencode\np3\n(Vb\np4\n"
                + "Vlatin1\np5\ntp6\nRp7\ntp8\nRp9\n(I1\n(I2\ntp10\ncnumpy\ndtype\np11\n(VO8\np12\nI00\nI01\ntp13\nRp14\n(I3\nV|\n"
                + "p15\nNNNI-1\nI-1\nI63\ntp16\nbI00\n(lp17\nVa\np18\naI3\natp19\nb.";
        PickleException e = assertThrows(PickleException.class, () -> loadBytes(bytes(p0)));
        assertTrue(e.getMessage().contains("Object arrays may hold only str, bytes or None; element 1 is int 3"), e.getMessage());
        NumpyArray none = assertInstanceOf(NumpyArray.class, loadBytes(bytes(p0.replace("aI3\na", "aNa"))));
        assertEquals("|O", none.dtype().descr());
        assertArrayEquals(new String[] {"a", null}, none.toStrings());
    }

    @Test
    void readsOrderedDictsAndPlainContainers() throws IOException {
        Object od = loadBytes(bytes("ccollections\nOrderedDict\n)R(Vb\nK\u0002Va\nK\u0001u."));
        assertEquals(List.of("b", "a"), List.copyOf(((Map<?, ?>) od).keySet()));
        Object od2 = loadBytes(bytes("ccollections\nOrderedDict\n((lp0\n(Vk\nK\u0007tatR."));
        assertEquals(Map.of("k", 7), od2);
    }
}
