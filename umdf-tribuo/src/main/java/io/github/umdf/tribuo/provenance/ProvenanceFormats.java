package io.github.umdf.tribuo.provenance;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import com.oracle.labs.mlrg.olcut.provenance.io.FlatMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ListMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.MapMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.ObjectMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.provenance.io.SimpleMarshalledProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Provenance as people and programs read it: an indented tree for the terminal, and JSON.
 *
 * <p>The JSON form is OLCUT's marshalled form ({@link ProvenanceUtil#marshalProvenance}) written
 * with Gson, in the layout of OLCUT's own JSON provenance serialization: an array of objects, each
 * {@code {"object-name", "object-class-name", "provenance-class", "map": {field: value}}}, where a
 * value is a primitive ({@code {"key", "value", "provenance-class", "additional", "is-reference"}};
 * references name another object of the array), a list (a JSON array) or a map (a JSON object of
 * values). {@link #fromJson} reads it back into the provenance objects.
 */
public final class ProvenanceFormats {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
    private static final String OBJECT_NAME = "object-name";
    private static final String OBJECT_CLASS = "object-class-name";
    private static final String PROVENANCE_CLASS = "provenance-class";
    private static final String MAP = "map";
    private static final String KEY = "key";
    private static final String VALUE = "value";
    private static final String ADDITIONAL = "additional";
    private static final String IS_REFERENCE = "is-reference";
    private static final String INDENT = "  ";

    private ProvenanceFormats() {
    }

    /**
     * An indented tree: one line per value ({@code key: value}), nested objects, lists and maps
     * indented below their key; object fields in the provenance's order, map entries sorted.
     */
    public static String tree(ObjectProvenance provenance) {
        StringBuilder sb = new StringBuilder();
        sb.append(simpleName(provenance.getClassName())).append(" (").append(provenance.getClassName()).append(")\n");
        fields(sb, provenance, 1);
        return sb.toString();
    }

    private static void fields(StringBuilder sb, ObjectProvenance p, int depth) {
        for (Pair<String, Provenance> e : p) {
            node(sb, e.getA(), e.getB(), depth);
        }
    }

    private static void node(StringBuilder sb, String key, Provenance p, int depth) {
        String pad = INDENT.repeat(depth);
        if (p instanceof ObjectProvenance) {
            ObjectProvenance o = (ObjectProvenance) p;
            sb.append(pad).append(key).append(": ").append(simpleName(o.getClassName())).append('\n');
            fields(sb, o, depth + 1);
        } else if (p instanceof ListProvenance) {
            List<? extends Provenance> list = ((ListProvenance<?>) p).getList();
            sb.append(pad).append(key).append(": ").append(list.isEmpty() ? "[]" : "").append('\n');
            for (int i = 0; i < list.size(); i++) {
                node(sb, "[" + i + "]", list.get(i), depth + 1);
            }
        } else if (p instanceof MapProvenance) {
            Map<String, Provenance> sorted = new TreeMap<>();
            for (Pair<String, ? extends Provenance> e : (MapProvenance<?>) p) {
                sorted.put(e.getA(), e.getB());
            }
            sb.append(pad).append(key).append(": ").append(sorted.isEmpty() ? "{}" : "").append('\n');
            sorted.forEach((k, v) -> node(sb, k, v, depth + 1));
        } else {
            sb.append(pad).append(key).append(": ").append(p).append('\n');
        }
    }

    private static String simpleName(String className) {
        int dot = Math.max(className.lastIndexOf('.'), className.lastIndexOf('$'));
        return dot < 0 ? className : className.substring(dot + 1);
    }

    /** The provenance as pretty-printed JSON. */
    public static String json(ObjectProvenance provenance) {
        return GSON.toJson(toJson(provenance));
    }

    /** The provenance as a JSON array of marshalled objects. */
    public static JsonArray toJson(ObjectProvenance provenance) {
        JsonArray out = new JsonArray();
        for (ObjectMarshalledProvenance o : ProvenanceUtil.marshalProvenance(provenance)) {
            JsonObject obj = new JsonObject();
            obj.addProperty(OBJECT_NAME, o.getName());
            obj.addProperty(OBJECT_CLASS, o.getObjectClassName());
            obj.addProperty(PROVENANCE_CLASS, o.getProvenanceClassName());
            JsonObject fields = new JsonObject();
            new TreeMap<>(o.getMap()).forEach((k, v) -> fields.add(k, flat(v)));
            obj.add(MAP, fields);
            out.add(obj);
        }
        return out;
    }

    private static JsonElement flat(FlatMarshalledProvenance p) {
        if (p instanceof ListMarshalledProvenance) {
            JsonArray a = new JsonArray();
            for (FlatMarshalledProvenance e : (ListMarshalledProvenance) p) {
                a.add(flat(e));
            }
            return a;
        }
        if (p instanceof MapMarshalledProvenance) {
            Map<String, FlatMarshalledProvenance> sorted = new TreeMap<>();
            for (Pair<String, FlatMarshalledProvenance> e : (MapMarshalledProvenance) p) {
                sorted.put(e.getA(), e.getB());
            }
            JsonObject m = new JsonObject();
            sorted.forEach((k, v) -> m.add(k, flat(v)));
            return m;
        }
        SimpleMarshalledProvenance s = (SimpleMarshalledProvenance) p;
        JsonObject o = new JsonObject();
        o.addProperty(KEY, s.getKey());
        o.addProperty(VALUE, s.getValue());
        o.addProperty(PROVENANCE_CLASS, s.getProvenanceClassName());
        o.addProperty(ADDITIONAL, s.getAdditional());
        o.addProperty(IS_REFERENCE, s.isReference());
        return o;
    }

    /**
     * Reads {@link #json} output back into provenance objects (the provenance classes must be on the class path).
     *
     * @throws IllegalArgumentException when the text is not such JSON
     */
    public static ObjectProvenance fromJson(String json) {
        JsonElement root = JsonParser.parseString(json);
        if (!root.isJsonArray()) {
            throw new IllegalArgumentException("Expected a JSON array of marshalled provenance objects, found " + kind(root));
        }
        List<ObjectMarshalledProvenance> objects = new ArrayList<>();
        for (JsonElement e : root.getAsJsonArray()) {
            JsonObject o = e.getAsJsonObject();
            Map<String, FlatMarshalledProvenance> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonElement> f : o.getAsJsonObject(MAP).entrySet()) {
                fields.put(f.getKey(), unflat(f.getValue()));
            }
            objects.add(new ObjectMarshalledProvenance(o.get(OBJECT_NAME).getAsString(), fields, o.get(OBJECT_CLASS).getAsString(),
                    o.get(PROVENANCE_CLASS).getAsString()));
        }
        return ProvenanceUtil.unmarshalProvenance(objects);
    }

    private static FlatMarshalledProvenance unflat(JsonElement e) {
        if (e.isJsonArray()) {
            List<FlatMarshalledProvenance> list = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> list.add(unflat(x)));
            return new ListMarshalledProvenance(list);
        }
        if (!e.isJsonObject()) {
            throw new IllegalArgumentException("Expected a JSON object or array as a provenance value, found " + kind(e));
        }
        JsonObject o = e.getAsJsonObject();
        if (o.has(PROVENANCE_CLASS) && o.get(PROVENANCE_CLASS).isJsonPrimitive() && o.has(IS_REFERENCE)) {
            return new SimpleMarshalledProvenance(o.get(KEY).getAsString(), o.get(VALUE).getAsString(),
                    o.get(PROVENANCE_CLASS).getAsString(), o.get(IS_REFERENCE).getAsBoolean(), o.get(ADDITIONAL).getAsString());
        }
        Map<String, FlatMarshalledProvenance> map = new LinkedHashMap<>();
        o.entrySet().forEach(x -> map.put(x.getKey(), unflat(x.getValue())));
        return new MapMarshalledProvenance(map);
    }

    private static String kind(JsonElement e) {
        return e.isJsonNull() ? "null" : e.isJsonPrimitive() ? "a primitive" : e.isJsonObject() ? "an object" : "an array";
    }
}
