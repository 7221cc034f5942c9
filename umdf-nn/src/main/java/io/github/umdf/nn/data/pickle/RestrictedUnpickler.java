package io.github.umdf.nn.data.pickle;

import io.github.umdf.nn.data.numpy.NumpyArray;
import io.github.umdf.nn.data.numpy.NumpyDtype;
import io.github.umdf.nn.data.numpy.RawBytes;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An unpickler that builds only plain data: dicts, lists, tuples, sets, strings, bytes, numbers,
 * booleans, None and NumPy arrays. Loading a file never executes code from it.
 *
 * <p>Python's pickle format is a small stack-machine program; its {@code GLOBAL}/{@code STACK_GLOBAL}
 * and {@code INST} opcodes name any importable callable, which {@code REDUCE}, {@code NEWOBJ},
 * {@code OBJ} and {@code BUILD} then call, so an ordinary unpickler runs whatever the file asks
 * ({@code os.system}, say). This subclass of Razorvine's {@link Unpickler} intercepts those opcodes
 * in {@link #dispatch(short)} and resolves a global only if it is on the allow-list below; any other
 * global is refused with a {@link PickleRefusedException} naming its module and name at the moment
 * the opcode is read, before anything is constructed. Razorvine's own constructor registry (which
 * maps datetime, decimal and arbitrary classes to dictionaries) is never consulted. Persistent ids,
 * extension codes and out-of-band buffers are refused too.
 *
 * <p>Allowed globals, and what calling them builds:
 * <ul>
 *   <li>{@code numpy.core.multiarray._reconstruct}, {@code numpy._core.multiarray._reconstruct} with
 *       {@code numpy.ndarray}: an array whose {@code BUILD} state {@code (version, shape, dtype, is_fortran, data)}
 *       gives its content (protocols 0 to 4, and object arrays in every protocol);</li>
 *   <li>{@code numpy.core.numeric._frombuffer}, {@code numpy._core.numeric._frombuffer}: an array from an
 *       in-band buffer, dtype, shape and order (protocol 5);</li>
 *   <li>{@code numpy.dtype}: a {@link NumpyDtype};</li>
 *   <li>{@code numpy.core.multiarray.scalar}, {@code numpy._core.multiarray.scalar}: a NumPy scalar as a
 *       Java {@code Double}, {@code Long}, {@code Boolean} or {@code String};</li>
 *   <li>{@code _codecs.encode}: protocol 2's spelling of {@code bytes} (latin-1 text to bytes);</li>
 *   <li>{@code collections.OrderedDict}, and {@code set}, {@code frozenset}, {@code bytes},
 *       {@code bytearray} from {@code builtins} (Python 3) or {@code __builtin__} (protocol 2).</li>
 * </ul>
 * NumPy 1.x writes {@code numpy.core.*} and NumPy 2.x {@code numpy._core.*}; both are accepted.
 *
 * <p>Results map to Java as: dict to {@link LinkedHashMap} (insertion order kept), list to
 * {@link ArrayList}, tuple to {@code Object[]}, set to {@link LinkedHashSet}, str to {@link String},
 * bytes to {@code byte[]}, int to {@code Integer}/{@code Long}/{@code BigInteger}, float to
 * {@code Double}, NumPy arrays to {@link NumpyArray}. Raw array bytes are released as soon as the array
 * is decoded, even if the pickle memoized them, so that a multi-gigabyte file is not held twice.
 *
 * <p>Not thread-safe; use one instance per load.
 */
public final class RestrictedUnpickler extends Unpickler {

    /** What an allowed global does when called. */
    private enum Kind {
        RECONSTRUCT, NDARRAY, FROMBUFFER, DTYPE, SCALAR, CODECS_ENCODE, ORDERED_DICT, SET, FROZENSET, BYTES, BYTEARRAY
    }

    private static final Map<String, Kind> ALLOWED;

    static {
        Map<String, Kind> m = new LinkedHashMap<>();
        for (String core : List.of("numpy.core", "numpy._core")) {
            m.put(core + ".multiarray._reconstruct", Kind.RECONSTRUCT);
            m.put(core + ".multiarray.scalar", Kind.SCALAR);
            m.put(core + ".numeric._frombuffer", Kind.FROMBUFFER);
        }
        m.put("numpy.ndarray", Kind.NDARRAY);
        m.put("numpy.dtype", Kind.DTYPE);
        m.put("_codecs.encode", Kind.CODECS_ENCODE);
        m.put("collections.OrderedDict", Kind.ORDERED_DICT);
        for (String b : List.of("builtins", "__builtin__")) {
            m.put(b + ".set", Kind.SET);
            m.put(b + ".frozenset", Kind.FROZENSET);
            m.put(b + ".bytes", Kind.BYTES);
            m.put(b + ".bytearray", Kind.BYTEARRAY);
        }
        ALLOWED = Collections.unmodifiableMap(m);
    }

