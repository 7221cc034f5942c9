package io.github.umdf.nn.data.pickle;

import io.github.umdf.nn.data.numpy.NumpyArray;
import io.github.umdf.nn.data.numpy.NumpyDtype;
import io.github.umdf.nn.data.numpy.RawBytes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Short descriptions of unpickled values for error messages ("dict with keys [...]", "NumPy float32 array of shape (3, 4)"). */
final class PickleValues {
    private PickleValues() {
    }

    static String describe(Object o) {
        if (o == null) {
            return "None";
        } else if (o instanceof String) {
            String s = (String) o;
            return "str '" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        } else if (o instanceof byte[]) {
            return "bytes of length " + ((byte[]) o).length;
        } else if (o instanceof RawBytes) {
            return "bytes of length " + ((RawBytes) o).length();
        } else if (o instanceof Boolean) {
            return "bool " + ((Boolean) o ? "True" : "False");
        } else if (o instanceof Double || o instanceof Float) {
            return "float " + o;
        } else if (o instanceof Number) {
            return "int " + o;
        } else if (o instanceof Object[]) {
            return "tuple of length " + ((Object[]) o).length;
        } else if (o instanceof List) {
            return "list of length " + ((List<?>) o).size();
        } else if (o instanceof Map) {
            return "dict with keys " + keys((Map<?, ?>) o);
        } else if (o instanceof Set) {
            return "set of size " + ((Set<?>) o).size();
        } else if (o instanceof NumpyArray) {
            NumpyArray a = (NumpyArray) o;
            return "NumPy " + a.dtype().name() + " array of shape " + a.shapeString();
        } else if (o instanceof NumpyDtype) {
            return "dtype(" + o + ")";
        }
        return o.toString();
    }

    /** The keys of a dict as text, in order. */
    static String keys(Map<?, ?> m) {
        return m.keySet().stream().map(k -> k instanceof String ? (String) k : describe(k))
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
