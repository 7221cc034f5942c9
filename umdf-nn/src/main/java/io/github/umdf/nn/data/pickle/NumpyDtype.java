package io.github.umdf.nn.data.pickle;

import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Objects;

/**
 * The element type of a {@link NumpyArray}: a NumPy {@code dtype} reduced to what the readers
 * support. A pickled dtype is {@code numpy.dtype(code, align, copy)} (the code being {@code f4},
 * {@code i8}, {@code U7}, {@code S12}, {@code O8}, {@code b1} ...) followed by a {@code BUILD}
 * whose state tuple {@code (version, byteorder, subarray, names, fields, elsize, alignment, flags[, metadata])}
 * carries the byte order and, for strings, the item size.
 *
 * <p>Supported kinds: floats of 4 and 8 bytes, signed integers of 1, 2, 4 and 8 bytes, unsigned
 * integers of 1, 2, 4 and 8 bytes, booleans, fixed-width unicode ({@code <U..}, UTF-32), fixed-width
 * bytes ({@code |S..}) and object arrays (whose elements must be strings, bytes or None).
 * Structured, sub-array, complex, half-precision and date-time dtypes are refused with a message
 * naming the dtype. Byte order {@code '='} (the writer's native order) is taken as little-endian,
 * which every platform that writes these pickles in practice is.
 */
public final class NumpyDtype {

    /** The kinds of dtype the readers understand. */
    public enum Kind {
        /** IEEE floats ({@code f4}, {@code f8}). */
        FLOAT('f'),
        /** Signed integers ({@code i1} .. {@code i8}). */
        INT('i'),
        /** Unsigned integers ({@code u1} .. {@code u8}). */
        UINT('u'),
        /** Booleans ({@code b1}). */
        BOOL('b'),
        /** Fixed-width unicode strings, UTF-32 code points ({@code U<n>}). */
        UNICODE('U'),
        /** Fixed-width byte strings ({@code S<n>}). */
        BYTES('S'),
        /** Python objects; only strings, bytes and None are accepted as elements. */
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

    private final Kind kind;
    private final int itemSize;
    private final ByteOrder order;

    private NumpyDtype(Kind kind, int itemSize, ByteOrder order) {
        this.kind = kind;
        this.itemSize = itemSize;
        this.order = order;
    }

    /** 32-bit little-endian float, the dtype of every feature array in MMSA and MulT pickles. */
    public static final NumpyDtype FLOAT32 = new NumpyDtype(Kind.FLOAT, 4, ByteOrder.LITTLE_ENDIAN);
    /** 64-bit little-endian float. */
    public static final NumpyDtype FLOAT64 = new NumpyDtype(Kind.FLOAT, 8, ByteOrder.LITTLE_ENDIAN);
    /** 64-bit little-endian signed integer. */
    public static final NumpyDtype INT64 = new NumpyDtype(Kind.INT, 8, ByteOrder.LITTLE_ENDIAN);
    /** Object dtype (Python strings in practice). */
    public static final NumpyDtype OBJECT = new NumpyDtype(Kind.OBJECT, 8, ByteOrder.LITTLE_ENDIAN);

    /**
     * Parses a NumPy type code as pickled in {@code numpy.dtype(code, ...)}: an optional byte-order
     * character ({@code < > | =}), a kind letter and an item size in bytes ({@code f4}, {@code <i8},
     * {@code U7}, {@code |S12}, {@code O8}, {@code ?}).
     *
     * @throws IllegalArgumentException naming the code and the supported dtypes
     */
    public static NumpyDtype parse(String code) {
        Objects.requireNonNull(code, "code");
        String s = code.trim();
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (!s.isEmpty() && "<>|=".indexOf(s.charAt(0)) >= 0) {
            order = s.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            s = s.substring(1);
        }
        if (s.equals("?")) {
            s = "b1";
        }
        if (s.isEmpty()) {
            throw unsupported(code);
        }
        char k = s.charAt(0);
        int size;
        try {
            size = s.length() == 1 ? 0 : Integer.parseInt(s.substring(1));
        } catch (NumberFormatException e) {
            throw unsupported(code);
        }
        switch (k) {
            case 'f':
                if (size != 4 && size != 8) {
                    throw unsupported(code);
                }
                return new NumpyDtype(Kind.FLOAT, size, order);
            case 'i':
            case 'u':
                if (size != 1 && size != 2 && size != 4 && size != 8) {
                    throw unsupported(code);
                }
                return new NumpyDtype(k == 'i' ? Kind.INT : Kind.UINT, size, order);
            case 'b':
                if (size != 1) {
                    throw unsupported(code);
                }
                return new NumpyDtype(Kind.BOOL, 1, order);
            case 'U':
                // The code gives characters; the item size is 4 bytes per character (UTF-32).
                return new NumpyDtype(Kind.UNICODE, 4 * size, order);
            case 'S':
                return new NumpyDtype(Kind.BYTES, size, order);
            case 'O':
                return new NumpyDtype(Kind.OBJECT, 8, ByteOrder.LITTLE_ENDIAN);
            default:
                throw unsupported(code);
        }
    }

