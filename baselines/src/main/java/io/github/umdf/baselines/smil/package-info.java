/**
 * SMIL (Ma et al., AAAI 2021): a missing modality's feature reconstructed as a softplus-weighted mean
 * of the k-means centres of that modality's training features, learned feature perturbations, and a
 * meta-learning step (an inner gradient step on the batch as drawn, the outer loss on its complete rows
 * at the updated parameters, second order). {@link io.github.umdf.baselines.smil.SmilConfig} holds the
 * settings, {@link io.github.umdf.baselines.smil.SmilNetwork} the network (sequence encoders ours),
 * {@link io.github.umdf.baselines.smil.CentreReconstruction} the reconstruction,
 * {@link io.github.umdf.baselines.smil.KMeans} the centres and
 * {@link io.github.umdf.baselines.smil.SmilModel} the training step and every departure from the
 * original code.
 */
package io.github.umdf.baselines.smil;
