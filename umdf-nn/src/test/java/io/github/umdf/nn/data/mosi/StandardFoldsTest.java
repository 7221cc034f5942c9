package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.SplitName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StandardFoldsTest {

    @Test
    void readsTheThreeFolds(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("folds.json"), "{\"train\": [\"b\", \"a\"], \"dev\": [\"c\"], \"test\": []}");
        StandardFolds folds = StandardFolds.read(f);
        assertEquals(List.of("b", "a"), folds.videos(SplitName.TRAIN));
        assertEquals(List.of("c"), folds.videos(SplitName.VALID));
        assertEquals(List.of(), folds.videos(SplitName.TEST));
        assertEquals(Optional.of(SplitName.VALID), folds.splitOf("c"));
        assertEquals(Optional.empty(), folds.splitOf("z"));
        assertEquals(3, folds.videoCount());
    }

    private static String error(Path dir, String json) throws IOException {
        Path f = Files.writeString(dir.resolve("folds.json"), json);
        return assertThrows(InvalidDataException.class, () -> StandardFolds.read(f)).getMessage().replace(f.toString(), "FILE");
    }

    @Test
    void problemsAreNamed(@TempDir Path dir) throws IOException {
        assertEquals("FILE: field 'folds': expected only the keys train, valid (or dev, val, validation) and test, found the key 'folds'",
                error(dir, "{\"train\": [], \"valid\": [], \"test\": [], \"folds\": []}"));
        assertEquals("FILE: field 'test': expected the keys train, valid and test, found no key for test (keys: [train, valid])",
                error(dir, "{\"train\": [], \"valid\": []}"));
        assertEquals("FILE: field 'test': expected each video in one fold, found 'a' in 'train' and 'test'",
                error(dir, "{\"train\": [\"a\"], \"valid\": [], \"test\": [\"a\"]}"));
        assertEquals("FILE: field 'train': expected video id strings, found 3 at position 1",
                error(dir, "{\"train\": [\"a\", 3], \"valid\": [], \"test\": []}"));
        assertEquals("FILE: field 'valid': expected an array of video id strings, found a JSON object",
                error(dir, "{\"train\": [], \"valid\": {}, \"test\": []}"));
        assertEquals("FILE: field 'dev': expected one key per split, found 'dev' after 'valid' for split valid",
                error(dir, "{\"train\": [], \"valid\": [], \"dev\": [], \"test\": []}"));
        assertEquals("FILE: expected a JSON object {\"train\": [...], \"valid\": [...], \"test\": [...]}, found a JSON array",
                error(dir, "[]"));
        assertEquals("FILE: expected a JSON object {\"train\": [...], \"valid\": [...], \"test\": [...]}, found an empty file",
                error(dir, ""));
        String malformed = error(dir, "{\"train\": [");
        assertEquals(true, malformed.startsWith("FILE: expected a JSON object of folds, found malformed JSON: "), malformed);
    }
}
