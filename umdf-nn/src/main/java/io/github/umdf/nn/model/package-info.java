/**
 * The model contracts, as the training loop, the protocol and the Tribuo wrapping see every network:
 * {@link io.github.umdf.nn.model.ModelSpec} (an OLCUT-configurable network specification),
 * {@link io.github.umdf.nn.model.NetworkModel} (loss, predict, represent), the batch representation
 * {@link io.github.umdf.nn.model.ModalityInputs}, and the one model registry
 * ({@link io.github.umdf.nn.model.ModelRegistry} of {@link io.github.umdf.nn.model.ModelFamily}s found
 * with ServiceLoader, grouped by {@link io.github.umdf.nn.model.ModelGroup}). UMDF itself is in
 * {@code io.github.umdf.nn.umdf}, the baselines in their own module: both implement these contracts.
 */
package io.github.umdf.nn.model;
