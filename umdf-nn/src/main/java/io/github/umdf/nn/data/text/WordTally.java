package io.github.umdf.nn.data.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Occurrences per word, for the vocabulary counts of a {@link TextEncoder}: how many words, how many
 * distinct, and the most frequent ones as {@code i 1028, a 628, ...} (ties by word, so the listing is
 * deterministic).
 */
public final class WordTally {
    private final Map<String, Long> counts = new HashMap<>();
    private long total;

    /** Counts one occurrence. */
    public void add(String word) {
        counts.merge(word, 1L, Long::sum);
        total++;
    }

    /** Occurrences counted. */
    public long total() {
        return total;
    }

    /** Distinct words counted. */
    public int distinct() {
        return counts.size();
    }

    /** The {@code n} most frequent words with their counts, {@code word count, ...}; {@code "none"} when empty. */
    public String top(int n) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(n, entries.size()); i++) {
            sb.append(i == 0 ? "" : ", ").append(entries.get(i).getKey()).append(' ').append(entries.get(i).getValue());
        }
        if (entries.size() > n) {
            sb.append(", ...");
        }
        return entries.isEmpty() ? "none" : sb.toString();
    }

    @Override
    public String toString() {
        return "WordTally(" + total + " words, " + counts.size() + " distinct)";
    }
}