    private static IllegalArgumentException unsupported(String code) {
        return new IllegalArgumentException("Unsupported NumPy dtype '" + code + "'; expected one of float32 (f4), float64 (f8), "
                + "int8/16/32/64 (i1..i8), uint8/16/32/64 (u1..u8), bool (b1), unicode (U<n>), bytes (S<n>) or object (O)");
    }

    /**
     * This dtype with the byte order and item size of a pickled dtype state tuple
     * {@code (version, byteorder, subarray, names, fields, elsize, alignment, flags[, metadata])}.
     *
     * @throws IllegalArgumentException for structured and sub-array dtypes
     */
    NumpyDtype withState(Object[] state) {
        if (state.length < 2 || !(state[1] instanceof String)) {
            throw new IllegalArgumentException("Expected a dtype state tuple (version, byteorder, ...), found " + PickleValues.describe(state));
        }
        String endian = (String) state[1];
        ByteOrder o;
        switch (endian) {
            case "<":
            case "=":
            case "|":
                o = ByteOrder.LITTLE_ENDIAN;
                break;
            case ">":
                o = ByteOrder.BIG_ENDIAN;
                break;
            default:
                throw new IllegalArgumentException("Expected a dtype byte order '<', '>', '|' or '=', found '" + endian + "'");
        }
        for (int i = 2; i <= 4 && i < state.length; i++) {
            if (state[i] != null) {
                throw new IllegalArgumentException("Structured and sub-array NumPy dtypes are not supported (dtype " + str()
                        + " has " + (i == 2 ? "a sub-array" : "named fields") + "); store plain arrays");
            }
        }
        int size = itemSize;
        if (state.length >= 7 && state[5] instanceof Number && (kind == Kind.UNICODE || kind == Kind.BYTES)) {
            int elsize = ((Number) state[5]).intValue();
            if (elsize > 0) {
                size = elsize;
            }
        }
        if (kind == Kind.UNICODE && size % 4 != 0) {
            throw new IllegalArgumentException("Expected a unicode item size that is a multiple of 4, found " + size);
        }
        return new NumpyDtype(kind, size, o);
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** Bytes per element ({@code 4 * characters} for unicode, 8 for object). */
    public int itemSize() {
        return itemSize;
    }

    /** The byte order of the raw data. */
    public ByteOrder order() {
        return order;
    }

    /** Whether elements are numbers (floats, integers or booleans). */
    public boolean isNumeric() {
        return kind == Kind.FLOAT || kind == Kind.INT || kind == Kind.UINT || kind == Kind.BOOL;
    }

    /** Whether elements are text (unicode, bytes or object). */
    public boolean isText() {
        return !isNumeric();
    }

    /** NumPy's {@code dtype.str}: {@code <f4}, {@code >i8}, {@code |u1}, {@code <U7}, {@code |S12}, {@code |O}. */
    public String str() {
        boolean single = itemSize == 1 || kind == Kind.BYTES || kind == Kind.OBJECT || kind == Kind.BOOL;
        String prefix = single ? "|" : order == ByteOrder.BIG_ENDIAN ? ">" : "<";
        switch (kind) {
            case UNICODE:
                return prefix + "U" + itemSize / 4;
            case OBJECT:
                return "|O";
            default:
                return prefix + kind.code + itemSize;
        }
    }

    /** NumPy's {@code dtype.name}: {@code float32}, {@code int64}, {@code uint8}, {@code bool}, {@code str224}, {@code bytes96}, {@code object}. */
    public String name() {
        switch (kind) {
            case FLOAT:
                return "float" + itemSize * 8;
            case INT:
                return "int" + itemSize * 8;
            case UINT:
                return "uint" + itemSize * 8;
            case BOOL:
                return "bool";
            case UNICODE:
                return "str" + itemSize * 8;
            case BYTES:
                return "bytes" + itemSize * 8;
            case OBJECT:
                return "object";
            default:
                throw new IllegalStateException(kind.name().toLowerCase(Locale.ROOT));
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

    @Override
    public String toString() {
        return "dtype('" + str() + "')";
    }
}
