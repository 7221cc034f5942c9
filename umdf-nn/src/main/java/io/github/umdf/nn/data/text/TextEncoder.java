package io.github.umdf.nn.data.text;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Turns transcripts into language frames: one row of {@link #dim()} floats per word, in order. What
 * {@link io.github.umdf.nn.data.mosi.MosiSdkBuilder} takes for its language modality; plain Java, so
 * that an encoder running a neural network (the MiniLM encoder of {@code umdf-text}, on DJL's ONNX
 * Runtime engine) lives in a module of its own and the data model never sees DJL or ONNX types.
 *
 * <p>Encoders of this project: {@code hashed} (hashed words and character 3-grams with VADER lexicon
 * columns, {@link io.github.umdf.nn.data.mosi.HashedTextEncoder}, nothing to download),
 * {@code glove} ({@link GloveEncoder}, GloVe 6B 100-d from a file) and {@code minilm}
 * ({@code io.github.umdf.text.MiniLmEncoder}, contextual word vectors).
 *
 * <p>Contract: {@link #encode} receives every transcript of a data set at once (so that an encoder
 * can read a vocabulary file once, keeping only the words it needs) and whole, before any truncation
 * to a maximum length (so that contextual features see the whole transcript); it returns per
 * transcript an array of exactly as many rows as words, each of {@link #dim()} finite floats, and
 * the same floats for the same words every time. {@link #parameters()} names what the features came
 * from (artifact coordinates or file SHA-256, settings) for the data set's origin and provenance.
 * {@link #close()} frees what an encoder holds (a network's native memory); it does nothing by default.
 */
public interface TextEncoder extends AutoCloseable {
    /** The short name: {@code hashed}, {@code glove}, {@code minilm}. */
    String name();

    /** Columns per word. */
    int dim();

    /** The columns in a few words, e.g. {@code glove[0..99]}. */
    String columns();

    /** One sentence for the data set's preprocessing steps: what a word's frame holds and how unknown words are handled. */
    String description();

    /**
     * What the features came from, as origin parameters (keys starting with {@code text} unless kept
     * from an earlier format): artifact coordinates or file path and SHA-256, settings.
     *
     * @throws IOException if a file must be hashed and cannot be read
     */
    Map<String, String> parameters() throws IOException;

    /**
     * The frames of every transcript, in order, with the encoder's counts (vocabulary coverage).
     *
     * @param transcripts per transcript its words in order (possibly none)
     * @throws IOException if a vocabulary or model file cannot be read
     */
    TextEncoding encode(List<List<String>> transcripts) throws IOException;

    /** Frees native resources, if any; the encoder is unusable afterwards. Does nothing by default. */
    @Override
    default void close() {
    }
}
