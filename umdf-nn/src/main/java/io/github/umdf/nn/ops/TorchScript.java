package io.github.umdf.nn.ops;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDManager;
import ai.djl.pytorch.engine.PtSymbolBlock;
import ai.djl.pytorch.jni.JniUtils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * TorchScript modules of a few lines, for PyTorch operations DJL 0.36's NDArray API does not expose
 * (fused attention, {@code torch.autograd.grad}). The module's code is a class-path resource in
 * TorchScript's serialized form ({@code code/__torch__.py}); the archive around it (the pickled
 * module object, its constants and the format version) is assembled here in memory, so no binary and
 * no Python is involved. The PyTorch engine compiles it when loaded.
 *
 * <p>A compiled module is not stateless: PyTorch's (profiling) graph executor runs a method's first
 * call as profiled, plain operator calls and builds an optimised plan from that profile for the later
 * calls, whose differentiable subgraphs back-propagate with TorchScript's own derivative formulas
 * (softmax, matmul): gradients that differ in the last bits from the first call's. A module shared by
 * the whole process would thus give a network numbers that depend on the networks that called it
 * before. {@link #forNetwork} gives each network (each base manager, e.g. a training session's) its
 * own modules, so every network sees the call history the first one in a fresh process sees.
 */
public final class TorchScript {
    /** {@code constants.pkl}: the empty tuple. */
    private static final byte[] EMPTY_TUPLE_PICKLE = pickle("\u0080\u0002).");
    /** The modules compiled for each base manager, by module class name; an entry goes when its manager closes. */
    private static final Map<NDManager, Map<String, PtSymbolBlock>> BY_NETWORK = new ConcurrentHashMap<>();
    private static final AtomicLong RESOURCE_IDS = new AtomicLong();

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
     * The module {@code className} of the network that {@code manager} belongs to: compiled on first use
     * in the network's base manager (the topmost manager below the engine's system manager, e.g. a
     * training session's) and closed with it. Arrays of one network (the session's manager and the
     * sub-managers of its steps) share the module; two networks never do, so the graph executor's
     * state (see the class comment) never carries from one network to another.
     *
     * @param manager   any manager of the network, e.g. an input array's
     * @param anchor    the class beside whose package the source resource lies
     * @param className the module class in the source
     * @param source    the resource name of the source, relative to {@code anchor}
     */
    public static PtSymbolBlock forNetwork(NDManager manager, Class<?> anchor, String className, String source) {
        NDManager base = baseManager(manager);
        Map<String, PtSymbolBlock> modules = BY_NETWORK.get(base);
        if (modules == null) {
            synchronized (BY_NETWORK) {
                modules = BY_NETWORK.get(base);
                if (modules == null) {
                    modules = new ConcurrentHashMap<>();
                    if (base.getParentManager() != null) { // the system manager never closes
                        base.attachInternal("umdf-torchscript-" + RESOURCE_IDS.incrementAndGet(), () -> BY_NETWORK.remove(base));
                    }
                    BY_NETWORK.put(base, modules);
                }
            }
        }
        return modules.computeIfAbsent(className, c -> {
            try {
                return load(base, anchor, c, source);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot compile the TorchScript module " + c + " (" + source + ")", e);
            }
        });
    }

    /** The topmost manager above {@code manager} below the engine's system manager ({@code manager} itself if it is one). */
    static NDManager baseManager(NDManager manager) {
        NDManager m = manager;
        while (m.getParentManager() != null && !(m.getParentManager() instanceof NDManager.SystemNDManager)) {
            m = m.getParentManager();
        }
        return m;
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
