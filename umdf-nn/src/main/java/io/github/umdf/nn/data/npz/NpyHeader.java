package io.github.umdf.nn.data.npz;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.numpy.NumpyArray;
import io.github.umdf.nn.data.numpy.NumpyDtype;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The header of a {@code .npy} array: element type, shape and memory order, as specified by
 * NumPy's {@code numpy.lib.format} (format versions 1.0, 2.0 and 3.0):
 *
 * <pre>
 * "\x93NUMPY" major minor  HEADER_LEN (u2 LE for 1.0, u4 LE for 2.0/3.0)
 * "{'descr': '&lt;f4', 'fortran_order': False, 'shape': (3, 4), }" spaces "\n"
 * </pre>
 *
 * The header is a Python dict literal (ASCII for 1.0/2.0, UTF-8 for 3.0) padded with spaces and
 * a final newline so that the data starts at a multiple of 64 bytes. {@link #encode()} produces
 * exactly the bytes {@code numpy.save} writes (version 1.0, or 2.0 when the header does not fit
 * 65,535 bytes). {@link #read(InputStream, String)} parses strictly: the three keys and nothing
 * else, a tuple of non-negative integers for the shape, a {@link NumpyDtype} among
 * {@link NumpyDtype#NPY_TYPES}; Fortran order is refused for arrays of two or more dimensions.
 */
public final class NpyHeader {
    /** The magic string that opens every {@code .npy} file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;
    /** Largest header accepted on read, in bytes (NumPy refuses headers over 10,000 characters by default). */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private final NumpyDtype dtype;
    private final long[] shape;
    private final long count;
    private final int version;
    private final int readLength;

    private NpyHeader(NumpyDtype dtype, long[] shape, int version, int readLength) {
        this.dtype = dtype;
        this.shape = shape.clone();
        long c = 1;
        for (long s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("Expected non-negative dimensions, found " + shapeString(shape));
            }
            c = Math.multiplyExact(c, s);
        }
        Math.multiplyExact(c, (long) dtype.itemSize());
        this.count = c;
        this.version = version;
        this.readLength = readLength;
    }

    /**
     * A header for a C-ordered array.
     *
     * @param dtype the element type
     * @param shape the dimensions; none for a 0-d (scalar) array
     */
    public static NpyHeader of(NumpyDtype dtype, long... shape) {
        if (!dtype.isNpyType()) {
            throw new IllegalArgumentException("Expected a dtype .npy files hold here (" + NumpyDtype.NPY_TYPES + "), found " + dtype);
        }
        return new NpyHeader(dtype, shape, 0, 0);
    }

    /** A header for writing an array: its dtype and shape. */
    public static NpyHeader of(NumpyArray array) {
        return of(array.dtype(), Arrays.stream(array.shape()).asLongStream().toArray());
    }

    /** The element type. */
    public NumpyDtype dtype() {
        return dtype;
    }

    /** The dimensions (a copy); empty for a 0-d array. */
    public long[] shape() {
        return shape.clone();
    }

    /** Dimension {@code i}. */
    public long dim(int i) {
        return shape[i];
    }

    /** Number of dimensions. */
    public int ndim() {
        return shape.length;
    }

    /** Number of elements (1 for a 0-d array). */
    public long elementCount() {
        return count;
    }

    /** Number of data bytes after the header. */
    public long dataBytes() {
        return count * dtype.itemSize();
    }

    /** The format major version the header was read with (1, 2 or 3), or 0 for a header built in code. */
    public int version() {
        return version;
    }

    /** The shape as NumPy prints it: {@code ()}, {@code (3,)}, {@code (3, 4)}. */
    public String shapeString() {
        return shapeString(shape);
    }

    static String shapeString(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(shape[i]);
        }
        return sb.append(')').toString();
    }

    /** Dtype and shape, {@code '<f4' (3, 4)}, for messages. */
    public String describe() {
        return dtype + " " + shapeString();
    }

    /** Whether dtype and shape equal the given ones. */
    public boolean matches(NumpyDtype d, long... s) {
        return dtype.equals(d) && Arrays.equals(shape, s);
    }

    /**
     * The header bytes NumPy writes for this array: magic, version, length, the dict literal with
     * NumPy's growth padding, spaces up to a 64-byte boundary and a newline. Version 1.0 unless the
     * header needs 2.0.
     */
    public byte[] encode() {
        StringBuilder dict = new StringBuilder("{'descr': '").append(dtype.descr()).append("', 'fortran_order': False, 'shape': ")
                .append(shapeString()).append(", }");
        if (shape.length > 0) {
            dict.append(" ".repeat(Math.max(0, GROWTH_AXIS_MAX_DIGITS - Long.toString(shape[0]).length())));
        }
        byte[] body = dict.toString().getBytes(StandardCharsets.US_ASCII);
        int hlen = body.length + 1;
        int major = 1;
        int prefix = MAGIC.length + 2 + 2;
        int pad = ALIGN - ((prefix + hlen) % ALIGN);
        if (hlen + pad > 0xFFFF) {
            major = 2;
            prefix = MAGIC.length + 2 + 4;
            pad = ALIGN - ((prefix + hlen) % ALIGN);
        }
        int total = hlen + pad;
        byte[] out = new byte[prefix + total];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) major;
        out[7] = 0;
        int p = 8;
        out[p++] = (byte) total;
        out[p++] = (byte) (total >>> 8);
        if (major == 2) {
            out[p++] = (byte) (total >>> 16);
            out[p++] = (byte) (total >>> 24);
        }
        System.arraycopy(body, 0, out, p, body.length);
        Arrays.fill(out, p + body.length, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }

    /**
     * Bytes the header occupies before the data: as read from the file for a header that was read
     * (older writers aligned to 16 bytes), else the length of {@link #encode()}.
     */
    public int byteLength() {
        return readLength > 0 ? readLength : encode().length;
    }

    /**
     * Reads and parses a header, leaving {@code in} at the first data byte.
     *
     * @param in     the stream, at the start of a {@code .npy} file or NPZ entry
     * @param source the file or entry, named in errors
     * @throws InvalidDataException when the header is malformed, truncated or unsupported
     * @throws IOException          when reading fails
     */
    public static NpyHeader read(InputStream in, String source) throws IOException {
        byte[] start = new byte[8];
        int n = in.readNBytes(start, 0, 8);
        for (int i = 0; i < Math.min(n, MAGIC.length); i++) {
            if (start[i] != MAGIC[i]) {
                throw InvalidDataException.of(source, null, "magic", "the .npy magic \\x93NUMPY", printable(start, n));
            }
        }
        if (n == 0) {
            throw InvalidDataException.of(source, null, "magic", "the .npy magic \\x93NUMPY", printable(start, n));
        }
        if (n < 8) {
            throw InvalidDataException.of(source, null, "header", "at least 10 header bytes", n + " (file truncated)");
        }
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (major < 1 || major > 3 || minor != 0) {
            throw InvalidDataException.of(source, null, "version", "format version 1.0, 2.0 or 3.0", major + "." + minor);
        }
        int lenBytes = major == 1 ? 2 : 4;
        byte[] lb = new byte[lenBytes];
        if (in.readNBytes(lb, 0, lenBytes) != lenBytes) {
            throw InvalidDataException.of(source, null, "header", "a " + lenBytes + "-byte header length", "end of file (file truncated)");
        }
        long hlen = 0;
        for (int i = lenBytes - 1; i >= 0; i--) {
            hlen = (hlen << 8) | (lb[i] & 0xFF);
        }
        if (hlen > MAX_HEADER_BYTES) {
            throw InvalidDataException.of(source, null, "header", "a header of at most " + MAX_HEADER_BYTES + " bytes", hlen + " bytes");
        }
        byte[] hb = new byte[(int) hlen];
        int got = in.readNBytes(hb, 0, hb.length);
        if (got != hb.length) {
            throw InvalidDataException.of(source, null, "header", hlen + " header bytes", got + " (file truncated)");
        }
        String text = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return parse(text, source, major, 8 + lenBytes + hb.length);
    }

    private static String printable(byte[] b, int n) {
        if (n == 0) {
            return "an empty file";
        }
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < Math.min(n, 6); i++) {
            int c = b[i] & 0xFF;
            sb.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return sb.append("'").toString();
    }

    static NpyHeader parse(String text, String source, int version, int readLength) {
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            throw InvalidDataException.of(source, null, "header", "a dict literal ending with a newline", quote(text));
        }
        Map<String, Object> dict = new DictParser(text, source).parse();
        TreeSet<String> keys = new TreeSet<>(dict.keySet());
        if (!keys.equals(new TreeSet<>(List.of("descr", "fortran_order", "shape")))) {
            throw InvalidDataException.of(source, null, "header", "exactly the keys [descr, fortran_order, shape]", keys.toString());
        }
        Object descr = dict.get("descr");
        if (descr instanceof List) {
            throw InvalidDataException.of(source, null, "descr", "a plain dtype (" + NumpyDtype.NPY_TYPES + ")",
                    "a structured dtype " + quote(String.valueOf(descr)));
        }
        if (!(descr instanceof String)) {
            throw InvalidDataException.of(source, null, "descr", "a string", String.valueOf(descr));
        }
        Object fortran = dict.get("fortran_order");
        if (!(fortran instanceof Boolean)) {
            throw InvalidDataException.of(source, null, "fortran_order", "True or False", String.valueOf(fortran));
        }
        Object shapeObj = dict.get("shape");
        if (!(shapeObj instanceof long[])) {
            throw InvalidDataException.of(source, null, "shape", "a tuple of non-negative integers", String.valueOf(shapeObj));
        }
        long[] shape = (long[]) shapeObj;
        NumpyDtype dtype = NumpyDtype.parseDescr((String) descr, source);
        if ((Boolean) fortran && shape.length > 1) {
            throw InvalidDataException.of(source, null, "fortran_order", "False (C order; re-save with numpy.ascontiguousarray)",
                    "True for shape " + shapeString(shape));
        }
        try {
            return new NpyHeader(dtype, shape, version, readLength);
        } catch (ArithmeticException e) {
            throw InvalidDataException.of(source, null, "shape", "a size that fits in 2^63 bytes", shapeString(shape) + " of " + dtype);
        }
    }

    private static String quote(String s) {
        String t = s.length() > 200 ? s.substring(0, 200) + "..." : s;
        return "'" + t.replace("\n", "\\n") + "'";
    }

    /** A strict parser of the Python literals a {@code .npy} header may hold. */
    private static final class DictParser {
        private final String s;
        private final String source;
        private int p;

        DictParser(String s, String source) {
            this.s = s;
            this.source = source;
        }

        Map<String, Object> parse() {
            ws();
            expect('{');
            Map<String, Object> out = new LinkedHashMap<>();
            ws();
            while (peek() != '}') {
                String key = string();
                ws();
                expect(':');
                ws();
                Object value = value();
                if (out.put(key, value) != null) {
                    throw error("unique keys", "'" + key + "' twice");
                }
                ws();
                if (peek() == ',') {
                    p++;
                    ws();
                } else if (peek() != '}') {
                    throw error("',' or '}'", describeHere());
                }
            }
            p++;
            ws();
            if (p != s.length()) {
                throw error("only whitespace after the dict", describeHere());
            }
            return out;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[') {
                int depth = 0;
                int from = p;
                while (p < s.length()) {
                    char d = s.charAt(p++);
                    if (d == '[') {
                        depth++;
                    } else if (d == ']' && --depth == 0) {
                        return List.of(s.substring(from, p));
                    }
                }
                throw error("a closing ']'", "end of header");
            }
            if (s.startsWith("True", p)) {
                p += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", p)) {
                p += 5;
                return Boolean.FALSE;
            }
            throw error("a string, tuple, True or False", describeHere());
        }

        private long[] tuple() {
            expect('(');
            List<Long> dims = new ArrayList<>();
            ws();
            boolean comma = false;
            while (peek() != ')') {
                int from = p;
                while (p < s.length() && Character.isDigit(s.charAt(p))) {
                    p++;
                }
                if (from == p) {
                    throw error("a non-negative integer in the shape", describeHere());
                }
                long v;
                try {
                    v = Long.parseLong(s.substring(from, p));
                } catch (NumberFormatException e) {
                    throw error("a dimension below 2^63", s.substring(from, p));
                }
                if (p < s.length() && s.charAt(p) == 'L') {
                    p++; // Python 2 long literal
                }
                dims.add(v);
                ws();
                comma = false;
                if (peek() == ',') {
                    p++;
                    comma = true;
                    ws();
                } else if (peek() != ')') {
                    throw error("',' or ')' in the shape", describeHere());
                }
            }
            p++;
            if (dims.size() == 1 && !comma) {
                throw error("a tuple such as (3,)", "a parenthesised integer (" + dims.get(0) + ")");
            }
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        private String string() {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw error("a quoted string", describeHere());
            }
            int end = s.indexOf(q, p + 1);
            if (end < 0) {
                throw error("a closing quote", "end of header");
            }
            String v = s.substring(p + 1, end);
            if (v.indexOf('\\') >= 0) {
                throw error("a string without escapes", "'" + v + "'");
            }
            p = end + 1;
            return v;
        }

        private void ws() {
            while (p < s.length() && (s.charAt(p) == ' ' || s.charAt(p) == '\n' || s.charAt(p) == '\t' || s.charAt(p) == '\r')) {
                p++;
            }
        }

        private char peek() {
            if (p >= s.length()) {
                throw error("more header text", "end of header");
            }
            return s.charAt(p);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'", describeHere());
            }
            p++;
        }

        private String describeHere() {
            String rest = s.substring(p, Math.min(s.length(), p + 20)).replace("\n", "\\n");
            return "'" + rest + "' at offset " + p;
        }

        private InvalidDataException error(String expected, String found) {
            return InvalidDataException.of(source, null, "header", expected, found + " in " + quote(s.strip()));
        }
    }
}
