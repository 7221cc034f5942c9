package io.github.umdf.nn.data.mosi;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simplified VADER rules against the compound scores VADER's README publishes for sentences
 * whose score does not depend on case or punctuation (lower-cased, punctuation removed here), with
 * the lexicon values of those words copied from {@code vader_lexicon.txt}.
 */
class VaderRulesTest {
    @TempDir
    static Path dir;
    private static VaderLexicon lexicon;

    @BeforeAll
    static void lexicon() throws IOException {
        lexicon = VaderLexicon.read(Files.writeString(dir.resolve("mini.txt"), String.join("\n",
                "bad\t-2.5\t0.67082", "funny\t1.9\t0.53852", "good\t1.9\t0.9434", "great\t3.1\t0.7", "handsome\t2.2\t0.74833",
                "horrible\t-2.5\t0.67082", "kind\t2.4\t0.66332", "smart\t1.7\t0.78102", "uncompelling\t-0.9\t0.7",
                "no\t-1.2\t0.74833", "sad\t-2.1\t0.9434")));
    }

    private static List<String> words(String text) {
        return Arrays.asList(text.split(" "));
    }

    private static double[] valences(String text) {
        return VaderRules.contextualValences(words(text), lexicon);
    }

    private static double compound(String text) {
        return VaderRules.normalize(Arrays.stream(VaderRules.contextualValences(words(text), lexicon)).sum());
    }

    @Test
    void compoundScoresMatchVadersPublishedOutput() {
        assertEquals(0.8316, compound("vader is smart handsome and funny"), 5e-5);
        assertEquals(0.8545, compound("vader is very smart handsome and funny"), 5e-5);
        assertEquals(-0.7424, compound("vader is not smart handsome nor funny"), 5e-5);
        assertEquals(0.4404, compound("the book was good"), 5e-5);
        assertEquals(0.431, compound("at least it isn't a horrible book"), 5e-4);
        assertEquals(0.3832, compound("the book was only kind of good"), 5e-5);
        assertEquals(-0.7042, compound("the plot was good but the characters are uncompelling and the dialog is not great"), 5e-5);
        assertEquals(0.431, compound("not bad at all"), 5e-4);
    }

    @Test
    void contextualValencesApplyBoostersNegationAndBut() {
        assertArrayEquals(new double[] {0, 0, 0, 1.9 + VaderRules.B_INCR}, valences("it was really good"), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0, 1.9 * VaderRules.N_SCALAR}, valences("it was not good"), 1e-12);
        // a booster before a negative word pushes it further down
        assertEquals(-2.1 - VaderRules.B_INCR, valences("so sad")[1], 1e-12);
        // a dampener moves towards zero, at distance 2 damped by 0.95
        assertEquals(1.9 + VaderRules.B_INCR + 0.95 * VaderRules.B_DECR, valences("slightly very good")[2], 1e-12);
        // but: before x0.5, after x1.5
        double[] v = valences("good but sad");
        assertArrayEquals(new double[] {0.95, 0, -3.15}, v, 1e-12);
        // "no" before a lexicon word has no valence of its own and negates it (once: "no" is a lexicon word itself)
        assertArrayEquals(new double[] {0, 1.9 * VaderRules.N_SCALAR},
                valences("no good"), 1e-12);
        assertArrayEquals(new double[] {-1.2}, valences("no"), 1e-12);
    }

    @Test
    void cuesAndWindows() {
        for (String neg : List.of("not", "no", "never", "dont", "don't", "cant", "wasnt", "isn't", "without", "NOT")) {
            assertTrue(VaderRules.isNegation(neg), neg);
        }
        for (String w : List.of("good", "now", "note", "know")) {
            assertFalse(VaderRules.isNegation(w), w);
        }
        List<String> s = words("it was kind of not really very good but slightly sad");
        int[] expected = {0, 0, -1, -1, 0, 1, 1, 0, 0, -1, 0};
        for (int i = 0; i < s.size(); i++) {
            assertEquals(expected[i], VaderRules.boosterSign(s, i), s.get(i));
        }
        assertEquals(0, VaderRules.boosterSign(words("a kind person"), 1), "kind alone is not a dampener");
        List<String> n = words("not a b c d");
        assertFalse(VaderRules.negatedContext(n, 0), "the cue itself is not in its own context");
        assertTrue(VaderRules.negatedContext(n, 1));
        assertTrue(VaderRules.negatedContext(n, 3));
        assertFalse(VaderRules.negatedContext(n, 4), "VADER's window is 3 words");
        assertEquals(1, VaderRules.firstBut(words("good but bad but ok")));
        assertEquals(-1, VaderRules.firstBut(words("good and bad")));
        assertEquals(0.4404, VaderRules.normalize(1.9), 5e-5);
        assertEquals(0.0, VaderRules.normalize(0.0));
    }
}
