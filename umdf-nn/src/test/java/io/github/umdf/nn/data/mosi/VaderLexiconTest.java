package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VaderLexiconTest {

    private static Path write(Path dir, String content) throws IOException {
        return Files.writeString(dir.resolve("lexicon.txt"), content);
    }

    @Test
    void readsEntriesSkipsBlankLinesAndLetTheLaterDuplicateWin(@TempDir Path dir) throws IOException {
        Path f = write(dir, "good\t1.9\t0.9434\t[2, 1, 1, 3, 2, 4, 2, 2, 1, 1]\n\nsad\t-2.1\t0.9434\n"
                + "ok\t1.6\t1.4\t[0]\nok\t1.2\t0.4\t[1]\n:D\t2.3\t1.1\n");
        VaderLexicon lex = VaderLexicon.read(f);
        assertEquals(4, lex.size());
        assertEquals(1, lex.duplicateCount());
        assertEquals(1.9, lex.valence("good"));
        assertEquals(1.9, lex.valence(" GOOD "), "lookups lower-case and trim");
        assertEquals(0.9434, lex.spread("good"));
        assertEquals(-2.1, lex.valence("sad"));
        assertEquals(1.2, lex.valence("ok"), "the later line wins, as in VADER");
        assertEquals(0.0, lex.valence("movie"));
        assertEquals(0.0, lex.spread("movie"));
        assertFalse(lex.contains("movie"));
        assertFalse(lex.contains(":D"), "entries are kept as written; a lower-cased lookup never matches upper case");
        assertEquals(f.toString(), lex.source());
    }

    @Test
    void emptyLexiconKnowsNothing() {
        VaderLexicon lex = VaderLexicon.empty();
        assertEquals(0, lex.size());
        assertEquals(0.0, lex.valence("good"));
        assertEquals("none", lex.source());
    }

    private static String error(Path dir, String content) throws IOException {
        Path f = write(dir, content);
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> VaderLexicon.read(f));
        return e.getMessage().replace(f.toString(), "FILE");
    }

    @Test
    void malformedLinesAreNamedByFileAndLine(@TempDir Path dir) throws IOException {
        assertEquals("FILE: line 2: expected 'token<TAB>mean valence<TAB>std<TAB>[ratings]' (3 or 4 tab-separated fields), "
                + "found 2 field(s) in ' sad<TAB>-2.1'", error(dir, "good\t1.9\t0.9\n sad\t-2.1\n"));
        assertEquals("FILE: line 1: expected a mean valence in [-4, 4] in field 2, found 'high'", error(dir, "good\thigh\t0.9\n"));
        assertEquals("FILE: line 3: expected a mean valence in [-4, 4] in field 2, found 4.5",
                error(dir, "good\t1.9\t0.9\n\ngreat\t4.5\t0.7\n"));
        assertEquals("FILE: line 1: expected a standard deviation >= 0 in field 3, found -1", error(dir, "good\t1.9\t-1\n"));
        assertEquals("FILE: line 1: expected a non-empty token in field 1, found '<TAB>1.9<TAB>0.9'", error(dir, "\t1.9\t0.9\n"));
        assertTrue(error(dir, "a\t1\t1\t[1]\textra\n").startsWith("FILE: line 1: expected 'token<TAB>mean"));
        assertEquals("FILE: expected VADER lexicon lines 'token<TAB>mean<TAB>std<TAB>[ratings]', found no entries", error(dir, "\n\n"));
    }

    @Test
    void nonUtf8IsNamed(@TempDir Path dir) throws IOException {
        // line 2 starts with a Latin-1 e-acute, invalid as UTF-8
        Path f = Files.write(dir.resolve("latin1.txt"),
                new byte[] {'g', 'o', 'o', 'd', '\t', '1', '\t', '1', '\n', (byte) 0xe9, '\t', '1', '\t', '1', '\n'});
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> VaderLexicon.read(f));
        assertEquals(f + ": line 2: expected UTF-8 text, found undecodable bytes", e.getMessage());
    }

    @Test
    void theSharedLexiconReadsWhole() throws IOException {
        VaderLexicon lex = VaderLexicon.read(SharedData.file("lexicon/vader_lexicon.txt"));
        // 7,520 lines; 14 tokens are defined twice (fav, lol, ok, sob, xd, ...).
        assertEquals(7506, lex.size());
        assertEquals(14, lex.duplicateCount());
        assertEquals(1.9, lex.valence("good"));
        assertEquals(-2.1, lex.valence("sad"));
        assertEquals(1.2, lex.valence("ok"));
        assertFalse(lex.contains("not"), "negation is a rule, not a lexicon entry");
    }
}
