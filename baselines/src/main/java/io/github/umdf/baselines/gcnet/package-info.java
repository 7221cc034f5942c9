/**
 * GCNet (Lian et al., IEEE TPAMI 2023): the segments of a video as the utterances of a conversation, a
 * BiLSTM over them, a temporal and a speaker graph (relational graph convolutions) among neighbouring
 * segments, and a head that predicts the label and one that reconstructs the missing modalities.
 * {@link io.github.umdf.baselines.gcnet.GcnetConfig} holds the settings (defaults from
 * zeroQiaoba/GCNet), {@link io.github.umdf.baselines.gcnet.SegmentIds} reads conversations from sample
 * ids, {@link io.github.umdf.baselines.gcnet.ConversationGraph} builds the graphs,
 * {@link io.github.umdf.baselines.gcnet.RelationalGraphConvolution},
 * {@link io.github.umdf.baselines.gcnet.GraphConvolution},
 * {@link io.github.umdf.baselines.gcnet.StackedBiLstm} and
 * {@link io.github.umdf.baselines.gcnet.GraphNetwork} are the blocks,
 * {@link io.github.umdf.baselines.gcnet.GcnetNetwork} the network,
 * {@link io.github.umdf.baselines.gcnet.MissingModalityReconstruction} the reconstruction loss,
 * {@link io.github.umdf.baselines.gcnet.GcnetModel} the objective, the batching by conversation and the
 * departures from the original, {@link io.github.umdf.baselines.gcnet.GcnetFamily} the registry entry.
 */
package io.github.umdf.baselines.gcnet;