    /** A resolved allowed global on the stack. */
    private static final class Global {
        final Kind kind;
        final String qualifiedName;

        Global(Kind kind, String qualifiedName) {
            this.kind = kind;
            this.qualifiedName = qualifiedName;
        }

        @Override
        public String toString() {
            return "global '" + qualifiedName + "'";
        }
    }

    /** An ndarray made by {@code _reconstruct} whose content arrives with the next {@code BUILD}. */
    private static final class PendingArray {
        @Override
        public String toString() {
            return "an incomplete NumPy array (reconstructed but never given its state by BUILD)";
        }
    }

    /** What a memo slot holds once the raw bytes it referred to have been decoded into an array. */
    private static final Object RELEASED = new Object() {
        @Override
        public String toString() {
            return "raw array bytes already decoded and released";
        }
    };

    /** Memo keys of objects that BUILD replaces (pending arrays, dtypes) or decoding releases (raw bytes). */
    private final IdentityHashMap<Object, List<Integer>> memoKeys = new IdentityHashMap<>();
    private CountingInputStream counting;

    /** A restricted unpickler. */
    public RestrictedUnpickler() {
        super();
    }

    /** The qualified names of the allowed globals, sorted. */
    public static Set<String> allowedGlobals() {
        return Collections.unmodifiableSet(new TreeSet<>(ALLOWED.keySet()));
    }

