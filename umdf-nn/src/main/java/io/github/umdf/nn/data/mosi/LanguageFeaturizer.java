package io.github.umdf.nn.data.mosi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The offline language features of {@code umdf data mosi-sdk}: one frame per spoken word, computed
 * from the transcript alone, with nothing downloaded (no pretrained word vectors are reachable).
 * Deterministic: the same words, lexicon, dimension and seed always give the same floats.
 *
 * <p>A frame has {@code D + 11} columns ({@code D = 289} by default, so 300 in all, GloVe's width):
 *
 * <pre>
 * column     name                 value
 * 0 .. D-1   hash[j]              signed feature hashing of the lower-cased word and its character
 *                                 3-grams, L2-normalised ({@link HashedWordEmbedding}; seed recorded)
 * D + 0      valence              VADER lexicon mean valence / 4, in [-1, 1]; 0 out of the lexicon
 * D + 1      valence_spread       standard deviation of the VADER ratings / 4; 0 out of the lexicon
 * D + 2      in_lexicon           1 if the word is a VADER lexicon entry, else 0
 * D + 3      negation             1 if the word is a negation cue: VADER's negation list (not, never,
 *                                 dont, cant, wasnt, without, ...), any word with n't, or no; else 0
 * D + 4      booster              +1 for a VADER booster (very, really, so, extremely, ...), -1 for a
 *                                 dampener (slightly, somewhat, kinda, barely, either word of
 *                                 kind of / sort of / just enough), else 0
 * D + 5      negated_context      1 if a negation cue is among the 3 previous words of the segment
 *                                 (VADER's window), else 0
 * D + 6      contextual_valence   the word's valence after VADER's rules / 4 ({@link VaderRules}:
 *                                 boosters and dampeners in the 3 previous words, negation x -0.74,
 *                                 "no", "least", and the "but" rule: x0.5 before the first "but",
 *                                 x1.5 after it); 0 out of the lexicon
 * D + 7      after_but            1 if a "but" occurs earlier in the segment, else 0
 * D + 8      segment_compound     VADER compound score of the whole segment, s / sqrt(s^2 + 15) with
 *                                 s the sum of the contextual valences; the same on every frame
 * D + 9      position             word index / (words in the segment - 1); 0 for a one-word segment
 * D + 10     filler               1 for a filled pause or hesitation (um, uh, umm, uhm, uhh, hmm, hm,
 *                                 mm, er, erm, ah, eh), else 0
 * </pre>
 *
 * Contextual columns (5 to 9) are computed over the whole segment before any truncation to the
 * maximum length, so a kept word still sees a negation or a "but" that was cut away. Without a
 * lexicon file the columns 0 to 2 and 6 to 8 are zero and the layout stays the same (the data set's
 * origin records {@code lexicon=none}).
 */
public final class LanguageFeaturizer {
    /** Number of lexicon and rule columns after the hashed part. */
    public static final int LEXICON_COLUMNS = 11;
    /** The default hashed dimension: 289, so that a frame has 300 columns like GloVe. */
    public static final int DEFAULT_HASH_DIM = 300 - LEXICON_COLUMNS;

    /** Column offsets after the hashed part, in {@link #columnNames()} order. */
    static final int VALENCE = 0;
    static final int SPREAD = 1;
    static final int IN_LEXICON = 2;
    static final int NEGATION = 3;
    static final int BOOSTER = 4;
    static final int NEGATED_CONTEXT = 5;
    static final int CONTEXTUAL_VALENCE = 6;
    static final int AFTER_BUT = 7;
    static final int SEGMENT_COMPOUND = 8;
    static final int POSITION = 9;
    static final int FILLER = 10;

    private static final List<String> LEXICON_COLUMN_NAMES = List.of("valence", "valence_spread", "in_lexicon", "negation",
            "booster", "negated_context", "contextual_valence", "after_but", "segment_compound", "position", "filler");

    /** Filled pauses and hesitations. */
    public static final Set<String> FILLERS = Set.of("um", "uh", "umm", "uhm", "uhh", "hmm", "hm", "mm", "er", "erm", "ah", "eh");

    private final HashedWordEmbedding embedding;
    private final VaderLexicon lexicon;

    /**
     * @param embedding the hashed part
     * @param lexicon   the VADER lexicon, or {@link VaderLexicon#empty()}
     */
    public LanguageFeaturizer(HashedWordEmbedding embedding, VaderLexicon lexicon) {
        this.embedding = embedding;
        this.lexicon = lexicon;
    }

    /** Columns per frame: the hashed dimension plus {@value #LEXICON_COLUMNS}. */
    public int dim() {
        return embedding.dim() + LEXICON_COLUMNS;
    }

    /** The hashed part. */
    public HashedWordEmbedding embedding() {
        return embedding;
    }

    /** The lexicon. */
    public VaderLexicon lexicon() {
        return lexicon;
    }

    /** Column names, {@code hash[0]} ... then the eleven lexicon and rule columns. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>(dim());
        for (int j = 0; j < embedding.dim(); j++) {
            names.add("hash[" + j + "]");
        }
        names.addAll(LEXICON_COLUMN_NAMES);
        return Collections.unmodifiableList(names);
    }

    /** The eleven lexicon and rule column names, in order. */
    public static List<String> lexiconColumnNames() {
        return LEXICON_COLUMN_NAMES;
    }

    /**
     * The frames of one segment's spoken words (silence already removed), one row of {@link #dim()}
     * columns per word, in order.
     */
    public float[][] features(List<String> words) {
        int n = words.size();
        int d = embedding.dim();
        float[][] out = new float[n][dim()];
        if (n == 0) {
            return out;
        }
        double[] contextual = VaderRules.contextualValences(words, lexicon);
        double sum = 0;
        for (double v : contextual) {
            sum += v;
        }
        float compound = (float) VaderRules.normalize(sum);
        int but = VaderRules.firstBut(words);
        for (int i = 0; i < n; i++) {
            String w = words.get(i).trim().toLowerCase(Locale.ROOT);
            float[] row = out[i];
            embedding.embedInto(w, row, 0);
            boolean known = lexicon.contains(w);
            row[d + VALENCE] = (float) (lexicon.valence(w) / VaderLexicon.MAX_VALENCE);
            row[d + SPREAD] = (float) (lexicon.spread(w) / VaderLexicon.MAX_VALENCE);
            row[d + IN_LEXICON] = known ? 1f : 0f;
            row[d + NEGATION] = VaderRules.isNegation(w) ? 1f : 0f;
            row[d + BOOSTER] = VaderRules.boosterSign(words, i);
            row[d + NEGATED_CONTEXT] = VaderRules.negatedContext(words, i) ? 1f : 0f;
            row[d + CONTEXTUAL_VALENCE] = (float) (contextual[i] / VaderLexicon.MAX_VALENCE);
            row[d + AFTER_BUT] = but >= 0 && i > but ? 1f : 0f;
            row[d + SEGMENT_COMPOUND] = compound;
            row[d + POSITION] = n == 1 ? 0f : (float) i / (n - 1);
            row[d + FILLER] = FILLERS.contains(w) ? 1f : 0f;
        }
        return out;
    }

    @Override
    public String toString() {
        return "LanguageFeaturizer(" + embedding + ", " + lexicon + ", dim=" + dim() + ")";
    }
}
