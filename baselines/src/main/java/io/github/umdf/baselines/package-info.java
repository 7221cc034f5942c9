/**
 * The comparators of the UMDF paper (Li, Yang et al., AAAI 2024), re-implemented from their public
 * codebases and trained, selected and evaluated under the very protocol UMDF is: the same splits,
 * the same fixed evaluation masks, zero-filled missing input, model selection on validation only,
 * and the one {@link io.github.umdf.nn.train.TrainingLoop}.
 *
 * <p>One package per comparator ({@code mctn}, {@code transm}, {@code selfmm}, {@code smil}, {@code cubemlp}), each with its
 * specification (an OLCUT component with the original codebase's defaults), its network and its
 * {@link io.github.umdf.nn.model.ModelFamily}, registered once in
 * {@code META-INF/services/io.github.umdf.nn.model.ModelFamily}. This package holds what they
 * share: recurrent encoders that read only the frames that exist ({@link
 * io.github.umdf.baselines.PackedRecurrence}, the equivalent of PyTorch's
 * {@code pack_padded_sequence} and of Keras masking), masked sequence helpers
 * ({@link io.github.umdf.baselines.Sequences}) and the common base classes of the specifications and
 * registry entries. Every departure from an original is listed in the class comment of its model.
 */
package io.github.umdf.baselines;
