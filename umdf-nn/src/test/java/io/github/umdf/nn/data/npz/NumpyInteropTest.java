package io.github.umdf.nn.data.npz;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.numpy.NumpyArray;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Interoperability with NumPy itself; skipped when {@code python3} with {@code numpy} is not available. */
class NumpyInteropTest {
    @TempDir
    Path dir;

    private static boolean numpy;

    @BeforeAll
    static void findNumpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            numpy = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            numpy = false;
        }
    }

    private static String python(String script, String... args) throws IOException, InterruptedException {
        assumeTrue(numpy, "python3 with numpy is not available");
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", script));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), out);
        return out.strip();
    }

    @Test
    void numpyLoadsAnArchiveWithoutPickles() throws Exception {
        MultimodalDataset ds = SyntheticPresets.generate("iemocap-aligned", 8L, 1e-6);
        Path f = dir.resolve("iemocap.npz");
        UmdfArchive.write(ds, f);
        String out = python(String.join("\n",
                "import sys, json, numpy as np",
                "d = np.load(sys.argv[1], allow_pickle=False)",
                "o = {'files': d.files, 'meta': json.loads(str(d['meta'][()]))}",
                "o['shapes'] = {k: list(d[k].shape) for k in d.files}",
                "o['dtypes'] = {k: d[k].dtype.str for k in d.files}",
                "o['ids'] = d['train/ids'][:2].tolist()",
                "o['labels'] = d['valid/labels'][3].astype(float).tolist()",
                "o['lang'] = d['train/language'][1, 0, :3].astype(float).tolist()",
                "o['valid'] = int(d['test/audio_valid'][2].sum())",
                "o['present'] = bool(d['test/vision_present'].all())",
                "print(json.dumps(o))"), f.toString());
        JsonObject o = JsonParser.parseString(out).getAsJsonObject();
        assertEquals(UmdfArchive.entryNames(ds.schema()).toString().replace(" ", ""),
                o.get("files").toString().replace("\"", ""));
        JsonObject meta = o.getAsJsonObject("meta");
        assertEquals("umdf-dataset", meta.get("format").getAsString());
        assertEquals("multi-label", meta.get("task").getAsString());
        assertEquals("[\"neutral\",\"happy\",\"sad\",\"angry\"]", meta.get("labels").toString());
        assertEquals("[8,50,74]", o.getAsJsonObject("shapes").get("train/audio").toString());
        assertEquals("[8,4]", o.getAsJsonObject("shapes").get("test/labels").toString());
        assertEquals("<f4", o.getAsJsonObject("dtypes").get("train/vision").getAsString());
        assertEquals("|b1", o.getAsJsonObject("dtypes").get("train/vision_valid").getAsString());
        assertEquals("<U28", o.getAsJsonObject("dtypes").get("valid/ids").getAsString());
        assertEquals("[\"iemocap-aligned/train/000000\",\"iemocap-aligned/train/000001\"]", o.get("ids").toString());
        MultimodalSample v3 = ds.split(SplitName.VALID).get(3);
        for (int k = 0; k < 4; k++) {
            assertEquals(v3.target(k), o.getAsJsonArray("labels").get(k).getAsDouble());
        }
        MultimodalSample t1 = ds.split(SplitName.TRAIN).get(1);
        for (int j = 0; j < 3; j++) {
            assertEquals((double) t1.require(Modality.LANGUAGE).get(0, j), o.getAsJsonArray("lang").get(j).getAsDouble());
        }
        assertEquals(ds.split(SplitName.TEST).get(2).require(Modality.AUDIO).validCount(), o.get("valid").getAsInt());
        assertTrue(o.get("present").getAsBoolean());
    }

    @Test
    void npyBytesEqualNumpySave() throws Exception {
        Map<String, NumpyArray> arrays = new LinkedHashMap<>();
        arrays.put("f4", NumpyArray.ofFloats(new float[] {0, 0.5f, 1, 1.5f, 2, 2.5f, 3, 3.5f, 4, 4.5f, 5, 5.5f}, 3, 4));
        arrays.put("f8", NumpyArray.ofDoubles(new double[] {0.25, -1}, 2));
        arrays.put("b1", NumpyArray.ofBooleans(new boolean[] {true, false, true}, 3));
        arrays.put("u1", NumpyArray.ofUint8(new byte[] {0, (byte) 200}, 2, 1));
        arrays.put("i4", NumpyArray.ofInts(new int[] {-7, 9}, 2));
        arrays.put("i8", NumpyArray.ofLongs(new long[] {-1, 1L << 40}, 2));
        arrays.put("U", NumpyArray.ofStrings(new String[] {"ab", "cdefg"}, 2));
        arrays.put("U0d", NumpyArray.ofString("h\u00e9"));
        arrays.put("empty", NumpyArray.ofFloats(new float[0], 0, 3));
        arrays.put("big", NumpyArray.ofFloats(new float[0], 16326, 0, 300));
        for (Map.Entry<String, NumpyArray> e : arrays.entrySet()) {
            NpyWriter.write(e.getValue(), dir.resolve("java-" + e.getKey() + ".npy"));
        }
        python(String.join("\n",
                "import sys, numpy as np",
                "d = sys.argv[1]",
                "a = {'f4': np.arange(12, dtype=np.float32).reshape(3, 4) / 2, 'f8': np.array([0.25, -1.0]),",
                "     'b1': np.array([True, False, True]), 'u1': np.array([[0], [200]], dtype=np.uint8),",
                "     'i4': np.array([-7, 9], dtype='<i4'), 'i8': np.array([-1, 2**40], dtype='<i8'),",
                "     'U': np.array(['ab', 'cdefg']), 'U0d': np.array('h\\u00e9'), 'empty': np.zeros((0, 3), np.float32),",
                "     'big': np.zeros((16326, 0, 300), np.float32)}",
                "for k, v in a.items():",
                "    np.save(d + '/numpy-' + k + '.npy', v)"), dir.toString());
        for (String k : arrays.keySet()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("numpy-" + k + ".npy")), Files.readAllBytes(dir.resolve("java-" + k + ".npy")),
                    k);
        }
    }

    @Test
    void readsWhatNumpyWrites() throws Exception {
        python(String.join("\n",
                "import sys, numpy as np",
                "d = sys.argv[1]",
                "a = dict(f4=np.array([[1.5, -2]], np.float32), f8=np.array([0.1]), be=np.array([1.5, -2], '>f4'),",
                "         bei=np.array([3, -4], '>i8'), u1=np.array([7], np.uint8), b1=np.array([True]),",
                "         s=np.array(['x', 'yz\\U0001F600']), s0=np.array('meta'))",
                "np.savez(d + '/stored.npz', **a)",
                "np.savez_compressed(d + '/deflated.npz', **a)",
                "for v in [(2, 0), (3, 0)]:",
                "    with open(d + '/v%d.npy' % v[0], 'wb') as f:",
                "        np.lib.format.write_array(f, np.arange(6, dtype='<f4').reshape(2, 3), version=v)",
                "np.save(d + '/fortran.npy', np.asfortranarray(np.ones((2, 3), np.float32)))",
                "np.save(d + '/object.npy', np.array([{'a': 1}], dtype=object), allow_pickle=True)"), dir.toString());
        for (String name : List.of("stored.npz", "deflated.npz")) {
            try (NpzReader r = NpzReader.open(dir.resolve(name))) {
                assertEquals(List.of("f4", "f8", "be", "bei", "u1", "b1", "s", "s0"), r.names());
                assertArrayEquals(new float[] {1.5f, -2}, r.read("f4").toFloats());
                assertArrayEquals(new int[] {1, 2}, r.read("f4").shape());
                assertArrayEquals(new float[] {0.1f}, r.read("f8").toFloats());
                assertArrayEquals(new double[] {0.1}, r.read("f8").toDoubles());
                assertEquals(">f4", r.header("be").dtype().descr());
                assertArrayEquals(new float[] {1.5f, -2}, r.read("be").toFloats());
                assertArrayEquals(new long[] {3, -4}, r.read("bei").toLongs());
                assertArrayEquals(new int[] {7}, r.read("u1").toInts());
                assertArrayEquals(new boolean[] {true}, r.read("b1").toBooleans());
                assertArrayEquals(new String[] {"x", "yz\uD83D\uDE00"}, r.read("s").toStrings());
                assertEquals("meta", r.read("s0").scalarString());
            }
        }
        for (int v : new int[] {2, 3}) {
            NumpyArray a = NpyReader.read(dir.resolve("v" + v + ".npy"));
            assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, a.toFloats());
        }
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> NpyReader.read(dir.resolve("fortran.npy")));
        assertTrue(e.getMessage().endsWith("fortran.npy: field 'fortran_order': expected False (C order; re-save with "
                + "numpy.ascontiguousarray), found True for shape (2, 3)"), e.getMessage());
        e = assertThrows(InvalidDataException.class, () -> NpyReader.read(dir.resolve("object.npy")));
        assertTrue(e.getMessage().contains("object arrays hold Python pickles, which are never loaded, found '|O'"), e.getMessage());
    }
}
