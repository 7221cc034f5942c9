package io.github.umdf.nn.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The one model registry: every {@link ModelFamily} on the class path, found with
 * {@link ServiceLoader}, in a stable order: by {@link ModelGroup} (UMDF, its ablations, controls, baselines), then by name.
 */
public final class ModelRegistry {
    private static volatile Map<String, ModelFamily> families;

    private ModelRegistry() {
    }

    private static Map<String, ModelFamily> load() {
        Map<String, ModelFamily> f = families;
        if (f == null) {
            synchronized (ModelRegistry.class) {
                if (families == null) {
                    List<ModelFamily> found = new ArrayList<>();
                    ServiceLoader.load(ModelFamily.class, ModelRegistry.class.getClassLoader()).forEach(found::add);
                    found.sort((a, b) -> {
                        int g = a.group().compareTo(b.group());
                        return g != 0 ? g : a.name().equals("umdf") ? -1 : b.name().equals("umdf") ? 1 : a.name().compareTo(b.name());
                    });
                    Map<String, ModelFamily> map = new LinkedHashMap<>();
                    for (ModelFamily m : found) {
                        ModelFamily before = map.put(m.name(), m);
                        if (before != null) {
                            throw new IllegalStateException("Model name '" + m.name() + "' registered twice: "
                                    + before.getClass().getName() + " and " + m.getClass().getName());
                        }
                    }
                    families = Collections.unmodifiableMap(map);
                }
                f = families;
            }
        }
        return f;
    }

    /** Every registered family. */
    public static List<ModelFamily> all() {
        return List.copyOf(load().values());
    }

    /** The registered families of the given groups, in registry order. */
    public static List<ModelFamily> inGroups(ModelGroup... groups) {
        java.util.Set<ModelGroup> wanted = java.util.EnumSet.noneOf(ModelGroup.class);
        wanted.addAll(java.util.Arrays.asList(groups));
        return load().values().stream().filter(f -> wanted.contains(f.group())).toList();
    }

    /** The registered names. */
    public static List<String> names() {
        return List.copyOf(load().keySet());
    }

    /** A family by name; the error lists the valid names. */
    public static ModelFamily get(String name) {
        ModelFamily f = load().get(name);
        if (f == null) {
            throw new IllegalArgumentException("Unknown model '" + name + "'; registered models: "
                    + load().keySet().stream().collect(Collectors.joining(", ")));
        }
        return f;
    }
}
