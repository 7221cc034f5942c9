package io.github.umdf.baselines.transm;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineModel;
import io.github.umdf.baselines.Sequences;
import io.github.umdf.baselines.WeightedLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.loss.TaskLoss;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;

/**
 * TransModality (Wang, Wang, Zhang, Liu, Zheng, Zhang and Xu, "TransModality: An End2End Fusion
 * Method with Transformer for Multimodal Sentiment Analysis", WWW 2020), following the third-party
 * copy of its Keras code hyeonJeongByeon/TransModality at commit d4384fa ({@code transmodality.py},
 * {@code keras_transformer/transformer.py}); the network is {@link TransmNetwork}. The objective:
 * <pre>
 *   L = 10 Σ_{m ∈ {v, a}} (MAE(X̂_m, X_m) + MAE(X̂_t, X_t)) + L_task(ŷ, y)
 * </pre>
 * each MAE averaged over features and over the target's frames that take part (the original weights
 * steps with its utterance mask); the task loss is L1 for regression and cross-entropy for single-
 * and multi-label classification ({@link TaskLoss#task}).
 *
 * <p>The forward decoders read the ground-truth target modality, so a prediction needs every
 * modality; a missing one arrives as zeros, and with {@code maskZeroFrames} (the original's
 * {@code Masking(mask_value=0)}) its frames are absent from the recurrences, attentions, losses and
 * pooling; padding always is.
 *
 * <p>Departures from the original:
 * <ul>
 *   <li>[adapt] the original is utterance-level, its sequence axis the utterances of a video, with a
 *       softmax per utterance; here the sequence axis is the word-aligned steps of one segment, so the
 *       fused sequence is mean-pooled over the steps that take part and a linear layer predicts;</li>
 *   <li>[adapt] translation outputs are linear (the original's ReLU cannot produce negative features);</li>
 *   <li>attention projections are linear ({@link io.github.umdf.nn.block.CrossmodalAttention}); the
 *       original's keras-multi-head applies ReLU to them;</li>
 *   <li>the GRU's recurrent dropout (0.5) is not available in DJL's fused GRU and is omitted; its input
 *       dropout is drawn per element rather than per sequence;</li>
 *   <li>a data set without vision or audio gets one pair fewer; classification tasks get logits and
 *       cross-entropy;</li>
 *   <li>training: the UMDF protocol (one random missing view per sample per epoch, SPEC D7; model
 *       selection on validation; the original validates on the test set, which is not copied).</li>
 * </ul>
 */
public final class TransmModel extends BaselineModel<TransmConfig, TransmNetwork> {
    /**
     * @param config the settings
     * @param schema the data set
     */
    public TransmModel(TransmConfig config, DatasetSchema schema) {
        super(config, schema, new TransmNetwork(config, schema));
    }

    @Override
    public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training) {
        requireOneView(views, targets, "TransM");
        TransmNetwork.Encoded e = network.encode(ps, views, training);
        NDArray prediction = network.predictFrom(ps, e.pooled, training);
        WeightedLoss objective = new WeightedLoss()
                .add("task", TaskLoss.task(schema.task(), spec.regressionLoss(), prediction, targets), spec.taskWeight());
        Modality text = TransmConfig.SOURCE;
        for (Modality m : network.targets()) {
            TranslationPair.Result r = e.pairs.get(m);
            objective.add("forward_" + m.key(), Sequences.maskedReconstruction(r.forwardTranslation, views.features(m), e.masks.get(m),
                    true), spec.translationWeight());
            objective.add("backward_" + m.key(), Sequences.maskedReconstruction(r.backwardTranslation, views.features(text),
                    e.masks.get(text), true), spec.translationWeight());
        }
        return objective.terms(prediction);
    }

    @Override
    public NDArray predict(ParameterStore ps, ModalityInputs inputs) {
        return network.predictFrom(ps, network.encode(ps, inputs, false).pooled, false);
    }

    /** The pooled fusion {@code (N, 100 · (2 pairs + modalities))}. */
    @Override
    public NDArray represent(ParameterStore ps, ModalityInputs inputs) {
        return network.encode(ps, inputs, false).pooled;
    }
}
