/**
 * Generic DJL blocks, free of any one network: modality projection with sinusoidal positions
 * (temporal convolution written without oneDNN), multi-head crossmodal attention with key masks
 * (paper eq. 7) and its fused TorchScript kernels, transformer encoder layers with LayerNorm (pre- or
 * post-norm), the prediction head and temporal resampling of unaligned streams. UMDF's own modules
 * (MCIM, DFIM) live in {@code io.github.umdf.nn.umdf}; tensor helpers in {@code io.github.umdf.nn.ops}.
 * Tensor shapes are in the comments: {@code (B, T, d)}.
 */
package io.github.umdf.nn.block;
