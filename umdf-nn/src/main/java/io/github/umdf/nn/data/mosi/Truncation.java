package io.github.umdf.nn.data.mosi;

import java.util.Locale;

/**
 * Which words of a segment longer than the maximum length {@code T} become its frames.
 *
 * <p>The default is {@link #KEEP_LAST}: an opinion segment tends to end on its verdict ("... but
 * overall it was really good"; VADER weighs the words after a contrastive "but" by 1.5 for the same
 * reason), and the network summarises a sequence at its last valid step, which is then the segment's
 * real last word. With {@code T = 50}, 16 of the 2199 MOSI segments are longer.
 */
public enum Truncation {
    /** Keep the last {@code T} words (default). */
    KEEP_LAST,
    /** Keep the first {@code T} words. */
    KEEP_FIRST;

    /** The name used in files and on the command line: {@code keep-last}, {@code keep-first}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses {@link #key()} or the enum name.
     *
     * @throws IllegalArgumentException naming the valid values
     */
    public static Truncation parse(String s) {
        for (Truncation t : values()) {
            if (t.key().equalsIgnoreCase(s.trim()) || t.name().equalsIgnoreCase(s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown truncation '" + s + "'; expected keep-last or keep-first");
    }

    @Override
    public String toString() {
        return key();
    }
}
