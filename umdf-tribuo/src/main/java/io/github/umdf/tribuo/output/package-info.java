/**
 * Output adapters: how each Tribuo output type ({@link org.tribuo.regression.Regressor},
 * {@link org.tribuo.classification.Label}, {@link org.tribuo.multilabel.MultiLabel}) becomes the
 * network's float targets and how network outputs become Tribuo {@link org.tribuo.Prediction}s.
 *
 * <p>The design follows the {@code OutputConverter} family of Tribuo's TensorFlow interop: one
 * stateless, configurable class per output type, targets in the id order of the training data's
 * {@link org.tribuo.ImmutableOutputInfo} (regression through the id-to-natural-order mapping),
 * softmax scores for single-label and sigmoid scores with a 0.5 threshold for multi-label
 * classification. A trainer configuration names the adapter, and the trainer's provenance records it.
 */
package io.github.umdf.tribuo.output;
