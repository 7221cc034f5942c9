/**
 * The one training loop every model uses ({@link io.github.umdf.nn.train.TrainingLoop}) with its
 * settings ({@link io.github.umdf.nn.config.TrainingConfig}), the conversion of samples and masks to
 * NDArrays ({@link io.github.umdf.nn.train.BatchBuilder}), a network with its parameters on a device
 * ({@link io.github.umdf.nn.train.NetworkSession}), epoch summaries, listeners and
 * validation scores (model selection reads the valid split only).
 */
package io.github.umdf.nn.train;
