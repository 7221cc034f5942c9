/**
 * TransM / TransModality (Wang et al., WWW 2020): per-modality BiGRU embeddings and transformer
 * translations text -> m -> text for m in vision and audio, fused with the encoder states.
 * {@link io.github.umdf.baselines.transm.TransmConfig} holds the settings (defaults from the Keras
 * code), {@link io.github.umdf.baselines.transm.DecoderLayer},
 * {@link io.github.umdf.baselines.transm.TransformerStack},
 * {@link io.github.umdf.baselines.transm.RecurrentEmbedding} and
 * {@link io.github.umdf.baselines.transm.TranslationPair} the blocks,
 * {@link io.github.umdf.baselines.transm.TransmModel} the objective and the departures from the
 * original, {@link io.github.umdf.baselines.transm.TransmFamily} the registry entry.
 */
package io.github.umdf.baselines.transm;
