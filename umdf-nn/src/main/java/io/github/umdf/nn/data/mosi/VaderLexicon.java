package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.InvalidDataException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The VADER sentiment lexicon (Hutto and Gilbert, ICWSM 2014; MIT licence): per token its mean
 * valence in {@code [-4, 4]} and the standard deviation of its ten human ratings.
 *
 * <p>File format ({@code vader_lexicon.txt}): UTF-8, one entry per line (LF or CRLF), tab-separated
 * {@code token  mean_valence  std  [r1, ..., r10]}; the ratings column is optional and not read.
 * Blank lines are skipped. A token defined twice keeps its <em>later</em> line, as VADER's own
 * dictionary does (the shipped file defines ten slang tokens twice: {@code fav}, {@code lol},
 * {@code ok}, ...); {@link #duplicateCount()} counts them. Anything else (fewer than three or more
 * than four fields, an empty token, a mean outside {@code [-4, 4]}, a negative or non-numeric
 * standard deviation) is an {@link InvalidDataException} naming the file, the line, what was
 * expected and what was found.
 *
 * <p>Lookups lower-case the word ({@link Locale#ROOT}) as VADER does; entries are kept as written,
 * so the few upper-case emoticons ({@code :D}) never match a transcript word.
 */
public final class VaderLexicon {
    /** Largest absolute mean valence of the VADER scale. */
    public static final double MAX_VALENCE = 4.0;

    private static final VaderLexicon EMPTY = new VaderLexicon("none", Map.of(), 0);

    private final String source;
    private final Map<String, double[]> entries;
    private final int duplicates;

    private VaderLexicon(String source, Map<String, double[]> entries, int duplicates) {
        this.source = source;
        this.entries = Collections.unmodifiableMap(entries);
        this.duplicates = duplicates;
    }

    /** A lexicon without entries: every word is out of the lexicon (valence 0). */
    public static VaderLexicon empty() {
        return EMPTY;
    }

    /**
     * Reads a lexicon file.
     *
     * @throws InvalidDataException naming the file and line of the first malformed entry
     * @throws IOException          if the file cannot be read
     */
    public static VaderLexicon read(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        Map<String, double[]> entries = new HashMap<>();
        int duplicates = 0;
        int lineNo = 0;
        for (int from = 0; from < bytes.length; ) {
            int to = from;
            while (to < bytes.length && bytes[to] != '\n') {
                to++;
            }
            lineNo++;
            String line;
            try {
                line = utf8.decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
            } catch (CharacterCodingException e) {
                throw new InvalidDataException(file + ": line " + lineNo + ": expected UTF-8 text, found undecodable bytes", e);
            }
            from = to + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            double[] entry = parse(file, lineNo, line, fields);
            if (entries.put(fields[0].trim(), entry) != null) {
                duplicates++;
            }
        }
        if (entries.isEmpty()) {
            throw new InvalidDataException(file
                    + ": expected VADER lexicon lines 'token<TAB>mean<TAB>std<TAB>[ratings]', found no entries");
        }
        return new VaderLexicon(file.toString(), entries, duplicates);
    }

    private static double[] parse(Path file, int lineNo, String line, String[] f) {
        String expected = "'token<TAB>mean valence<TAB>std<TAB>[ratings]' (3 or 4 tab-separated fields)";
        if (f.length < 3 || f.length > 4) {
            throw malformed(file, lineNo, expected, f.length + " field(s) in '" + abbreviate(line) + "'");
        }
        if (f[0].trim().isEmpty()) {
            throw malformed(file, lineNo, "a non-empty token in field 1", "'" + abbreviate(line) + "'");
        }
        double mean = number(file, lineNo, f[1], "a mean valence in [-4, 4] in field 2");
        if (!(Math.abs(mean) <= MAX_VALENCE)) {
            throw malformed(file, lineNo, "a mean valence in [-4, 4] in field 2", f[1].trim());
        }
        double std = number(file, lineNo, f[2], "a standard deviation >= 0 in field 3");
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw malformed(file, lineNo, "a standard deviation >= 0 in field 3", f[2].trim());
        }
        return new double[] {mean, std};
    }

    private static double number(Path file, int lineNo, String text, String expected) {
        try {
            double v = Double.parseDouble(text.trim());
            if (Double.isNaN(v)) {
                throw malformed(file, lineNo, expected, "'" + text.trim() + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw malformed(file, lineNo, expected, "'" + abbreviate(text.trim()) + "'");
        }
    }

    private static InvalidDataException malformed(Path file, int lineNo, String expected, String found) {
        return new InvalidDataException(file + ": line " + lineNo + ": expected " + expected + ", found " + found);
    }

    private static String abbreviate(String s) {
        String t = s.replace("\t", "<TAB>");
        return t.length() <= 60 ? t : t.substring(0, 57) + "...";
    }

    /** Where the entries came from: the file path, or {@code none} for {@link #empty()}. */
    public String source() {
        return source;
    }

    /** Number of distinct tokens. */
    public int size() {
        return entries.size();
    }

    /** Number of lines that redefined an earlier token (the later line wins). */
    public int duplicateCount() {
        return duplicates;
    }

    /** Whether the lower-cased word is an entry. */
    public boolean contains(String word) {
        return entries.containsKey(key(word));
    }

    /** The word's mean valence in {@code [-4, 4]}, 0 when it is not an entry. */
    public double valence(String word) {
        double[] e = entries.get(key(word));
        return e == null ? 0.0 : e[0];
    }

    /** The standard deviation of the word's ratings, 0 when it is not an entry. */
    public double spread(String word) {
        double[] e = entries.get(key(word));
        return e == null ? 0.0 : e[1];
    }

    private static String key(String word) {
        return word.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "VaderLexicon(" + source + ", " + entries.size() + " tokens)";
    }
}
