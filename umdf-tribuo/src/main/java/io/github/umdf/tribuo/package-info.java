/**
 * UMDF (Li, Yang et al., AAAI 2024) and every registered network as Tribuo trainers and models.
 *
 * <p>{@link io.github.umdf.tribuo.MultimodalExample} carries a whole multimodal sample (dense
 * per-modality sequences with validity) behind a few summary features;
 * {@link io.github.umdf.tribuo.MultimodalTrainer} trains a network specification
 * ({@link io.github.umdf.nn.model.ModelSpec}) with the one training loop of {@code umdf-nn} and
 * returns a {@link io.github.umdf.tribuo.MultimodalModel}, for {@link org.tribuo.regression.Regressor},
 * {@link org.tribuo.classification.Label} or {@link org.tribuo.multilabel.MultiLabel} outputs
 * through an {@link io.github.umdf.tribuo.output.OutputAdapter}.
 *
 * <p>The design follows Tribuo's TensorFlow interop ({@code TensorFlowTrainer},
 * {@code TensorFlowNativeModel}): the engine's native state is transient, the weights travel as
 * bytes inside the model, the trainer's provenance records every hyper-parameter, the seed, the
 * invocation count and the engine versions, so that a model can be rebuilt and retrained from its
 * provenance alone ({@link io.github.umdf.tribuo.rerun.ModelRerun}).
 */
package io.github.umdf.tribuo;
