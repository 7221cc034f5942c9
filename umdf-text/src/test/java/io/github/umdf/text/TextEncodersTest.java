package io.github.umdf.text;

import io.github.umdf.nn.data.mosi.HashedTextEncoder;
import io.github.umdf.nn.data.mosi.MosiSdkOptions;
import io.github.umdf.nn.data.text.TextEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening encoders by name: the names, the default, and files given to an encoder that does not use them. */
class TextEncodersTest {
    private static final MosiSdkOptions OPTIONS = MosiSdkOptions.defaults();

    @Test
    void namesAndTheDefault() throws IOException {
        assertEquals(List.of("minilm", "glove", "hashed"), TextEncoders.NAMES);
        assertEquals("minilm", TextEncoders.DEFAULT);
        try (TextEncoder hashed = TextEncoders.open("hashed", null, null, OPTIONS, 0)) {
            assertTrue(hashed instanceof HashedTextEncoder);
            assertEquals(300, hashed.dim());
        }
    }

    @Test
    void wrongCombinationsAreErrorsNamingWhatIsWrong(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TextEncoders.open("bert", null, null, OPTIONS, 0));
        assertEquals("Unknown text encoder 'bert'; expected one of minilm, glove, hashed", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TextEncoders.open("minilm", null, dir.resolve("vader.txt"), OPTIONS, 0));
        assertEquals("The VADER lexicon is used by the hashed text encoder only; found text encoder 'minilm' (drop the lexicon, or choose hashed)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TextEncoders.open("hashed", dir.resolve("g.json"), null, OPTIONS, 0));
        assertEquals("A GloVe file is used by the glove text encoder only; found text encoder 'hashed'", e.getMessage());
        FileNotFoundException missing = assertThrows(FileNotFoundException.class,
                () -> TextEncoders.open("glove", dir.resolve("g.json"), null, OPTIONS, 0));
        assertTrue(missing.getMessage().contains("Fetch them once with: scripts/fetch-glove.sh"), missing.getMessage());
    }
}
