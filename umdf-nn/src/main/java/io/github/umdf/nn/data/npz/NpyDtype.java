package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.InvalidDataException;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * The element types of {@code .npy} arrays this package reads and writes, named by their NumPy
 * type descriptor ({@code descr}): {@code <f4}, {@code <f8}, {@code |b1}, {@code |u1}, {@code <i4},
 * {@code <i8} and fixed-width Unicode {@code <U{n}} (n UTF-32 code units per element, padded with
 * NUL). Reading also accepts the big-endian variants ({@code >f4}, ...) and {@code =} (native
 * order); writing is always little-endian.
 *
 * <p>Object arrays ({@code |O}) are refused: NumPy stores them as pickles, and loading a data file
 * must never run code from it.
 */
public final class NpyDtype {
    /** The element kinds. */
    public enum Kind {
        /** IEEE 754 binary32, {@code f4}. */
        FLOAT32('f', 4),
        /** IEEE 754 binary64, {@code f8}. */
        FLOAT64('f', 8),
        /** Boolean, one byte 0 or 1, {@code b1}. */
        BOOL('b', 1),
        /** Unsigned byte, {@code u1}. */
        UINT8('u', 1),
        /** Signed 32-bit integer, {@code i4}. */
        INT32('i', 4),
        /** Signed 64-bit integer, {@code i8}. */
        INT64('i', 8),
        /** Fixed-width Unicode string, {@code U{n}}: n UTF-32 code units per element. */
        UNICODE('U', 4);

        private final char code;
        private final int unitSize;

        Kind(char code, int unitSize) {
            this.code = code;
            this.unitSize = unitSize;
        }
    }

    /** Little-endian float32, {@code <f4}. */
    public static final NpyDtype FLOAT32 = new NpyDtype(Kind.FLOAT32, ByteOrder.LITTLE_ENDIAN, 0);
    /** Little-endian float64, {@code <f8}. */
    public static final NpyDtype FLOAT64 = new NpyDtype(Kind.FLOAT64, ByteOrder.LITTLE_ENDIAN, 0);
    /** Boolean, {@code |b1}. */
    public static final NpyDtype BOOL = new NpyDtype(Kind.BOOL, ByteOrder.LITTLE_ENDIAN, 0);
    /** Unsigned byte, {@code |u1}. */
    public static final NpyDtype UINT8 = new NpyDtype(Kind.UINT8, ByteOrder.LITTLE_ENDIAN, 0);
    /** Little-endian int32, {@code <i4}. */
    public static final NpyDtype INT32 = new NpyDtype(Kind.INT32, ByteOrder.LITTLE_ENDIAN, 0);
    /** Little-endian int64, {@code <i8}. */
    public static final NpyDtype INT64 = new NpyDtype(Kind.INT64, ByteOrder.LITTLE_ENDIAN, 0);

    /** The longest fixed-width string accepted, in code points (a guard against absurd headers). */
    public static final int MAX_UNICODE_WIDTH = 1 << 24;

    static final String SUPPORTED = "<f4, <f8, |b1, |u1, <i4, <i8 or <U{n} (or their big-endian '>' forms)";

    private final Kind kind;
    private final ByteOrder order;
    private final int chars;

    private NpyDtype(Kind kind, ByteOrder order, int chars) {
        this.kind = kind;
        this.order = order;
        this.chars = chars;
    }

    /** Little-endian fixed-width Unicode of {@code chars} code points per element, {@code <U{chars}}. */
    public static NpyDtype unicode(int chars) {
        if (chars < 0 || chars > MAX_UNICODE_WIDTH) {
            throw new IllegalArgumentException("Expected a string width in [0, " + MAX_UNICODE_WIDTH + "], found " + chars);
        }
        return new NpyDtype(Kind.UNICODE, ByteOrder.LITTLE_ENDIAN, chars);
    }

