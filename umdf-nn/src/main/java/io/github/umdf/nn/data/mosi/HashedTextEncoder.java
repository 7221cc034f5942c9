package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.text.TextEncoder;
import io.github.umdf.nn.data.text.TextEncoding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dependency-free language frames ({@code hashed}): {@link LanguageFeaturizer}'s hashed word and
 * character 3-gram embedding with the VADER lexicon and rule columns, 300 columns per word by
 * default. Needs no download and knows every word; the VADER lexicon file is optional (without it
 * the lexicon columns are 0). Counts how many spoken words the lexicon holds.
 */
public final class HashedTextEncoder implements TextEncoder {
    /** The encoder's name. */
    public static final String NAME = "hashed";

    private final LanguageFeaturizer featurizer;
    private final Path lexiconFile;

    /**
     * @param featurizer  the featurizer
     * @param lexiconFile the lexicon file it was read from (recorded with its SHA-256), or {@code null} for none
     */
    public HashedTextEncoder(LanguageFeaturizer featurizer, Path lexiconFile) {
        this.featurizer = featurizer;
        this.lexiconFile = lexiconFile;
    }

    /**
     * Reads the lexicon (if any) and builds the encoder.
     *
     * @param hashDim     hashed dimensions {@code D}
     * @param hashSeed    hashing seed
     * @param lexiconFile {@code vader_lexicon.txt}, or {@code null} for none
     * @throws IOException if the lexicon cannot be read
     */
    public static HashedTextEncoder read(int hashDim, long hashSeed, Path lexiconFile) throws IOException {
        VaderLexicon lex = lexiconFile == null ? VaderLexicon.empty() : VaderLexicon.read(lexiconFile);
        return new HashedTextEncoder(new LanguageFeaturizer(new HashedWordEmbedding(hashDim, hashSeed), lex), lexiconFile);
    }

    /** The featurizer. */
    public LanguageFeaturizer featurizer() {
        return featurizer;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dim() {
        return featurizer.dim();
    }

    @Override
    public String columns() {
        return "hash[0.." + (featurizer.embedding().dim() - 1) + "], " + String.join(", ", LanguageFeaturizer.lexiconColumnNames());
    }

    @Override
    public String description() {
        HashedWordEmbedding e = featurizer.embedding();
        return "language: per word " + e.dim() + " hashed dims (word and character 3-grams, signed, seed " + e.seed()
                + ", L2-normalised) + " + LanguageFeaturizer.LEXICON_COLUMNS + " VADER lexicon and rule columns = " + dim();
    }

    @Override
    public Map<String, String> parameters() throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("lexicon", lexiconFile == null ? "none" : lexiconFile.toAbsolutePath().normalize().toString());
        if (lexiconFile != null) {
            p.put("lexiconSha256", DataOrigin.sha256(lexiconFile));
        }
        p.put("hashDim", Integer.toString(featurizer.embedding().dim()));
        p.put("hashSeed", Long.toString(featurizer.embedding().seed()));
        return p;
    }

    @Override
    public TextEncoding encode(List<List<String>> transcripts) {
        VaderLexicon lex = featurizer.lexicon();
        List<float[][]> frames = new ArrayList<>(transcripts.size());
        long tokens = 0;
        long inLexicon = 0;
        Set<String> types = new HashSet<>();
        Set<String> typesInLexicon = new HashSet<>();
        for (List<String> words : transcripts) {
            frames.add(featurizer.features(words));
            for (String w : words) {
                String key = w.toLowerCase(Locale.ROOT);
                types.add(key);
                if (lex.contains(key)) {
                    inLexicon++;
                    typesInLexicon.add(key);
                }
                tokens++;
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("spoken words in the VADER lexicon", inLexicon);
        String coverage = String.format(Locale.ROOT, "lexicon coverage: %.1f%% of spoken words (%d of %d), %.1f%% of distinct words "
                        + "(%d of %d); lexicon of %d tokens, %d redefined (later line wins)", 100.0 * inLexicon / Math.max(1, tokens), inLexicon,
                tokens, 100.0 * typesInLexicon.size() / Math.max(1, types.size()), typesInLexicon.size(), types.size(), lex.size(),
                lex.duplicateCount());
        String note = lexiconFile == null
                ? "no lexicon: the valence, valence_spread, in_lexicon, contextual_valence and segment_compound columns are 0"
                : coverage;
        String summary = String.format(Locale.ROOT, "%d spoken words, every one hashed (no vocabulary); %s", tokens,
                lexiconFile == null ? "no lexicon" : inLexicon + " in the VADER lexicon");
        return new TextEncoding(frames, counts, List.of(note), summary);
    }

    @Override
    public String toString() {
        return "HashedTextEncoder(" + featurizer + ")";
    }
}
