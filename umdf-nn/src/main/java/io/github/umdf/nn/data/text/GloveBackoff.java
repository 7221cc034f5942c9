package io.github.umdf.nn.data.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a word out of GloVe's vocabulary may stand for, in words that are in it: {@link GloveEncoder}
 * gives such a word the mean of their vectors when all of them have one. Two closed rules, nothing
 * guessed:
 * <ul>
 *   <li>a contraction written without its apostrophe, as transcripts write them ({@code couldve},
 *       {@code werent}, {@code youve}, {@code therere}), is expanded into its two words
 *       ({@code could have}, {@code were not}, ...). Only the combinations of the tables below are
 *       expanded, so a misspelling such as {@code dosent} is never read as {@code dose not}. (GloVe's
 *       own tokenizer split {@code don't} into {@code do} and {@code n't}; the npm package kept no
 *       apostrophe forms, but it has the common apostrophe-less ones, {@code dont}, {@code im},
 *       {@code didnt}, which are then found as they are.)</li>
 *   <li>a number written in digits from 0 to 999 is spelled out ({@code 2} is {@code two},
 *       {@code 35} is {@code thirty five}, {@code 180} is {@code one hundred eighty}): the package
 *       has no token made only of digits. Years, ordinals ({@code 21st}) and {@code 3d} stay
 *       unknown.</li>
 * </ul>
 */
final class GloveBackoff {
    /** Words before {@code n't}; {@code cant}, {@code wont}, {@code shant}, {@code aint} are irregular. */
    private static final Set<String> BEFORE_NOT = Set.of("is", "are", "was", "were", "do", "does", "did", "has", "have", "had",
            "could", "should", "would", "must", "need", "might");
    private static final Map<String, String> IRREGULAR_NOT = Map.of("cant", "can", "wont", "will", "shant", "shall", "aint", "is");
    private static final Set<String> BEFORE_HAVE = Set.of("i", "you", "we", "they", "could", "should", "would", "might", "must", "who",
            "there", "what");
    private static final Set<String> BEFORE_ARE = Set.of("you", "we", "they", "there", "what", "who", "where", "how");
    private static final Set<String> BEFORE_WILL = Set.of("you", "he", "she", "it", "we", "they", "that", "there", "what", "who", "this");
    private static final List<Clitic> CLITICS = List.of(new Clitic("nt", "not", BEFORE_NOT), new Clitic("ve", "have", BEFORE_HAVE),
            new Clitic("re", "are", BEFORE_ARE), new Clitic("ll", "will", BEFORE_WILL));

    /** A clitic's ending without apostrophe, the word it stands for, the words it may follow. */
    private record Clitic(String suffix, String word, Set<String> bases) {
    }

    private static final String[] ONES = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    private static final String[] TENS = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

    private GloveBackoff() {
    }

    /**
     * The words a lower-case token stands for by the rules of the class comment, or an empty list when
     * no rule applies.
     */
    static List<String> expand(String token) {
        if (!token.isEmpty() && token.length() <= 3 && token.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return spelled(Integer.parseInt(token));
        }
        String irregular = IRREGULAR_NOT.get(token);
        if (irregular != null) {
            return List.of(irregular, "not");
        }
        for (Clitic c : CLITICS) {
            if (token.endsWith(c.suffix())) {
                String base = token.substring(0, token.length() - c.suffix().length());
                if (c.bases().contains(base)) {
                    return List.of(base, c.word());
                }
            }
        }
        return List.of();
    }

    /** English words of {@code 0 <= n <= 999}. */
    static List<String> spelled(int n) {
        if (n < 0 || n > 999) {
            throw new IllegalArgumentException("Expected a number in [0, 999], found " + n);
        }
        List<String> out = new ArrayList<>();
        if (n >= 100) {
            out.add(ONES[n / 100]);
            out.add("hundred");
            n %= 100;
            if (n == 0) {
                return out;
            }
        }
        if (n < 20) {
            out.add(ONES[n]);
        } else {
            out.add(TENS[n / 10]);
            if (n % 10 != 0) {
                out.add(ONES[n % 10]);
            }
        }
        return out;
    }
}
