package io.github.umdf.nn.missing;

import io.github.umdf.nn.data.Modality;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A non-empty set of modalities kept available: one of the paper's inter-modality test conditions
 * ({l}, {a}, {v}, {l,a}, {l,v}, {a,v}, {l,a,v}) or a training view's subset. Written as the
 * letters in canonical order: {@code l}, {@code la}, {@code lav}.
 */
public final class ModalitySubset implements Serializable, Comparable<ModalitySubset> {
    private static final long serialVersionUID = 1L;

    /** The paper's seven test conditions in the order of its Tables 1-3. */
    public static final List<ModalitySubset> PAPER_CONDITIONS = List.of(
            parse("l"), parse("a"), parse("v"), parse("la"), parse("lv"), parse("av"), parse("lav"));

    private final EnumSet<Modality> modalities;

    private ModalitySubset(EnumSet<Modality> modalities) {
        if (modalities.isEmpty()) {
            throw new IllegalArgumentException("A modality subset must keep at least one modality");
        }
        this.modalities = modalities;
    }

    /** The subset of the given modalities. */
    public static ModalitySubset of(Collection<Modality> modalities) {
        return new ModalitySubset(modalities.isEmpty() ? EnumSet.noneOf(Modality.class) : EnumSet.copyOf(modalities));
    }

    /** The subset of the given modalities. */
    public static ModalitySubset of(Modality first, Modality... rest) {
        return new ModalitySubset(EnumSet.of(first, rest));
    }

    /**
     * Parses letters ({@code la}), a brace form ({@code {l,a}}) or comma-separated names
     * ({@code language,audio}).
     */
    public static ModalitySubset parse(String text) {
        String s = text.trim().replace("{", "").replace("}", "").replace(" ", "");
        EnumSet<Modality> set = EnumSet.noneOf(Modality.class);
        if (s.contains(",") || s.length() > 3) {
            for (String part : s.split(",")) {
                if (!part.isEmpty()) {
                    set.add(Modality.parse(part));
                }
            }
        } else {
            for (char c : s.toCharArray()) {
                set.add(Modality.parse(String.valueOf(c)));
            }
        }
        if (set.isEmpty()) {
            throw new IllegalArgumentException("Empty modality subset '" + text + "'; expected letters such as l, la or lav");
        }
        return new ModalitySubset(set);
    }

    /** Every non-empty subset of {@code available}, singletons first, then pairs, then the full set. */
    public static List<ModalitySubset> nonEmptySubsetsOf(Set<Modality> available) {
        List<Modality> mods = new ArrayList<>(available);
        Collections.sort(mods);
        List<ModalitySubset> out = new ArrayList<>();
        int n = mods.size();
        for (int mask = 1; mask < (1 << n); mask++) {
            EnumSet<Modality> set = EnumSet.noneOf(Modality.class);
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(mods.get(i));
                }
            }
            out.add(new ModalitySubset(set));
        }
        out.sort(null);
        return Collections.unmodifiableList(out);
    }

    /** Whether the modality is kept. */
    public boolean contains(Modality m) {
        return modalities.contains(m);
    }

    /** The kept modalities. */
    public Set<Modality> modalities() {
        return Collections.unmodifiableSet(modalities);
    }

    /** Number of kept modalities. */
    public int size() {
        return modalities.size();
    }

    /** Whether every modality of {@code available} is kept. */
    public boolean isComplete(Set<Modality> available) {
        return modalities.containsAll(available);
    }

    /** Whether this condition can be evaluated on a data set that has only {@code available}. */
    public boolean applicableTo(Set<Modality> available) {
        return available.containsAll(modalities);
    }

    /** The letters in canonical order, as in {@code RESULTS.json}: {@code l}, {@code la}, {@code lav}. */
    public String code() {
        StringBuilder sb = new StringBuilder();
        for (Modality m : modalities) {
            sb.append(m.letter());
        }
        return sb.toString();
    }

    /** The paper's notation: {@code {l,a}}. */
    public String braces() {
        StringBuilder sb = new StringBuilder("{");
        for (Modality m : modalities) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(m.letter());
        }
        return sb.append('}').toString();
    }

    /** Orders by size, then canonically (l, a, v, la, lv, av, lav). */
    @Override
    public int compareTo(ModalitySubset o) {
        if (size() != o.size()) {
            return Integer.compare(size(), o.size());
        }
        // lexicographic over canonical order, with earlier modality first
        List<Modality> a = new ArrayList<>(modalities);
        List<Modality> b = new ArrayList<>(o.modalities);
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModalitySubset && ((ModalitySubset) o).modalities.equals(modalities);
    }

    @Override
    public int hashCode() {
        return modalities.hashCode();
    }

    @Override
    public String toString() {
        return code();
    }
}
