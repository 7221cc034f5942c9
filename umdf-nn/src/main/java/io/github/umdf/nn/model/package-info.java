/**
 * Networks as the training loop and the protocol see them: {@link io.github.umdf.nn.model.ModelSpec}
 * (an OLCUT-configurable network specification), {@link io.github.umdf.nn.model.NetworkModel} (loss,
 * predict, represent), the batch representation {@link io.github.umdf.nn.model.ModalityInputs}, UMDF
 * itself ({@link io.github.umdf.nn.model.UmdfConfig}, {@link io.github.umdf.nn.model.UmdfNetwork},
 * {@link io.github.umdf.nn.model.UmdfModel}), and the one model registry
 * ({@link io.github.umdf.nn.model.ModelRegistry} of {@link io.github.umdf.nn.model.ModelFamily}s found
 * with ServiceLoader).
 */
package io.github.umdf.nn.model;
