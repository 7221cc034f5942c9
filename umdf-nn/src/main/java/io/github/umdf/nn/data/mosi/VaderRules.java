package io.github.umdf.nn.data.mosi;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists and constants of VADER's rules (Hutto and Gilbert, ICWSM 2014; lists as in
 * {@code vaderSentiment.py} of cjhutto/vaderSentiment, MIT licence), and the simplified VADER
 * scoring that {@link LanguageFeaturizer} uses for its contextual columns.
 *
 * <p>What {@link #contextualValences} implements, per word {@code i} of an utterance (lower-cased):
 * <ol>
 *   <li>the word's lexicon valence, 0 for words out of the lexicon, for booster words themselves and
 *       for {@code kind} before {@code of};</li>
 *   <li>{@code no} before a lexicon word has valence 0; a lexicon word one or two words after
 *       {@code no} (or three, with {@code or}/{@code nor} just before it) is scaled by
 *       {@link #N_SCALAR};</li>
 *   <li>for each of the three preceding words that is not itself a lexicon word, at distance 1, 2, 3:
 *       a booster adds {@code +0.293} and a dampener {@code -0.293} (sign flipped for negative
 *       valence), damped by 1, 0.95, 0.9; a negation at that distance multiplies by
 *       {@link #N_SCALAR} ({@code never so}/{@code never this} at distance 2 or 3 multiplies by 1.25
 *       instead; {@code without doubt} does nothing); at distance 3, a two-word dampener
 *       ({@code kind of}, {@code sort of}, {@code just enough}) two or three words back adds
 *       {@code -0.293};</li>
 *   <li>{@code least} before the word negates it unless preceded by {@code at} or {@code very};</li>
 *   <li>the {@code but} rule: valences before the first {@code but} are halved, after it multiplied
 *       by 1.5.</li>
 * </ol>
 * Left out because transcripts have no case or punctuation: ALL-CAPS emphasis, exclamation and
 * question marks, emoticons; also left out: the few idioms of VADER's special-case table. At
 * distance 3 the {@code never so}/{@code never this} test follows the rule's intent ({@code never}
 * three words back and {@code so}/{@code this} after it), not the operator-precedence slip of the
 * Python code (which fires on any {@code so}/{@code this} just before the word). The
 * utterance score is VADER's normalisation {@code s / sqrt(s^2 + 15)} of the summed valences
 * ({@link #normalize}).
 */
public final class VaderRules {
    /** VADER's booster increment. */
    public static final double B_INCR = 0.293;
    /** VADER's dampener decrement. */
    public static final double B_DECR = -0.293;
    /** VADER's negation factor. */
    public static final double N_SCALAR = -0.74;
    /** VADER's normalisation constant of the compound score. */
    public static final double ALPHA = 15.0;
    /** How many preceding words VADER's booster and negation rules look at. */
    public static final int WINDOW = 3;

    /** VADER's negation words ({@code NEGATE}), apostrophe and apostrophe-less spellings. */
    public static final Set<String> NEGATIONS = Set.of(
            "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt",
            "ain't", "aren't", "can't", "couldn't", "daren't", "didn't", "doesn't",
            "dont", "hadnt", "hasnt", "havent", "isnt", "mightnt", "mustnt", "neither",
            "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't", "mustn't",
            "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
            "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent",
            "oughtn't", "shan't", "shouldn't", "uh-uh", "wasn't", "weren't",
            "without", "wont", "wouldnt", "won't", "wouldn't", "rarely", "seldom", "despite");

    /** VADER's single-word boosters (increments, {@code B_INCR}). */
    public static final Set<String> BOOSTERS = Set.of(
            "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably",
            "decidedly", "deeply", "effing", "enormous", "enormously", "entirely", "especially", "exceptional",
            "exceptionally", "extreme", "extremely", "fabulously", "flipping", "flippin", "frackin", "fracking",
            "fricking", "frickin", "frigging", "friggin", "fully", "fuckin", "fucking", "fuggin", "fugging",
            "greatly", "hella", "highly", "hugely", "incredible", "incredibly", "intensely", "major", "majorly",
            "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so", "substantially",
            "thoroughly", "total", "totally", "tremendous", "tremendously", "uber", "unbelievably", "unusually",
            "utter", "utterly", "very");

    /** VADER's single-word dampeners (decrements, {@code B_DECR}). */
    public static final Set<String> DAMPENERS = Set.of(
            "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little", "marginal", "marginally",
            "occasional", "occasionally", "partly", "scarce", "scarcely", "slight", "slightly", "somewhat",
            "sorta", "sortof", "sort-of");

    /** VADER's two-word dampeners, as (first, second) pairs: {@code kind of}, {@code sort of}, {@code just enough}. */
    public static final List<List<String>> DAMPENER_PAIRS = List.of(
            List.of("kind", "of"), List.of("sort", "of"), List.of("just", "enough"));

    private VaderRules() {
    }

    /** Lower-cased, trimmed. */
    static String norm(String word) {
        return word.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a word is a negation cue: VADER's {@link #NEGATIONS}, any word containing {@code n't}
     * (VADER's {@code include_nt}), or {@code no} (which VADER handles with a rule of its own).
     */
    public static boolean isNegation(String word) {
        String w = norm(word);
        return NEGATIONS.contains(w) || w.contains("n't") || w.equals("no");
    }

    /**
     * The booster sign of word {@code i} in context: +1 for a booster, -1 for a dampener (a single-word
     * one, or either word of {@code kind of}, {@code sort of}, {@code just enough}), 0 otherwise.
     */
    public static int boosterSign(List<String> words, int i) {
        String w = norm(words.get(i));
        if (BOOSTERS.contains(w)) {
            return 1;
        }
        if (DAMPENERS.contains(w) || inDampenerPair(words, i)) {
            return -1;
        }
        return 0;
    }

    private static boolean inDampenerPair(List<String> words, int i) {
        String w = norm(words.get(i));
        for (List<String> p : DAMPENER_PAIRS) {
            if (w.equals(p.get(0)) && i + 1 < words.size() && norm(words.get(i + 1)).equals(p.get(1))) {
                return true;
            }
            if (w.equals(p.get(1)) && i > 0 && norm(words.get(i - 1)).equals(p.get(0))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a negation cue ({@link #isNegation}) is among the {@value #WINDOW} words before word {@code i}. */
    public static boolean negatedContext(List<String> words, int i) {
        for (int k = 1; k <= WINDOW && i - k >= 0; k++) {
            if (isNegation(words.get(i - k))) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first {@code but}, or -1. */
    public static int firstBut(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            if (norm(words.get(i)).equals("but")) {
                return i;
            }
        }
        return -1;
    }

    /** VADER's normalisation of a summed score into {@code (-1, 1)}: {@code s / sqrt(s^2 + 15)}. */
    public static double normalize(double score) {
        double n = score / Math.sqrt(score * score + ALPHA);
        return Math.max(-1.0, Math.min(1.0, n));
    }

    /**
     * The contextual valence of every word of an utterance, on VADER's scale (before division by 4),
     * by the simplified VADER rules of the class comment; 0 for words out of the lexicon.
     */
    public static double[] contextualValences(List<String> words, VaderLexicon lexicon) {
        int n = words.size();
        String[] w = new String[n];
        for (int i = 0; i < n; i++) {
            w[i] = norm(words.get(i));
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (BOOSTERS.contains(w[i]) || DAMPENERS.contains(w[i])
                    || (w[i].equals("kind") && i + 1 < n && w[i + 1].equals("of")) || !lexicon.contains(w[i])) {
                continue;
            }
            double base = lexicon.valence(w[i]);
            double v = base;
            if (w[i].equals("no") && i + 1 < n && lexicon.contains(w[i + 1])) {
                v = 0.0;
            }
            if ((i > 0 && w[i - 1].equals("no")) || (i > 1 && w[i - 2].equals("no"))
                    || (i > 2 && w[i - 3].equals("no") && (w[i - 1].equals("or") || w[i - 1].equals("nor")))) {
                v = base * N_SCALAR;
            }
            for (int k = 0; k < WINDOW; k++) {
                if (i > k && !lexicon.contains(w[i - (k + 1)])) {
                    double s = scalar(w[i - (k + 1)], v);
                    if (k == 1) {
                        s *= 0.95;
                    } else if (k == 2) {
                        s *= 0.9;
                    }
                    v += s;
                    v = negationCheck(v, w, k, i);
                    if (k == 2) {
                        v = dampenerPairCheck(v, w, i);
                    }
                }
            }
            v = leastCheck(v, w, i, lexicon);
            out[i] = v;
        }
        int but = firstBut(words);
        if (but >= 0) {
            for (int i = 0; i < n; i++) {
                if (i < but) {
                    out[i] *= 0.5;
                } else if (i > but) {
                    out[i] *= 1.5;
                }
            }
        }
        return out;
    }

    /** VADER's {@code scalar_inc_dec} without the ALL-CAPS part. */
    private static double scalar(String word, double valence) {
        double s = BOOSTERS.contains(word) ? B_INCR : DAMPENERS.contains(word) ? B_DECR : 0.0;
        return valence < 0 ? -s : s;
    }

    /** VADER's {@code _negation_check} for the word at distance {@code k + 1}. */
    private static double negationCheck(double v, String[] w, int k, int i) {
        boolean neg = VaderRules.NEGATIONS.contains(w[i - (k + 1)]) || w[i - (k + 1)].contains("n't");
        if (k == 0) {
            return neg ? v * N_SCALAR : v;
        }
        if (k == 1) {
            if (w[i - 2].equals("never") && (w[i - 1].equals("so") || w[i - 1].equals("this"))) {
                return v * 1.25;
            }
            if (w[i - 2].equals("without") && w[i - 1].equals("doubt")) {
                return v;
            }
            return neg ? v * N_SCALAR : v;
        }
        if (w[i - 3].equals("never") && (w[i - 2].equals("so") || w[i - 2].equals("this")
                || w[i - 1].equals("so") || w[i - 1].equals("this"))) {
            return v * 1.25;
        }
        if (w[i - 3].equals("without") && (w[i - 2].equals("doubt") || w[i - 1].equals("doubt"))) {
            return v;
        }
        return neg ? v * N_SCALAR : v;
    }

    /** The booster bigram part of VADER's {@code _special_idioms_check}: {@code kind of}, {@code sort of}, ... two or three words back. */
    private static double dampenerPairCheck(double v, String[] w, int i) {
        for (List<String> p : DAMPENER_PAIRS) {
            if ((w[i - 2].equals(p.get(0)) && w[i - 1].equals(p.get(1))) || (w[i - 3].equals(p.get(0)) && w[i - 2].equals(p.get(1)))) {
                return v + B_DECR;
            }
        }
        return v;
    }

    /** VADER's {@code _least_check}. */
    private static double leastCheck(double v, String[] w, int i, VaderLexicon lexicon) {
        if (i > 1 && !lexicon.contains(w[i - 1]) && w[i - 1].equals("least")) {
            if (!w[i - 2].equals("at") && !w[i - 2].equals("very")) {
                return v * N_SCALAR;
            }
        } else if (i > 0 && !lexicon.contains(w[i - 1]) && w[i - 1].equals("least")) {
            return v * N_SCALAR;
        }
        return v;
    }
}
