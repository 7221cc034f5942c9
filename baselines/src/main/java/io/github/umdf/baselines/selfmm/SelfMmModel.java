package io.github.umdf.baselines.selfmm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineModel;
import io.github.umdf.baselines.Readout;
import io.github.umdf.baselines.WeightedLoss;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.loss.TaskLoss;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Self-MM-style comparator after Self-MM (Yu, Xu, Yuan and Wu, "Learning Modality-Specific
 * Representations with Self-Supervised Multi-Task Learning for Multimodal Sentiment Analysis",
 * AAAI 2021), following thuiar/Self-MM at commit 1786283 and thuiar/MMSA at commit a94e65d
 * ({@code models/multiTask/SELF_MM.py}, {@code trains/multiTask/SELF_MM.py},
 * {@code config/config_regression.json}); the network is {@link SelfMmNetwork}. The objective for
 * regression:
 * <pre>
 *   L = mean|ŷ_M − y_M| + Σ_s mean(tanh(|y_s − y_M|) · |ŷ_s − y_s|)
 * </pre>
 * with {@code y_M} the true label and {@code y_s} the unimodal labels of the
 * {@link UnimodalLabelGenerator} (ULGM), which starts them at {@code y_M} and updates them after every
 * training batch from the second epoch on ({@link #afterStep}); the batch's detached features
 * {@code F_f, F_s} and targets travel there in {@link LossTerms#extras()}. The generator's state is
 * plain Java keyed by training sample id: validation and test samples never enter it, and it is not
 * part of the saved parameters (it only matters while training).
 *
 * <p>Self-MM is a complete-modality method: it trains on complete data
 * ({@link SelfMmFamily#defaultTraining}) and at test time missing modalities simply arrive as zeros.
 *
 * <p>Departures from the original:
 * <ul>
 *   <li>[adapt] no BERT: the text subnet is an LSTM over GloVe as MMSA's {@code TextSubNet}, widths
 *       from MMSA's LF-DNN MOSI settings (128, output 256) instead of BERT's 768;</li>
 *   <li>one learning rate for every parameter: the one training loop has a single Adam group, while the
 *       original uses groups (BERT 5e-5, audio 5e-3, vision 5e-3, others 1e-3, weight decay 1e-3); the
 *       "others" values apply to all;</li>
 *   <li>no gradient accumulation: the original accumulates 4 batches of 16 per optimizer step; the
 *       family trains on batches of 64 (what its optimizer sees), so the labels and centres are
 *       updated once per 64 samples instead of once per 16;</li>
 *   <li>recurrences skip padding for every modality (MMSA packs audio and vision only);</li>
 *   <li>ULGM is regression-specific: for single- and multi-label classification the unimodal heads
 *       are trained on the true labels with cross-entropy and weight 1 (the tanh weight of
 *       identical labels would be 0), and no labels are generated;</li>
 *   <li>a class centre without samples leaves the labels unchanged instead of turning them NaN;</li>
 *   <li>model selection on the validation loss of the one loop (MMSA: validation MAE of the fusion
 *       output, which is its loss too).</li>
 * </ul>
 */
public final class SelfMmModel extends BaselineModel<SelfMmConfig, SelfMmNetwork> {
    private static final String TARGETS = "targets";

    private final UnimodalLabelGenerator generator;

    /**
     * @param config the settings
     * @param schema the data set
     */
    public SelfMmModel(SelfMmConfig config, DatasetSchema schema) {
        super(config, schema, new SelfMmNetwork(config, schema));
        List<String> keys = new ArrayList<>();
        schema.modalities().forEach(m -> keys.add(m.key()));
        this.generator = schema.task() == Task.REGRESSION
                ? new UnimodalLabelGenerator(keys, schema.outputSize(), config.labelBound(), config.labelStartEpoch(), config.excludeZero())
                : null;
    }

    @Override
    public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training) {
        requireOneView(views, targets, "Self-MM");
        SelfMmNetwork.Outputs out = network.forward(ps, views, true, training);
        WeightedLoss objective = new WeightedLoss()
                .add("task", TaskLoss.task(schema.task(), spec.regressionLoss(), out.fusion.prediction, targets), 1.0);
        Map<String, NDArray> extras = new LinkedHashMap<>();
        extras.put(TARGETS, targets);
        extras.put(UnimodalLabelGenerator.FUSION, out.fusion.representation.stopGradient());
        for (Modality m : network.modalities()) {
            Readout r = out.unimodal.get(m);
            NDArray term = generator == null
                    ? TaskLoss.task(schema.task(), spec.regressionLoss(), r.prediction, targets)
                    : weightedUnimodalLoss(r.prediction, unimodalLabels(m, targets, context), targets);
            objective.add(m.key(), term, 1.0);
            extras.put(m.key(), r.representation.stopGradient());
        }
        return objective.terms(out.fusion.prediction, extras);
    }

    /** {@code mean(tanh(|y_s − y_M|) · e(ŷ_s − y_s))}, e the absolute (or squared) error. */
    private NDArray weightedUnimodalLoss(NDArray prediction, NDArray ys, NDArray ym) {
        NDArray weight = ys.sub(ym).abs().tanh();
        NDArray diff = prediction.sub(ys);
        NDArray error = spec.regressionLoss() == RegressionLoss.L1 ? diff.abs() : diff.square();
        return weight.mul(error).mean();
    }

    /** The batch's current labels {@code y_s (B, K)} of a modality, in the targets' manager. */
    private NDArray unimodalLabels(Modality m, NDArray targets, BatchContext context) {
        int b = (int) targets.getShape().get(0);
        int k = (int) targets.getShape().get(1);
        float[] ym = targets.toFloatArray();
        float[] ys = new float[b * k];
        List<String> ids = context.sampleIds();
        for (int i = 0; i < b; i++) {
            float[] own = new float[k];
            System.arraycopy(ym, i * k, own, 0, k);
            System.arraycopy(generator.label(m.key(), ids.get(i), own), 0, ys, i * k, k);
        }
        return targets.getManager().create(ys, new Shape(b, k));
    }

    /** ULGM: generates unimodal labels, stores the batch's features and recomputes the class centres. */
    @Override
    public void afterStep(BatchContext context, LossTerms terms) {
        if (generator == null) {
            return;
        }
        Map<String, float[][]> features = new LinkedHashMap<>();
        terms.extras().forEach((key, array) -> {
            if (!key.equals(TARGETS)) {
                features.put(key, rows(array));
            }
        });
        generator.update(context.epoch(), context.sampleIds(), rows(terms.extras().get(TARGETS)), features);
    }

    private static float[][] rows(NDArray a) {
        int n = (int) a.getShape().get(0);
        int d = (int) a.getShape().get(1);
        float[] flat = a.toFloatArray();
        float[][] out = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    /** The generated labels of a modality by training sample id (empty for classification tasks). */
    public Map<String, float[]> generatedLabels(Modality m) {
        return generator == null ? Map.of() : generator.labels(m.key());
    }

    @Override
    public NDArray predict(ParameterStore ps, ModalityInputs inputs) {
        return network.forward(ps, inputs, false, false).fusion.prediction;
    }

    /** The fusion feature {@code F_f (N, fusionDim)}. */
    @Override
    public NDArray represent(ParameterStore ps, ModalityInputs inputs) {
        return network.forward(ps, inputs, false, false).fusion.representation;
    }
}
