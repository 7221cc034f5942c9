package io.github.umdf.nn.ops;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * TorchScript modules of a few lines, for PyTorch operations DJL 0.36's NDArray API does not expose
 * (fused attention, {@code torch.autograd.grad}). The module's code is a class-path resource in
 * TorchScript's serialized form ({@code code/__torch__.py}); the archive around it (the pickled
 * module object, its constants and the format version) is assembled here in memory, so no binary and
 * no Python is involved. The PyTorch engine compiles it when loaded.
 */
public final class TorchScript {
    /** {@code constants.pkl}: the empty tuple. */
    private static final byte[] EMPTY_TUPLE_PICKLE = pickle("\u0080\u0002).");

    private TorchScript() {
    }

    /**
     * Compiles a module on the PyTorch engine.
     *
     * @param manager   the manager the module lives in
     * @param anchor    the class beside whose package the source resource lies
     * @param className the module class in the source
     * @param source    the resource name of the source, relative to {@code anchor}
     */
    public static PtSymbolBlock load(NDManager manager, Class<?> anchor, String className, String source) throws IOException {
        try (InputStream archive = new ByteArrayInputStream(archive(anchor, className.toLowerCase(java.util.Locale.ROOT), className, source))) {
            return JniUtils.loadModule((PtNDManager) manager, archive, false, false);
        }
    }

    /**
     * The TorchScript archive (an uncompressed zip) of the module class {@code className} whose source
     * is the resource {@code source}: {@code data.pkl}, {@code code/__torch__.py}, {@code constants.pkl},
     * {@code version}, in the folder {@code folder}.
     */
    public static byte[] archive(Class<?> anchor, String folder, String className, String source) throws IOException {
        byte[] code;
        try (InputStream in = anchor.getResourceAsStream(source)) {
            if (in == null) {
                throw new IOException("Class-path resource " + source + " (a TorchScript source) is missing");
            }
            code = in.readAllBytes();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            stored(zip, folder + "/data.pkl", modulePickle(className));
            stored(zip, folder + "/code/__torch__.py", code);
            stored(zip, folder + "/constants.pkl", EMPTY_TUPLE_PICKLE);
            stored(zip, folder + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(content.length);
        CRC32 crc = new CRC32();
        crc.update(content);
        e.setCrc(crc.getValue());
        e.setTime(315532800000L); // fixed: the archive is the same bytes every time
        zip.putNextEntry(e);
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * {@code data.pkl}: the module object as TorchScript pickles it (protocol 2): an instance of
     * {@code __torch__.<className>} built from the state {@code {"training": True, "_is_full_backward_hook": None}}.
     */
    private static byte[] modulePickle(String className) {
        return pickle("\u0080\u0002c__torch__\n" + className + "\nq\u0000)\u0081}(X\u0008\u0000\u0000\u0000trainingq\u0001\u0088"
                + "X\u0016\u0000\u0000\u0000_is_full_backward_hookq\u0002Nubq\u0003.");
    }

    private static byte[] pickle(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }
}
