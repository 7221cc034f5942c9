/**
 * The engine and small tensor helpers shared by the blocks, the losses and the networks, on DJL only:
 * {@link io.github.umdf.nn.ops.Engines} (offline mode, seeding, threads, versions),
 * {@link io.github.umdf.nn.ops.Scalars} (scalars on the array's own device and type),
 * {@link io.github.umdf.nn.ops.Masks} (frame validity, masked means, last valid step),
 * {@link io.github.umdf.nn.ops.Layers} (block-building helpers), and for a gradient step inside a
 * training step (meta-learning) {@link io.github.umdf.nn.ops.Gradients} (differentiable gradients) and
 * {@link io.github.umdf.nn.ops.SubstitutedParameters} (a forward pass at other parameter values);
 * {@link io.github.umdf.nn.ops.TorchScript} compiles small TorchScript modules from source for what
 * DJL's API lacks.
 * Nothing here knows a network.
 */
package io.github.umdf.nn.ops;
