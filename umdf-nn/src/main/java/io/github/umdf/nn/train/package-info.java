/**
 * The one training loop every model uses ({@link io.github.umdf.nn.train.TrainingLoop}) with its
 * settings ({@link io.github.umdf.nn.train.TrainingConfig}), the conversion of samples and masks to
 * NDArrays ({@link io.github.umdf.nn.train.BatchBuilder}), a network with its parameters on a device
 * ({@link io.github.umdf.nn.train.NetworkSession}), epoch summaries and listeners, and engine facts
 * ({@link io.github.umdf.nn.train.Engines}: offline mode, seeding, versions).
 */
package io.github.umdf.nn.train;
