package io.github.umdf.nn.data;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The three modalities of multimodal sentiment analysis. Code addresses modalities by this type
 * (or by its {@link #key() name}), never by a position in a list: the data formats order them
 * differently (MMSA: text, audio, vision; MulT: vision, audio, text).
 */
public enum Modality {
    /** Spoken words (GloVe, BERT or any per-word features). */
    LANGUAGE("language", 'l'),
    /** Acoustic features (COVAREP, librosa, prosody). */
    AUDIO("audio", 'a'),
    /** Visual features (Facet, OpenFace). */
    VISION("vision", 'v');

    private final String key;
    private final char letter;

    Modality(String key, char letter) {
        this.key = key;
        this.letter = letter;
    }

    /** The lower-case name used in files, logs and configuration: {@code language}, {@code audio}, {@code vision}. */
    public String key() {
        return key;
    }

    /** The one-letter code of the paper's conditions: {@code l}, {@code a}, {@code v}. */
    public char letter() {
        return letter;
    }

    /**
     * Parses a modality from its name, its letter or a common alias ({@code text}, {@code visual},
     * {@code video}, {@code acoustic}).
     *
     * @throws IllegalArgumentException naming the valid spellings
     */
    public static Modality parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "l": case "language": case "text": case "t":
                return LANGUAGE;
            case "a": case "audio": case "acoustic":
                return AUDIO;
            case "v": case "vision": case "visual": case "video":
                return VISION;
            default:
                throw new IllegalArgumentException("Unknown modality '" + text + "'; expected one of "
                        + Arrays.stream(values()).map(m -> m.key + " (" + m.letter + ")").collect(Collectors.joining(", ")));
        }
    }

    @Override
    public String toString() {
        return key;
    }
}
