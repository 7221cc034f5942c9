package io.github.umdf.nn.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameter counts of DJL blocks, found by walking the block tree rather than by parsing parameter
 * names: a block's count is the number of scalars in its own parameters and in those of every block
 * below it. What the {@code params} report prints ({@link NetworkModel#parameterCounts()}).
 */
public final class ParameterCounts {
    private ParameterCounts() {
    }

    /** The number of scalars in every parameter of {@code block} and of its descendants (initialised). */
    public static long of(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            n += p.getValue().getArray().size();
        }
        return n;
    }

    /**
     * The count of each direct child of {@code block}, in the order the children were added, named as
     * they were added (without the position DJL prefixes to a child's name).
     */
    public static Map<String, Long> byChild(Block block) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Pair<String, Block> child : children(block)) {
            counts.merge(child.getKey(), of(child.getValue()), Long::sum);
        }
        return counts;
    }

    /**
     * The direct children of {@code block} in the order they were added, each with the name it was added
     * under (without the position DJL prefixes to a child's name).
     */
    public static List<Pair<String, Block>> children(Block block) {
        List<Pair<String, Block>> named = new ArrayList<>();
        PairList<String, Block> children = block.getChildren();
        for (int i = 0; i < children.size(); i++) {
            named.add(new Pair<>(childName(children.get(i).getKey(), i), children.get(i).getValue()));
        }
        return named;
    }

    /**
     * The name a child was added under: {@code AbstractBlock.addChildBlock} stores the {@code index}-th
     * child (0-based) as its 1-based position in two digits followed by the name ({@code 03dfim}).
     */
    static String childName(String key, int index) {
        String position = String.format(Locale.ROOT, "%02d", index + 1);
        return key.startsWith(position) ? key.substring(position.length()) : key;
    }
}