    /**
     * Loads a pickle file.
     *
     * @throws PickleRefusedException if the file asks for anything outside the allow-list
     * @throws PickleException        if the file is not a valid pickle of plain data; the message gives the byte offset
     * @throws IOException            if the file cannot be read
     */
    public static Object load(Path file) throws IOException {
        RestrictedUnpickler u = new RestrictedUnpickler();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return u.load(in);
        } finally {
            u.close();
        }
    }

    /**
     * Loads one pickle from a stream.
     *
     * @throws PickleRefusedException if the stream asks for anything outside the allow-list
     * @throws PickleException        if it is not a valid pickle of plain data; the message gives the byte offset
     */
    @Override
    public Object load(InputStream stream) throws PickleException, IOException {
        memoKeys.clear();
        counting = new CountingInputStream(stream);
        try {
            return super.load(counting);
        } catch (PickleRefusedException e) {
            throw e;
        } catch (EOFException e) {
            throw new PickleException("Truncated pickle: the data ends after " + counting.count + " bytes", e);
        } catch (IOException e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("premature end of file") || msg.contains("expected more bytes")) {
                throw new PickleException("Truncated pickle: the data ends after " + counting.count + " bytes", e);
            }
            throw e;
        } catch (PickleException | ClassCastException | IndexOutOfBoundsException | IllegalArgumentException
                 | IllegalStateException | ArithmeticException | NullPointerException e) {
            throw new PickleException("Malformed or unsupported pickle content near byte " + counting.count + ": " + e.getMessage(), e);
        } finally {
            memoKeys.clear();
        }
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        switch (key) {
            case Opcodes.GLOBAL: {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(resolve(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL: {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String) || !(name instanceof String)) {
                    throw new PickleException("STACK_GLOBAL expects a module and a name as str, found "
                            + PickleValues.describe(module) + " and " + PickleValues.describe(name));
                }
                stack.add(resolve((String) module, (String) name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST: {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                Global g = resolve(module, name);
                stack.add(call(g, stack.pop_all_since_marker().toArray()));
                return NO_RETURN_VALUE;
            }
            case Opcodes.OBJ: {
                List<Object> args = stack.pop_all_since_marker();
                if (args.isEmpty()) {
                    throw new PickleException("OBJ without a class");
                }
                stack.add(call(args.get(0), args.subList(1, args.size()).toArray()));
                return NO_RETURN_VALUE;
            }
            case Opcodes.REDUCE:
            case Opcodes.NEWOBJ: {
                Object args = stack.pop();
                Object callable = stack.pop();
                if (!(args instanceof Object[])) {
                    throw new PickleException("REDUCE expects an argument tuple, found " + PickleValues.describe(args));
                }
                stack.add(call(callable, (Object[]) args));
                return NO_RETURN_VALUE;
            }
            case Opcodes.NEWOBJ_EX: {
                Object kwargs = stack.pop();
                Object args = stack.pop();
                Object callable = stack.pop();
                if (!(kwargs instanceof Map) || !((Map<?, ?>) kwargs).isEmpty() || !(args instanceof Object[])) {
                    throw new PickleException("NEWOBJ_EX with keyword arguments is not supported, found "
                            + PickleValues.describe(kwargs));
                }
                stack.add(call(callable, (Object[]) args));
                return NO_RETURN_VALUE;
            }
            case Opcodes.BUILD:
                build();
                return NO_RETURN_VALUE;
            case Opcodes.PERSID:
            case Opcodes.BINPERSID:
                throw PickleRefusedException.other("persistent ids (the pickle refers to objects stored outside it)");
            case Opcodes.EXT1:
            case Opcodes.EXT2:
            case Opcodes.EXT4:
                throw PickleRefusedException.other("extension codes (copyreg registry entries that stand for globals)");
            case Opcodes.NEXT_BUFFER:
                throw PickleRefusedException.other("out-of-band buffers (pickle the arrays with in-band buffers)");
            case Opcodes.PUT:
                memoize(Integer.parseInt(PickleUtils.readline(input).trim()));
                return NO_RETURN_VALUE;
            case Opcodes.BINPUT:
                memoize(PickleUtils.readbyte(input));
                return NO_RETURN_VALUE;
            case Opcodes.LONG_BINPUT:
                memoize(PickleUtils.bytes_to_integer(PickleUtils.readbytes(input, 4)));
                return NO_RETURN_VALUE;
            case Opcodes.MEMOIZE:
                memoize(memo.size());
                return NO_RETURN_VALUE;
            case Opcodes.BINBYTES:
                stack.add(bytes(PickleUtils.bytes_to_uint(PickleUtils.readbytes(input, 4), 0)));
                return NO_RETURN_VALUE;
            case Opcodes.BINBYTES8:
            case Opcodes.BYTEARRAY8:
                stack.add(bytes(PickleUtils.bytes_to_long(PickleUtils.readbytes(input, 8), 0)));
                return NO_RETURN_VALUE;
            case Opcodes.EMPTY_DICT:
                stack.add(new LinkedHashMap<>());
                return NO_RETURN_VALUE;
            case Opcodes.DICT: {
                List<Object> items = stack.pop_all_since_marker();
                Map<Object, Object> map = new LinkedHashMap<>();
                putPairs(map, items);
                stack.add(map);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEMS: {
                List<Object> items = stack.pop_all_since_marker();
                putPairs(asDict(stack.peek()), items);
                return NO_RETURN_VALUE;
            }
            case Opcodes.EMPTY_SET:
                stack.add(new LinkedHashSet<>());
                return NO_RETURN_VALUE;
            case Opcodes.FROZENSET:
                stack.add(new LinkedHashSet<>(stack.pop_all_since_marker()));
                return NO_RETURN_VALUE;
            default:
                return super.dispatch(key);
        }
    }

    @Override
    protected Object next_buffer() {
        throw PickleRefusedException.other("out-of-band buffers (pickle the arrays with in-band buffers)");
    }

    @Override
    protected Object persistentLoad(Object pid) {
        throw PickleRefusedException.other("persistent ids (the pickle refers to objects stored outside it)");
    }

    private static Global resolve(String module, String name) {
        Kind k = ALLOWED.get(module + "." + name);
        if (k == null) {
            throw PickleRefusedException.global(module, name);
        }
        return new Global(k, module + "." + name);
    }

    private Object bytes(long n) throws IOException {
        RawBytes raw = RawBytes.read(input, n);
        return raw.isSingle() ? raw.single() : raw;
    }

    private void memoize(int key) {
        Object top = stack.peek();
        memo.put(key, top);
        if (top instanceof PendingArray || top instanceof NumpyDtype || top instanceof byte[] || top instanceof RawBytes) {
            memoKeys.computeIfAbsent(top, t -> new ArrayList<>(1)).add(key);
        }
    }

    /** Points the memo slots of {@code old} at {@code replacement}. */
    private void replaceInMemo(Object old, Object replacement) {
        List<Integer> keys = memoKeys.remove(old);
        if (keys != null) {
            for (Integer k : keys) {
                memo.put(k, replacement);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> asDict(Object o) {
        if (!(o instanceof Map)) {
            throw new PickleException("SETITEMS expects a dict below the mark, found " + PickleValues.describe(o));
        }
        return (Map<Object, Object>) o;
    }

    private static void putPairs(Map<Object, Object> map, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw new PickleException("Expected key/value pairs, found an odd number of items (" + items.size() + ")");
        }
        for (int i = 0; i < items.size(); i += 2) {
            map.put(items.get(i), items.get(i + 1));
        }
    }

    // ------------------------------------------------------------------ calls

    private Object call(Object callable, Object[] args) {
        if (!(callable instanceof Global)) {
            throw new PickleException("Expected a callable global before the arguments, found " + PickleValues.describe(callable));
        }
        Global g = (Global) callable;
        switch (g.kind) {
            case RECONSTRUCT:
                // _reconstruct(numpy.ndarray, (0,), b'b'): an empty array that BUILD fills.
                if (args.length < 1 || !(args[0] instanceof Global) || ((Global) args[0]).kind != Kind.NDARRAY) {
                    throw new PickleException(g.qualifiedName + " may only rebuild numpy.ndarray, found "
                            + (args.length == 0 ? "no arguments" : PickleValues.describe(args[0])));
                }
                return new PendingArray();
            case FROMBUFFER:
                return fromBuffer(g, args);
            case DTYPE:
                if (args.length < 1 || !(args[0] instanceof String)) {
                    throw new PickleException("numpy.dtype expects a type code such as 'f4', found "
                            + (args.length == 0 ? "no arguments" : PickleValues.describe(args[0])));
                }
                return NumpyDtype.parse((String) args[0]);
            case SCALAR:
                return scalar(args);
            case CODECS_ENCODE:
                return encode(g, args);
            case ORDERED_DICT: {
                Map<Object, Object> map = new LinkedHashMap<>();
                if (args.length == 1) {
                    for (Object pair : iterable(g, args[0])) {
                        List<Object> kv = asList(g, pair);
                        if (kv.size() != 2) {
                            throw new PickleException(g.qualifiedName + " expects (key, value) pairs, found " + PickleValues.describe(pair));
                        }
                        map.put(kv.get(0), kv.get(1));
                    }
                } else if (args.length > 1) {
                    throw new PickleException(g.qualifiedName + " expects at most one argument, found " + args.length);
                }
                return map;
            }
            case SET:
            case FROZENSET:
                return args.length == 0 ? new LinkedHashSet<>() : new LinkedHashSet<>(asList(g, args[0]));
            case BYTES:
            case BYTEARRAY:
                return toBytes(g, args);
            case NDARRAY:
                throw new PickleException("numpy.ndarray may only appear as the class argument of _reconstruct, not be called");
            default:
                throw new IllegalStateException(g.kind.name());
        }
    }

    private static Collection<?> iterable(Global g, Object o) {
        if (o instanceof Collection) {
            return (Collection<?>) o;
        } else if (o instanceof Object[]) {
            return List.of((Object[]) o);
        }
        throw new PickleException(g.qualifiedName + " expects a list or tuple, found " + PickleValues.describe(o));
    }

    private static List<Object> asList(Global g, Object o) {
        return new ArrayList<>(iterable(g, o));
    }

    private static byte[] encode(Global g, Object[] args) {
        if (args.length != 2 || !(args[0] instanceof String) || !(args[1] instanceof String)) {
            throw new PickleException(g.qualifiedName + " expects (str, 'latin1'), found " + args.length + " arguments");
        }
        String enc = ((String) args[1]).toLowerCase(java.util.Locale.ROOT);
        if (!enc.equals("latin1") && !enc.equals("latin-1") && !enc.equals("iso-8859-1")) {
            throw new PickleException(g.qualifiedName + " is only supported with the latin1 encoding pickle uses for bytes, found '"
                    + args[1] + "'");
        }
        return latin1((String) args[0]);
    }

    private static byte[] latin1(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                throw new PickleException("Expected latin-1 characters in a protocol-2 bytes payload, found U+"
                        + Integer.toHexString(c) + " at " + i);
            }
            b[i] = (byte) c;
        }
        return b;
    }

    private static byte[] toBytes(Global g, Object[] args) {
        if (args.length == 0) {
            return new byte[0];
        }
        Object a = args[0];
        if (args.length == 2 && a instanceof String && args[1] instanceof String) {
            return encode(g, args);
        } else if (args.length == 1 && a instanceof byte[]) {
            return ((byte[]) a).clone();
        } else if (args.length == 1 && (a instanceof List || a instanceof Object[])) {
            List<Object> ints = asList(g, a);
            byte[] b = new byte[ints.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) ((Number) ints.get(i)).intValue();
            }
            return b;
        }
        throw new PickleException(g.qualifiedName + " called with unsupported arguments: " + PickleValues.describe(args));
    }

    private static Object scalar(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof NumpyDtype)) {
            throw new PickleException("numpy scalar expects (dtype, data), found " + PickleValues.describe(args));
        }
        NumpyDtype dt = (NumpyDtype) args[0];
        if (dt.kind() == NumpyDtype.Kind.OBJECT) {
            return args.length > 1 ? args[1] : null;
        }
        Object data = args.length > 1 ? args[1] : null;
        RawBytes raw = rawBytes(data);
        if (raw == null) {
            throw new PickleException("numpy scalar of dtype " + dt.descr() + " expects raw bytes, found " + PickleValues.describe(data));
        }
        NumpyArray a = NumpyArray.fromBytes(dt, new int[0], false, raw);
        switch (dt.kind()) {
            case FLOAT:
                return a.getDouble(0);
            case BOOL:
                return a.getLong(0) != 0;
            case INT:
            case UINT:
                return a.getLong(0);
            default:
                return a.getString(0);
        }
    }

    /** The raw bytes of a bytes-like value (bytes, large bytes, or a protocol-0/1 latin-1 str), else null. */
    private static RawBytes rawBytes(Object o) {
        if (o instanceof byte[]) {
            return RawBytes.of((byte[]) o);
        } else if (o instanceof RawBytes) {
            return (RawBytes) o;
        } else if (o instanceof String) {
            return RawBytes.of(latin1((String) o));
        }
        return null;
    }

    /** {@code _frombuffer(buffer, dtype, shape, order)}: protocol 5's in-band arrays. */
    private Object fromBuffer(Global g, Object[] args) {
        if (args.length != 4 || !(args[1] instanceof NumpyDtype) || !(args[2] instanceof Object[]) || !(args[3] instanceof String)) {
            throw new PickleException(g.qualifiedName + " expects (buffer, dtype, shape, order), found " + describeAll(args));
        }
        RawBytes raw = rawBytes(args[0]);
        if (raw == null) {
            throw new PickleException(g.qualifiedName + " expects a bytes buffer, found " + PickleValues.describe(args[0]));
        }
        String order = (String) args[3];
        if (!order.equals("C") && !order.equals("F")) {
            throw new PickleException(g.qualifiedName + " expects order 'C' or 'F', found '" + order + "'");
        }
        NumpyArray a = NumpyArray.fromBytes((NumpyDtype) args[1], shape(args[2]), order.equals("F"), raw);
        release(args[0]);
        args[0] = null;
        return a;
    }

    private static int[] shape(Object o) {
        Object[] t = (Object[]) o;
        int[] s = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            if (!(t[i] instanceof Number)) {
                throw new PickleException("Expected a shape tuple of ints, found " + describeAll(t));
            }
            long v = ((Number) t[i]).longValue();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new PickleException("Expected array dimensions in [0, " + Integer.MAX_VALUE + "], found " + v);
            }
            s[i] = (int) v;
        }
        return s;
    }

    // ------------------------------------------------------------------ BUILD

    private void build() {
        Object state = stack.pop();
        Object target = stack.pop();
        Object built;
        if (target instanceof PendingArray) {
            built = buildArray(state);
        } else if (target instanceof NumpyDtype) {
            if (!(state instanceof Object[])) {
                throw new PickleException("Expected a dtype state tuple, found " + PickleValues.describe(state));
            }
            built = withState((NumpyDtype) target, (Object[]) state);
        } else {
            throw new PickleException("BUILD (setting object state) is only supported for NumPy arrays and dtypes, found "
                    + PickleValues.describe(target));
        }
        stack.add(built);
        replaceInMemo(target, built);
    }

    /** Array state {@code (version, shape, dtype, is_fortran, data)}; very old pickles omit the version. */
    private NumpyArray buildArray(Object state) {
        if (!(state instanceof Object[])) {
            throw new PickleException("Expected an ndarray state tuple, found " + PickleValues.describe(state));
        }
        Object[] s = (Object[]) state;
        int base = s.length == 5 ? 1 : s.length == 4 ? 0 : -1;
        if (base < 0 || !(s[base + 1] instanceof NumpyDtype) || !(s[base] instanceof Object[])) {
            throw new PickleException("Expected an ndarray state (version, shape, dtype, is_fortran, data), found " + describeAll(s));
        }
        int[] shape = shape(s[base]);
        NumpyDtype dtype = (NumpyDtype) s[base + 1];
        Object flag = s[base + 2];
        boolean fortran = flag instanceof Boolean ? (Boolean) flag : flag instanceof Number && ((Number) flag).intValue() != 0;
        Object data = s[base + 3];
        NumpyArray a;
        if (dtype.kind() == NumpyDtype.Kind.OBJECT) {
            if (!(data instanceof List)) {
                throw new PickleException("Expected the elements of an object array as a list, found " + PickleValues.describe(data));
            }
            a = objectArray(dtype, shape, (List<?>) data);
        } else {
            RawBytes raw = rawBytes(data);
            if (raw == null) {
                throw new PickleException("Expected the raw bytes of a " + dtype.name() + " array, found " + PickleValues.describe(data));
            }
            a = NumpyArray.fromBytes(dtype, shape, fortran, raw);
            release(data);
        }
        s[base + 3] = null;
        return a;
    }

    /**
     * Builds an object array from the list NumPy pickles for it. NumPy writes that list in C order
     * whatever the memory order, so no transposition applies.
     *
     * @throws IllegalArgumentException if an element is not a str, bytes or None, or the count differs
     */
    private static NumpyArray objectArray(NumpyDtype dtype, int[] shape, List<?> items) {
        String[] out = new String[items.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = items.get(i);
            if (o == null || o instanceof String) {
                out[i] = (String) o;
            } else if (o instanceof byte[]) {
                out[i] = new String((byte[]) o, StandardCharsets.UTF_8);
            } else {
                throw new IllegalArgumentException("Object arrays may hold only str, bytes or None; element " + i + " is "
                        + PickleValues.describe(o));
            }
        }
        return NumpyArray.ofStrings(dtype, out, shape);
    }

    /**
     * A pickled dtype with the byte order and item size of its {@code BUILD} state tuple
     * {@code (version, byteorder, subarray, names, fields, elsize, alignment, flags[, metadata])}.
     *
     * @throws IllegalArgumentException for structured and sub-array dtypes
     */
    private static NumpyDtype withState(NumpyDtype dtype, Object[] state) {
        if (state.length < 2 || !(state[1] instanceof String)) {
            throw new IllegalArgumentException("Expected a dtype state tuple (version, byteorder, ...), found " + PickleValues.describe(state));
        }
        String endian = (String) state[1];
        if (!List.of("<", "=", "|", ">").contains(endian)) {
            throw new IllegalArgumentException("Expected a dtype byte order '<', '>', '|' or '=', found '" + endian + "'");
        }
        for (int i = 2; i <= 4 && i < state.length; i++) {
            if (state[i] != null) {
                throw new IllegalArgumentException("Structured and sub-array NumPy dtypes are not supported (dtype " + dtype.descr()
                        + " has " + (i == 2 ? "a sub-array" : "named fields") + "); store plain arrays");
            }
        }
        int size = dtype.itemSize();
        if (state.length >= 7 && state[5] instanceof Number && dtype.isText() && dtype.kind() != NumpyDtype.Kind.OBJECT) {
            int elsize = ((Number) state[5]).intValue();
            if (elsize > 0) {
                size = elsize;
            }
        }
        if (dtype.kind() == NumpyDtype.Kind.UNICODE && size % 4 != 0) {
            throw new IllegalArgumentException("Expected a unicode item size that is a multiple of 4, found " + size);
        }
        return NumpyDtype.of(dtype.kind(), size, endian.equals(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    /** Drops the memo's references to raw bytes that have been decoded, so they can be collected. */
    private void release(Object rawData) {
        List<Integer> keys = memoKeys.remove(rawData);
        if (keys != null) {
            for (Integer k : keys) {
                memo.put(k, RELEASED);
            }
        }
    }

    private static String describeAll(Object[] args) {
        List<String> parts = new ArrayList<>();
        for (Object a : args) {
            parts.add(PickleValues.describe(a));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    /** Counts bytes read, for error messages that say where a pickle went wrong. */
    private static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
