package io.github.umdf.nn.data.numpy;

import io.github.umdf.nn.data.InvalidDataException;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The element type of a {@link NumpyArray}: a NumPy {@code dtype} reduced to a kind, an item size in
 * bytes and a byte order, named as NumPy names it ({@link #descr()}: {@code <f4}, {@code >i8},
 * {@code |b1}, {@code <U7}, {@code |S12}, {@code |O}).
 *
 * <p>Supported: floats of 4 and 8 bytes, signed and unsigned integers of 1, 2, 4 and 8 bytes,
 * booleans, fixed-width Unicode ({@code U{n}}: n UTF-32 code units per element, padded with NUL),
 * fixed-width bytes ({@code S{n}}) and objects (whose elements, in pickles, must be strings, bytes or
 * None). Complex, half-precision, date-time, structured and sub-array dtypes are refused with a
 * message naming the dtype. The byte order of one-byte integers, booleans, bytes and objects means
 * nothing and is always little-endian ({@code |}); {@code '='} (the writer's native order) is taken
 * as little-endian, which every platform that writes these files in practice is.
 *
 * <p>Two parsers: {@link #parse(String)} reads the lenient codes of a pickled
 * {@code numpy.dtype(code, ...)} ({@code f4}, {@code ?}, {@code O8}); {@link #parseDescr(String, String)}
 * reads the {@code descr} of a {@code .npy} header strictly, accepting only the types this project
 * keeps in {@code .npy} files ({@link #NPY_TYPES}). Object arrays are refused there: a {@code .npy}
 * object array is a pickle, and loading a data file must never run code from it.
 */
public final class NumpyDtype {
    /** The kinds of dtype, with NumPy's one-letter codes. */
    public enum Kind {
        /** IEEE floats ({@code f4}, {@code f8}). */
        FLOAT('f'),
        /** Signed integers ({@code i1} .. {@code i8}). */
        INT('i'),
        /** Unsigned integers ({@code u1} .. {@code u8}). */
        UINT('u'),
        /** Booleans, one byte each ({@code b1}). */
        BOOL('b'),
        /** Fixed-width Unicode strings, UTF-32 code units ({@code U{n}}). */
        UNICODE('U'),
        /** Fixed-width byte strings ({@code S{n}}). */
        BYTES('S'),
        /** Python objects ({@code O}). */
        OBJECT('O');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        /** NumPy's one-letter kind code. */
        public char code() {
            return code;
        }
    }

    private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;

    /** Little-endian float32, {@code <f4}: the dtype of every feature array in MMSA and MulT pickles and UMDF archives. */
    public static final NumpyDtype FLOAT32 = new NumpyDtype(Kind.FLOAT, 4, LE);
    /** Little-endian float64, {@code <f8}. */
    public static final NumpyDtype FLOAT64 = new NumpyDtype(Kind.FLOAT, 8, LE);
    /** Boolean, {@code |b1}. */
    public static final NumpyDtype BOOL = new NumpyDtype(Kind.BOOL, 1, LE);
    /** Unsigned byte, {@code |u1}. */
    public static final NumpyDtype UINT8 = new NumpyDtype(Kind.UINT, 1, LE);
    /** Little-endian int32, {@code <i4}. */
    public static final NumpyDtype INT32 = new NumpyDtype(Kind.INT, 4, LE);
    /** Little-endian int64, {@code <i8}. */
    public static final NumpyDtype INT64 = new NumpyDtype(Kind.INT, 8, LE);
    /** Object dtype, {@code |O} (Python strings in practice). */
    public static final NumpyDtype OBJECT = new NumpyDtype(Kind.OBJECT, 8, LE);

    /** The longest fixed-width string accepted, in code points (a guard against absurd headers). */
    public static final int MAX_UNICODE_WIDTH = 1 << 24;

    /** The {@code .npy} descriptors {@link #parseDescr} accepts, as named in its errors. */
    public static final String NPY_TYPES = "<f4, <f8, |b1, |u1, <i4, <i8 or <U{n} (or their big-endian '>' forms)";
    private static final List<NumpyDtype> NPY_FIXED = List.of(FLOAT32, FLOAT64, BOOL, UINT8, INT32, INT64);

    private final Kind kind;
    private final int itemSize;
    private final ByteOrder order;

    private NumpyDtype(Kind kind, int itemSize, ByteOrder order) {
        this.kind = kind;
        this.itemSize = itemSize;
        this.order = order;
    }

    /**
     * A dtype of the given kind, item size in bytes ({@code 4 * characters} for Unicode, 8 for
     * objects) and byte order (ignored where it means nothing).
     *
     * @throws IllegalArgumentException for a size the kind does not have
     */
    public static NumpyDtype of(Kind kind, int itemSize, ByteOrder order) {
        boolean ok;
        switch (kind) {
            case FLOAT:
                ok = itemSize == 4 || itemSize == 8;
                break;
            case INT:
            case UINT:
                ok = itemSize == 1 || itemSize == 2 || itemSize == 4 || itemSize == 8;
                break;
            case BOOL:
                ok = itemSize == 1;
                break;
            case UNICODE:
                ok = itemSize >= 0 && itemSize % 4 == 0 && itemSize / 4 <= MAX_UNICODE_WIDTH;
                break;
            case BYTES:
                ok = itemSize >= 0;
                break;
            default:
                ok = itemSize == 8;
        }
        if (!ok) {
            throw new IllegalArgumentException("Expected an item size a NumPy " + kind.name().toLowerCase(Locale.ROOT)
                    + " dtype has, found " + itemSize + " bytes");
        }
        NumpyDtype d = new NumpyDtype(kind, itemSize, Objects.requireNonNull(order, "order"));
        return d.isOrderless() ? new NumpyDtype(kind, itemSize, LE) : d;
    }

    /** Little-endian fixed-width Unicode of {@code chars} code points per element, {@code <U{chars}}. */
    public static NumpyDtype unicode(int chars) {
        if (chars < 0 || chars > MAX_UNICODE_WIDTH) {
            throw new IllegalArgumentException("Expected a string width in [0, " + MAX_UNICODE_WIDTH + "], found " + chars);
        }
        return new NumpyDtype(Kind.UNICODE, 4 * chars, LE);
    }

    /**
     * Parses a NumPy type code as pickled in {@code numpy.dtype(code, ...)}: an optional byte-order
     * character ({@code < > | =}), a kind letter and an item size in bytes, characters for Unicode
     * ({@code f4}, {@code <i8}, {@code U7}, {@code |S12}, {@code O8}, {@code ?}).
     *
     * @throws IllegalArgumentException naming the code and the supported dtypes
     */
    public static NumpyDtype parse(String code) {
        String s = code.trim();
        ByteOrder order = LE;
        if (!s.isEmpty() && "<>|=".indexOf(s.charAt(0)) >= 0) {
            order = s.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : LE;
            s = s.substring(1);
        }
        s = s.equals("?") ? "b1" : s;
        if (!s.matches("[a-zA-Z][0-9]{0,9}")) {
            throw unsupported(code);
        }
        int size = s.length() == 1 ? 0 : Integer.parseInt(s.substring(1));
        for (Kind k : Kind.values()) {
            if (k.code == s.charAt(0)) {
                try {
                    return k == Kind.OBJECT ? OBJECT : k == Kind.UNICODE ? unicode(size).withOrder(order) : of(k, size, order);
                } catch (IllegalArgumentException e) {
                    throw unsupported(code);
                }
            }
        }
        throw unsupported(code);
    }

    private static IllegalArgumentException unsupported(String code) {
        return new IllegalArgumentException("Unsupported NumPy dtype '" + code + "'; expected one of float32 (f4), float64 (f8), "
                + "int8/16/32/64 (i1..i8), uint8/16/32/64 (u1..u8), bool (b1), unicode (U<n>), bytes (S<n>) or object (O)");
    }

    /**
     * Parses the {@code descr} of a {@code .npy} header: a byte order ({@code <}, {@code >},
     * {@code =}, or {@code |} for one-byte types) and one of {@link #NPY_TYPES}.
     *
     * @param descr  the descriptor, {@code <f4} for example
     * @param source the file or entry, named in errors
     * @throws InvalidDataException for object arrays, unsupported types or malformed descriptors
     */
    public static NumpyDtype parseDescr(String descr, String source) {
        if (descr.length() >= 2 && descr.charAt(1) == 'O' || descr.equals("O")) {
            throw InvalidDataException.of(source, null, "descr", "a numeric, boolean or fixed-width string dtype (" + NPY_TYPES
                    + "); object arrays hold Python pickles, which are never loaded", "'" + descr + "'");
        }
        char o = descr.isEmpty() ? ' ' : descr.charAt(0);
        String t = descr.length() < 2 ? "" : descr.substring(1);
        NumpyDtype d = null;
        if ("<>=|".indexOf(o) >= 0 && t.matches("U[0-9]{1,9}")) {
            long n = Long.parseLong(t.substring(1));
            if (n > MAX_UNICODE_WIDTH) {
                throw InvalidDataException.of(source, null, "descr", "a string width of at most " + MAX_UNICODE_WIDTH, "'" + descr + "'");
            }
            d = unicode((int) n);
        } else if ("<>=|".indexOf(o) >= 0) {
            d = NPY_FIXED.stream().filter(x -> x.descr().substring(1).equals(t)).findFirst().orElse(null);
        }
        if (d == null) {
            throw InvalidDataException.of(source, null, "descr", "one of " + NPY_TYPES, "'" + descr + "'");
        }
        if (o == '|' && !d.isOrderless()) {
            throw InvalidDataException.of(source, null, "descr", "a byte order '<' or '>' for a multi-byte type", "'" + descr + "'");
        }
        return o == '>' ? d.bigEndian() : d;
    }

    /** Whether {@code .npy} files as this project reads and writes them hold this dtype (one of {@link #NPY_TYPES}). */
    public boolean isNpyType() {
        return kind == Kind.UNICODE || NPY_FIXED.contains(littleEndian());
    }

    private boolean isOrderless() {
        return itemSize == 1 || kind == Kind.BYTES || kind == Kind.OBJECT;
    }

    private NumpyDtype withOrder(ByteOrder o) {
        return isOrderless() || order.equals(o) ? this : new NumpyDtype(kind, itemSize, o);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** Bytes per element ({@code 4 * characters} for Unicode, 8 for objects). */
    public int itemSize() {
        return itemSize;
    }

    /** Code points per element of a Unicode dtype, 0 for other kinds. */
    public int chars() {
        return kind == Kind.UNICODE ? itemSize / 4 : 0;
    }

    /** The byte order of the elements (little-endian where order means nothing). */
    public ByteOrder order() {
        return order;
    }

    /** Whether elements are stored little-endian (always true where order means nothing). */
    public boolean isLittleEndian() {
        return order == LE;
    }

    /** This dtype stored little-endian. */
    public NumpyDtype littleEndian() {
        return withOrder(LE);
    }

    /** This dtype stored big-endian (for reading tests and foreign files; this project writes little-endian only). */
    public NumpyDtype bigEndian() {
        return withOrder(ByteOrder.BIG_ENDIAN);
    }

    /** Whether elements are numbers (floats, integers or booleans). */
    public boolean isNumeric() {
        return kind == Kind.FLOAT || kind == Kind.INT || kind == Kind.UINT || kind == Kind.BOOL;
    }

    /** Whether elements are text (Unicode, bytes or objects). */
    public boolean isText() {
        return !isNumeric();
    }

    /** Whether elements are float32 or float64. */
    public boolean isFloating() {
        return kind == Kind.FLOAT;
    }

    /**
     * NumPy's {@code dtype.str}, the {@code descr} of a {@code .npy} header: {@code <f4}, {@code >i8},
     * {@code |u1}, {@code <U7}, {@code |S12}, {@code |O}.
     */
    public String descr() {
        String prefix = isOrderless() ? "|" : isLittleEndian() ? "<" : ">";
        switch (kind) {
            case UNICODE:
                return prefix + "U" + chars();
            case OBJECT:
                return "|O";
            default:
                return prefix + kind.code + itemSize;
        }
    }

    /**
     * NumPy's {@code dtype.name}: {@code float32}, {@code int64}, {@code uint8}, {@code bool},
     * {@code str224}, {@code bytes96}, {@code object}.
     */
    public String name() {
        switch (kind) {
            case BOOL:
                return "bool";
            case UNICODE:
                return "str" + itemSize * 8;
            case OBJECT:
                return "object";
            default:
                return kind.name().toLowerCase(Locale.ROOT) + itemSize * 8;
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NumpyDtype)) {
            return false;
        }
        NumpyDtype d = (NumpyDtype) o;
        return kind == d.kind && itemSize == d.itemSize && order.equals(d.order);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, itemSize, order.toString());
    }

    /** The descriptor in quotes, {@code '<f4'}, as errors name a dtype. */
    @Override
    public String toString() {
        return "'" + descr() + "'";
    }
}
