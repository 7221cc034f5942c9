/**
 * Pretrained language features that need a neural network: {@link io.github.umdf.text.MiniLmEncoder}
 * runs the sentence encoder all-MiniLM-L6-v2 (quantized ONNX, from a Maven jar) on DJL's ONNX Runtime
 * engine with DJL's HuggingFace tokenizer, offline, and gives one contextual vector per transcript word
 * ({@link io.github.umdf.text.WordPieceMeans}); {@link io.github.umdf.text.TextEncoders} opens any of
 * the project's encoders by name ({@code minilm}, {@code glove}, {@code hashed}).
 *
 * <p>A module of its own ({@code umdf-text}, on {@code umdf-nn}'s plain data model only) so that a
 * Tribuo user of {@code umdf-tribuo} never pulls ONNX Runtime; {@code umdf-tools} depends on it.
 */
package io.github.umdf.text;