    /**
     * Parses a NumPy type descriptor.
     *
     * @param descr  the descriptor, {@code <f4} for example
     * @param source the file or entry, named in errors
     * @throws InvalidDataException for object arrays, unsupported types or malformed descriptors
     */
    public static NpyDtype parse(String descr, String source) {
        if (descr.length() >= 2 && descr.charAt(1) == 'O' || descr.equals("O")) {
            throw InvalidDataException.of(source, null, "descr", "a numeric, boolean or fixed-width string dtype (" + SUPPORTED
                    + "); object arrays hold Python pickles, which are never loaded", "'" + descr + "'");
        }
        if (descr.length() < 2) {
            throw unsupported(descr, source);
        }
        char o = descr.charAt(0);
        ByteOrder order;
        switch (o) {
            case '<':
                order = ByteOrder.LITTLE_ENDIAN;
                break;
            case '>':
                order = ByteOrder.BIG_ENDIAN;
                break;
            case '=':
                order = ByteOrder.nativeOrder();
                break;
            case '|':
                order = null;
                break;
            default:
                throw unsupported(descr, source);
        }
        String t = descr.substring(1);
        Kind kind;
        int chars = 0;
        switch (t) {
            case "f4": kind = Kind.FLOAT32; break;
            case "f8": kind = Kind.FLOAT64; break;
            case "b1": kind = Kind.BOOL; break;
            case "u1": kind = Kind.UINT8; break;
            case "i4": kind = Kind.INT32; break;
            case "i8": kind = Kind.INT64; break;
            default:
                if (t.length() < 2 || t.charAt(0) != 'U' || !t.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')
                        || t.length() > 10) {
                    throw unsupported(descr, source);
                }
                kind = Kind.UNICODE;
                long n = Long.parseLong(t.substring(1));
                if (n > MAX_UNICODE_WIDTH) {
                    throw InvalidDataException.of(source, null, "descr", "a string width of at most " + MAX_UNICODE_WIDTH,
                            "'" + descr + "'");
                }
                chars = (int) n;
        }
        boolean singleByte = kind == Kind.BOOL || kind == Kind.UINT8;
        if (singleByte) {
            return new NpyDtype(kind, ByteOrder.LITTLE_ENDIAN, 0);
        }
        if (order == null) {
            throw InvalidDataException.of(source, null, "descr", "a byte order '<' or '>' for a multi-byte type", "'" + descr + "'");
        }
        return new NpyDtype(kind, order, chars);
    }

    private static InvalidDataException unsupported(String descr, String source) {
        return InvalidDataException.of(source, null, "descr", "one of " + SUPPORTED, "'" + descr + "'");
    }

    /** The element kind. */
    public Kind kind() {
        return kind;
    }

    /** The byte order of multi-byte elements (little-endian for one-byte kinds). */
    public ByteOrder order() {
        return order;
    }

    /** Whether elements are stored little-endian (always true for one-byte kinds). */
    public boolean isLittleEndian() {
        return order == ByteOrder.LITTLE_ENDIAN;
    }

    /** Code points per element of a Unicode dtype, 0 for other kinds. */
    public int chars() {
        return chars;
    }

    /** Bytes per element. */
    public int itemSize() {
        return kind == Kind.UNICODE ? 4 * chars : kind.unitSize;
    }

    /** This dtype stored little-endian. */
    public NpyDtype littleEndian() {
        return isLittleEndian() ? this : new NpyDtype(kind, ByteOrder.LITTLE_ENDIAN, chars);
    }

    /** This dtype stored big-endian (for reading tests and foreign files; this package writes little-endian only). */
    public NpyDtype bigEndian() {
        if (kind == Kind.BOOL || kind == Kind.UINT8) {
            return this;
        }
        return new NpyDtype(kind, ByteOrder.BIG_ENDIAN, chars);
    }

    /** Whether elements are float32 or float64. */
    public boolean isFloating() {
        return kind == Kind.FLOAT32 || kind == Kind.FLOAT64;
    }

    /** The NumPy descriptor: {@code <f4}, {@code |b1}, {@code <U12}, {@code >f8} ... */
    public String descr() {
        if (kind == Kind.BOOL || kind == Kind.UINT8) {
            return "|" + kind.code + kind.unitSize;
        }
        char o = order == ByteOrder.LITTLE_ENDIAN ? '<' : '>';
        return kind == Kind.UNICODE ? o + "U" + chars : "" + o + kind.code + kind.unitSize;
    }

    @Override
    public boolean equals(Object x) {
        if (!(x instanceof NpyDtype)) {
            return false;
        }
        NpyDtype d = (NpyDtype) x;
        return kind == d.kind && order.equals(d.order) && chars == d.chars;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, order, chars);
    }

    @Override
    public String toString() {
        return "'" + descr() + "'";
    }
}
