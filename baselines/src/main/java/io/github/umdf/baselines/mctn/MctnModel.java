package io.github.umdf.baselines.mctn;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineModel;
import io.github.umdf.baselines.Readout;
import io.github.umdf.baselines.Sequences;
import io.github.umdf.baselines.WeightedLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.loss.TaskLoss;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;

import java.util.List;

/**
 * MCTN, the Multimodal Cyclic Translation Network (Pham, Liang, Manzini, Morency and Póczos,
 * "Found in Translation: Learning Robust Joint Representations by Cyclic Translations Between
 * Modalities", AAAI 2019), following the authors' Keras code hainow/MCTN at commit 5c03e35
 * ({@code seq2seq/mctn_models.py}, {@code seq2seq/cells.py}, {@code models/trimodals.py},
 * {@code models/regression_model.py}, {@code configs/hierarchical_mctn.yaml}); the network is
 * {@link MctnNetwork}. The objective:
 * <pre>
 *   L = 0.1 MSE(X̂_T1, X_T1) + 0.1 MSE(X̃_S, X_S) + 0.1 MSE(X̂_T2, X_T2) + 1.0 L_task(ŷ, y) + 0.01 ‖W_reg‖²
 * </pre>
 * with {@code X̂_T1 = D1(E1(X_S))}, {@code X̃_S = D1(E1(X̂_T1))} (the cycle, same weights),
 * {@code X̂_T2 = D2(E2(H1))} and {@code ŷ} predicted from {@code H2 = E2(E1(X_S))}. The task loss is
 * MAE for regression (the original's) and {@link TaskLoss#task cross-entropy} for single- and
 * multi-label classification; the L2 term is added to the loss exactly as Keras' {@code l2(0.01)}
 * kernel regulariser adds it (TrainingConfig's weight decay would reach every parameter).
 *
 * <p>As in the original, a prediction reads only the source (text): missing audio or vision cost
 * nothing at test time and a missing source is fatal (its zeros give a constant prediction). The
 * decoders are needed only by the training objective.
 *
 * <p>Departures from the original:
 * <ul>
 *   <li>[adapt] translation outputs are linear, not {@code tanh}: raw COVAREP/Facet features are not
 *       confined to [-1, 1];</li>
 *   <li>the decoder's attention is additive (Bahdanau) and depends on the decoder state; the Keras
 *       cell's linear score makes the state term cancel in its softmax (see {@link AttentionDecoder});
 *       its forget-gate typo is not copied;</li>
 *   <li>the decoders are fed the previous frame (ground truth while training, never at test time,
 *       when no decoder runs); the Keras cell is fed only the attention context
 *       ({@code inputFeeding = false} restores that);</li>
 *   <li>recurrences read only the frames that exist (padding skipped, as
 *       {@code pack_padded_sequence} would); the Keras code runs over padding. Attention and the
 *       head's softmax over time exclude padded steps;</li>
 *   <li>translation losses are averaged over the target's observed frames and its own features
 *       (the zero-padded feature columns of the shared width carry no loss; the cycle re-encodes the
 *       first target's columns only, padded again); {@code maskMissingTargets = false} also fits the
 *       zeros of dropped frames;</li>
 *   <li>a data set without one of the targets gets one level fewer; classification tasks get logits
 *       and cross-entropy;</li>
 *   <li>training: the UMDF protocol (one random missing view per sample per epoch, SPEC D7; model
 *       selection on validation; the original splits its training data 2:1 for validation).</li>
 * </ul>
 */
public final class MctnModel extends BaselineModel<MctnConfig, MctnNetwork> {
    /**
     * @param config the settings
     * @param schema the data set
     */
    public MctnModel(MctnConfig config, DatasetSchema schema) {
        super(config, schema, new MctnNetwork(config, schema));
    }

    @Override
    public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training) {
        requireOneView(views, targets, "MCTN");
        Modality source = network.source();
        NDArray xs = views.features(source);
        NDArray ms = views.valid(source);
        List<Modality> levels = network.targets();
        List<NDArray> h = network.encode(ps, xs, ms, levels.size(), training);
        Readout r = network.head().apply(ps, h.get(levels.size() - 1), ms, training);

        WeightedLoss objective = new WeightedLoss()
                .add("task", TaskLoss.task(schema.task(), spec.regressionLoss(), r.prediction, targets), spec.taskWeight());
        for (int k = 0; k < levels.size(); k++) {
            Modality target = levels.get(k);
            NDArray xt = views.features(target);
            int dt = schema.shape(target).dim();
            boolean cyclic = k == 0 && spec.cycle();
            NDArray teacher = teacher(xt, cyclic ? network.sharedDim() : dt, training);
            NDArray out = network.decode(k, ps, h.get(k), ms, schema.shape(target).length(), teacher, training);
            NDArray translation = Sequences.firstFeatures(out, dt); // (B, T_t, d_t)
            objective.add(k == 0 ? "translation" : "translation" + (k + 1),
                    Sequences.maskedReconstruction(translation, xt, targetMask(views, target), false),
                    k == 0 ? spec.translationWeight() : spec.secondTranslationWeight());
            if (cyclic) {
                NDArray reencoded = network.encode(ps, translation, views.valid(target), 1, training).get(0);
                NDArray back = network.decode(0, ps, reencoded, views.valid(target), schema.shape(source).length(),
                        teacher(xs, network.sharedDim(), training), training);
                objective.add("cycle", Sequences.maskedReconstruction(Sequences.firstFeatures(back, schema.shape(source).dim()), xs,
                        targetMask(views, source), false), spec.cycleWeight());
            }
        }
        if (spec.l2() > 0) {
            objective.add("l2", network.head().outputKernelPenalty(ps, targets, training), spec.l2());
        }
        return objective.terms(r.prediction);
    }

    /** Ground-truth frames for teacher forcing, padded to the decoder's width, or null when not fed. */
    private NDArray teacher(NDArray x, int width, boolean training) {
        return training && spec.inputFeeding() ? Sequences.padFeatures(x, width) : null;
    }

    private NDArray targetMask(ModalityInputs views, Modality m) {
        return spec.maskMissingTargets() ? views.observed(m) : views.valid(m);
    }

    private Readout head(ParameterStore ps, ModalityInputs inputs) {
        Modality source = network.source();
        NDArray ms = inputs.valid(source);
        List<NDArray> h = network.encode(ps, inputs.features(source), ms, network.targets().size(), false);
        return network.head().apply(ps, h.get(h.size() - 1), ms, false);
    }

    /** Predictions from the source alone: {@code (N, out)}. */
    @Override
    public NDArray predict(ParameterStore ps, ModalityInputs inputs) {
        return head(ps, inputs).prediction;
    }

    /** The attention-pooled summary of the last level's states {@code (N, regressionHiddenDim)}. */
    @Override
    public NDArray represent(ParameterStore ps, ModalityInputs inputs) {
        return head(ps, inputs).representation;
    }
}
