package io.github.umdf.tools.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a run recorded before a setting existed is the run the current settings describe: its
 * fingerprint must equal today's except for settings that today's code added and that are at their
 * default values (the recorded run ran as that default does, since the setting did not exist). A
 * setting is read from the configurations' OLCUT provenance text, {@code Name(key=value,key=value,...)},
 * nested configurations included; a setting that was removed, or an added one at another value than its
 * default, is a different run.
 */
final class NewDefaults {
    private NewDefaults() {
    }

    /**
     * The settings added since {@code recorded} was written, when they are all at their defaults and
     * everything else is equal; empty when the fingerprints describe different runs.
     *
     * @param recorded the recorded run fingerprint (JSON)
     * @param current  today's fingerprint of the same run (JSON)
     * @param defaults for a field of the fingerprint holding a configuration ({@code network},
     *                 {@code training}), the provenance text of that configuration with every setting at its default
     */
    static Optional<List<String>> added(String recorded, String current, Map<String, String> defaults) {
        JsonObject was;
        JsonObject now;
        try {
            was = JsonParser.parseString(recorded).getAsJsonObject();
            now = JsonParser.parseString(current).getAsJsonObject();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!was.keySet().equals(now.keySet())) {
            return Optional.empty();
        }
        List<String> added = new ArrayList<>();
        for (String key : now.keySet()) {
            JsonElement a = was.get(key);
            JsonElement b = now.get(key);
            if (a.equals(b)) {
                continue;
            }
            if (!defaults.containsKey(key) || !a.isJsonPrimitive() || !b.isJsonPrimitive()
                    || !compatible(a.getAsString(), b.getAsString(), defaults.get(key), key, added)) {
                return Optional.empty();
            }
        }
        return Optional.of(added);
    }

    /** {@code was} equals {@code now} up to settings of {@code now} absent from {@code was} and at their value in {@code dflt}. */
    private static boolean compatible(String was, String now, String dflt, String path, List<String> added) {
        if (was.equals(now)) {
            return true;
        }
        Optional<Settings> a = Settings.parse(was);
        Optional<Settings> b = Settings.parse(now);
        Optional<Settings> d = dflt == null ? Optional.empty() : Settings.parse(dflt);
        if (a.isEmpty() || b.isEmpty() || !a.get().name.equals(b.get().name)) {
            return false;
        }
        if (!b.get().values.keySet().containsAll(a.get().values.keySet())) {
            return false; // a setting was removed
        }
        for (Map.Entry<String, String> e : b.get().values.entrySet()) {
            String key = e.getKey();
            String where = path + "." + key;
            String nested = d.map(s -> s.values.get(key)).orElse(null);
            if (a.get().values.containsKey(key)) {
                if (!compatible(a.get().values.get(key), e.getValue(), nested, where, added)) {
                    return false;
                }
            } else if (nested != null && nested.equals(e.getValue())) {
                added.add(where + "=" + e.getValue());
            } else {
                return false;
            }
        }
        return true;
    }

    /** A configuration's provenance text: its name and its settings in order. */
    private record Settings(String name, Map<String, String> values) {
        static Optional<Settings> parse(String text) {
            int open = text.indexOf('(');
            if (open <= 0 || !text.endsWith(")")) {
                return Optional.empty();
            }
            Map<String, String> values = new LinkedHashMap<>();
            String inner = text.substring(open + 1, text.length() - 1);
            int depth = 0;
            int from = 0;
            for (int i = 0; i <= inner.length(); i++) {
                char c = i < inner.length() ? inner.charAt(i) : ',';
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    String entry = inner.substring(from, i);
                    int eq = entry.indexOf('=');
                    if (eq <= 0 || values.put(entry.substring(0, eq), entry.substring(eq + 1)) != null) {
                        return Optional.empty();
                    }
                    from = i + 1;
                }
                if (depth < 0) {
                    return Optional.empty();
                }
            }
            return depth == 0 ? Optional.of(new Settings(text.substring(0, open), values)) : Optional.empty();
        }
    }
}
