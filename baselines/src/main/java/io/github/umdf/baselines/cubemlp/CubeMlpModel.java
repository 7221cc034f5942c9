package io.github.umdf.baselines.cubemlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineModel;
import io.github.umdf.baselines.Readout;
import io.github.umdf.baselines.WeightedLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.loss.TaskLoss;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.Initialization;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;

/**
 * CubeMLP (Sun, Wang, Lai, Hu and Hong, "CubeMLP: An MLP-based Model for Multimodal Sentiment
 * Analysis and Depression Estimation", ACM MM 2022), following kiva12138/CubeMLP at commit 49f75bd
 * ({@code Model.py}, {@code MLPProcess.py}, {@code Train.py}, {@code Parameters.py}, and the MOSI
 * command of {@code README.md}); the network is {@link CubeMlpNetwork}: unimodal features stacked
 * into a cube {@code (T, K, D)}, mixed by MLPs along time, modality and feature ({@link AxisMixer},
 * {@link CubeMixingBlock}), averaged over time and read out linearly. The objective is the task loss
 * alone: L1 for regression (the original's MAE), cross-entropy for single- and multi-label
 * classification ({@link TaskLoss#task}).
 *
 * <p>CubeMLP is a complete-modality method: it trains on complete data ({@link CubeMlpFamily#defaultTraining}),
 * as the UMDF paper compared it, and at test time missing modalities arrive as zeros; frames that
 * exist but were dropped are read as zero frames by the recurrences, padding is skipped.
 *
 * <p>Departures from the original:
 * <ul>
 *   <li>[adapt] no BERT: the text feature is {@code Linear(300 → 128)} without bias on the GloVe
 *       frames (the original: the same layer on BERT's 768-d token states, BERT fine-tuned from layer 9
 *       with a 100 times smaller learning rate);</li>
 *   <li>[adapt] the time axis is the data set's sequence length {@code T} (50 here) instead of the
 *       original's {@code time_len = 100}, to which it zero-pads every sequence, and the mixing sizes
 *       along time keep the original's fractions: {@code T → ceil(T/2) → ceil(T/10)}, 50 → 25 → 5
 *       ({@link CubeMlpConfig#timeSizes}); a network is built for one {@code T}, as the original is for
 *       its {@code time_len};</li>
 *   <li>[adapt] the modality axis has as many entries as the data set has modalities (3 in the
 *       original: a data set without vision gets a 2-entry axis, not a zero slice); audio and vision
 *       sequences of another length than the text (unaligned data) are resampled to it by masked
 *       adaptive average pooling after their recurrence (SPEC D3); the original aligns them to the BERT
 *       tokens by centred zero-padding;</li>
 *   <li>weights start as PyTorch's default for linear layers, {@code U(±1/√fan_in)}, GRU weights
 *       included ({@link Initialization#pytorchDefault}); the original's biases start the same way and
 *       its GRU weights as {@code U(±1/√H)} with orthogonal recurrent weights, here biases start at zero.
 *       (Glorot-uniform, the other baselines' start, left this network near the mean predictor in two of
 *       three seeds on the planted signal of {@code LearningTest}, PyTorch's in none);</li>
 *   <li>training: the one loop selects the epoch on the validation L1 loss, which is the original's
 *       selection criterion (validation MAE); the original's recipe (Adam 4e-3, batch 128, 70 epochs,
 *       {@code StepLR(60, 0.1)}, gradient values clipped at 1.0) is the family's default
 *       ({@code TrainingConfig.lrStepEpochs}, {@code gradClipValue}); MOSEI and IEMOCAP use the MOSI
 *       command's settings, the only ones published;</li>
 *   <li>classification tasks get one logit per class or label with cross-entropy (the original
 *       regresses sentiment; its classification mode uses the same classifier).</li>
 * </ul>
 */
public final class CubeMlpModel extends BaselineModel<CubeMlpConfig, CubeMlpNetwork> {
    /**
     * @param config the settings
     * @param schema the data set
     */
    public CubeMlpModel(CubeMlpConfig config, DatasetSchema schema) {
        super(config, schema, new CubeMlpNetwork(config, schema));
    }

    /** PyTorch's default, as the original initialises its layers: see {@link Initialization#pytorchDefault}. */
    @Override
    public void initialize(NDManager manager) {
        Initialization.pytorchDefault(network, schema, manager);
    }

    @Override
    public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training) {
        requireOneView(views, targets, "CubeMLP");
        Readout r = network.forward(ps, views, training);
        return new WeightedLoss().add("task", TaskLoss.task(schema.task(), spec.regressionLoss(), r.prediction, targets), 1.0)
                .terms(r.prediction);
    }

    @Override
    public NDArray predict(ParameterStore ps, ModalityInputs inputs) {
        return network.forward(ps, inputs, false).prediction;
    }

    /** The time-averaged cube with its modalities concatenated, {@code (N, K·D2)}: the classifier's input. */
    @Override
    public NDArray represent(ParameterStore ps, ModalityInputs inputs) {
        return network.forward(ps, inputs, false).representation;
    }
}
