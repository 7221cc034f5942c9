package io.github.umdf.text;

import io.github.umdf.nn.data.mosi.HashedTextEncoder;
import io.github.umdf.nn.data.mosi.MosiSdkOptions;
import io.github.umdf.nn.data.text.GloveEncoder;
import io.github.umdf.nn.data.text.TextEncoder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The project's text encoders by name, for {@code umdf data mosi-sdk --text}:
 * <pre>
 * name     columns  what                                                         needs
 * minilm   384      MiniLM contextual word vectors ({@link MiniLmEncoder})        nothing (Maven jar)
 * glove    100      GloVe 6B word vectors ({@link GloveEncoder})                  the npm package, fetched once
 * hashed   300      hashed words + VADER lexicon columns ({@link HashedTextEncoder})  nothing (lexicon optional)
 * </pre>
 * The default is {@value #DEFAULT}: on real CMU-MOSI a ridge regression on segment-mean features
 * (train fold, scored on test) reached MAE 0.98 / Corr 0.71 / Acc-2 80.6 with MiniLM and 1.16 / 0.52
 * / 72.1 with GloVe + VADER.
 */
public final class TextEncoders {
    /** The default encoder. */
    public static final String DEFAULT = MiniLmEncoder.NAME;
    /** Every name, the default first. */
    public static final List<String> NAMES = List.of(MiniLmEncoder.NAME, GloveEncoder.NAME, HashedTextEncoder.NAME);

    private TextEncoders() {
    }

    /**
     * Opens an encoder. The caller closes it.
     *
     * @param name    {@code minilm}, {@code glove} or {@code hashed}
     * @param glove   GloVe's JSON file ({@code glove} only; {@code null}: {@link GloveEncoder#defaultFile()})
     * @param lexicon the VADER lexicon ({@code hashed} only; {@code null}: none)
     * @param options the hashed encoder's dimension and seed
     * @param threads MiniLM's ONNX Runtime threads (0: its default)
     * @throws IllegalArgumentException for an unknown name, or a file given to an encoder that does not use it
     * @throws IOException              if a file is missing (naming it and how to get it) or cannot be read
     */
    public static TextEncoder open(String name, Path glove, Path lexicon, MosiSdkOptions options, int threads) throws IOException {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("Unknown text encoder '" + name + "'; expected one of " + String.join(", ", NAMES));
        }
        if (lexicon != null && !name.equals(HashedTextEncoder.NAME)) {
            throw new IllegalArgumentException("The VADER lexicon is used by the hashed text encoder only; found text encoder '" + name
                    + "' (drop the lexicon, or choose hashed)");
        }
        if (glove != null && !name.equals(GloveEncoder.NAME)) {
            throw new IllegalArgumentException("A GloVe file is used by the glove text encoder only; found text encoder '" + name + "'");
        }
        return switch (name) {
            case MiniLmEncoder.NAME -> MiniLmEncoder.load(threads);
            case GloveEncoder.NAME -> new GloveEncoder(glove != null ? glove : GloveEncoder.defaultFile());
            default -> HashedTextEncoder.read(options.hashDim(), options.hashSeed(), lexicon);
        };
    }
}
