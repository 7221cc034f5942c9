/**
 * The DJL blocks of UMDF: modality projection with sinusoidal positions, multi-head crossmodal
 * attention with key masks (paper eq. 7), the MCIM layer and module (eqs. 8-9), transformer encoder
 * layers with LayerNorm (pre- or post-norm), DFIM (eqs. 10-11) and its ablation, the prediction head,
 * temporal resampling of unaligned streams, and small tensor helpers ({@link io.github.umdf.nn.block.Masks},
 * {@link io.github.umdf.nn.block.Scalars}, {@link io.github.umdf.nn.block.Layers}). Tensor shapes are in
 * the comments: {@code (B, T, d)}.
 */
package io.github.umdf.nn.block;
