package io.github.umdf.baselines.smil;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineModel;
import io.github.umdf.baselines.WeightedLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.loss.TaskLoss;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.TrainingSet;
import io.github.umdf.nn.ops.Gradients;
import io.github.umdf.nn.ops.Scalars;
import io.github.umdf.nn.ops.SubstitutedParameters;
import io.github.umdf.nn.random.KeyedRandom;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SMIL (Ma, Ren, Zhao, Tulyakov, Wu and Peng, "SMIL: Multimodal Learning with Severely Missing
 * Modality", AAAI 2021), following the authors' PyTorch code mengmenm/SMIL at commit 0d0e827
 * ({@code train_missing_eval_missing.py}, {@code get_sound_mean_kmean.py}, {@code models/soundlenet5.py}
 * {@code SoundLenet5New}, {@code models/newencoder.py} {@code InferNetNew}, {@code models/loss.py}
 * {@code KDLossAlignTwo}), which covers avMNIST only (image always present, sound missing); the network
 * is {@link SmilNetwork}. One training step ({@link #lossAndGradients}):
 * <pre>
 *   inner (meta-train): L_tr(θ) = L_task(ŷ(views; θ, φ, ε), y)                        the batch as drawn
 *   θ' = θ − α ∇_θ L_tr(θ),  α = 1e-3 · 0.1^⌊step / 1000⌋                             second order (create_graph)
 *   outer (meta-val), on the batch's complete rows, at θ', without ε, for every proper non-empty subset S
 *   of the modalities kept (the others reconstructed from the centres):
 *     L_S = L_task(ŷ_S, y) + 0.01 MSE(x_clean, x_S) + 0.01 MSE(h_clean, h_S)
 *   L = L_tr(θ) + mean_S L_S,  back-propagated to θ (through θ') and to φ
 * </pre>
 * with {@code θ} the encoders, the fusion and the output layer, {@code φ} the reconstruction and
 * perturbation networks (the original's {@code InferNetNew}, not updated in the inner step), and
 * {@code x, h} the fused features and the fusion layer's output (the original's {@code f, f1}). The
 * task loss is L1 for regression ({@code regressionLoss}) and {@link TaskLoss#task cross-entropy} for
 * single- and multi-label classification (the original's). Before every epoch ({@link #beforeEpoch})
 * the centres of each modality are k-means ({@link KMeans}, K = 10, keyed by the run's seed, the epoch
 * and the modality) of that modality's features, computed by the current encoders on the training
 * samples that have it, with every frame; a modality that no training sample has is an error.
 * {@link #loss} is the same objective without the inner step ({@code θ' = θ}).
 *
 * <p>Generalisation to three modalities, any of which may be missing: each modality has its own
 * centres and reconstruction network, which reads the available features of all the other modalities
 * (zeros for those also missing); one perturbation network acts on the fused features and one on the
 * fusion layer's output, for rows missing any modality; a row with every modality takes the
 * original's complete path. The original's meta-val batch is complete data with the sound treated as
 * missing; here it is the complete rows of the training batch (about one in seven under the UMDF
 * training distribution; none: no outer term, no inner step), with every pattern of missing
 * modalities the protocol can produce (for three modalities, the six proper non-empty subsets kept)
 * averaged.
 *
 * <p>Departures from the original:
 * <ul>
 *   <li>[adapt] the encoders are ours (the original's are LeNet-5 and a sound CNN for avMNIST): an LSTM
 *       per modality over its observed frames, mean-pooled (as the other baselines' recurrent
 *       encoders, padding and dropped frames skipped), width 32; the centres and reconstructions live
 *       in that feature space;</li>
 *   <li>one stage instead of three: the original pre-trains the extractors and the fusion network on
 *       complete data, computes the centres once from the pre-trained (then frozen) sound extractor, and
 *       meta-trains with that extractor frozen. Here everything trains together from the start on the
 *       UMDF protocol's random missing views, the complete rows' task loss being part of the inner loss
 *       (where the original's pre-training put it), every modality's encoder trains, and the centres are
 *       recomputed before every epoch from the current encoders ({@code recomputeCentres = false}:
 *       once, before the first epoch);</li>
 *   <li>the meta-train and meta-val batches are the same training batch (its rows with and without
 *       missing modalities), not two batches drawn from disjoint subsets of the data;</li>
 *   <li>k-means is ours ({@link KMeans}: k-means++ seeding with one candidate per centre, 10 restarts,
 *       scikit-learn's tolerance and iteration limit), keyed by the run's seed (the original:
 *       {@code random_state=0}); fewer distinct points than centres repeat the points;</li>
 *   <li>one inner step only (the original's {@code inner_loop} default; more than one would need
 *       gradients with respect to the updated parameters, which DJL does not expose);</li>
 *   <li>the perturbation networks' unused variance heads ({@code fc11}, {@code fc21}) and the
 *       convolution-layer perturbations (not in the noise layers the original trains with) are left out;
 *       dropout is off by default, as it is in effect in the original (see {@link SmilConfig});</li>
 *   <li>[adapt] regression (L1) as well as classification; one optimiser (Adam, lr 1e-3, weight decay
 *       1e-4) for both parameter groups, as the original's two optimisers have the same settings; no
 *       step decay of the outer learning rate (the original's StepLR(5000) falls beyond our
 *       epochs);</li>
 *   <li>model selection on the validation loss of the one loop (the original selects on test).</li>
 * </ul>
 */
public final class SmilModel extends BaselineModel<SmilConfig, SmilNetwork> {
    /** Batch size of the feature pass before an epoch. */
    private static final int CENTRE_BATCH = 128;

    /**
     * @param config the settings
     * @param schema the data set, with at least two modalities
     */
    public SmilModel(SmilConfig config, DatasetSchema schema) {
        super(config, schema, new SmilNetwork(config, schema));
    }

    @Override
    public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training) {
        return objective(ps, views, targets, context, training, false);
    }

    /** The inner step, then the outer loss at the updated parameters, back-propagated. */
    @Override
    public LossTerms lossAndGradients(GradientCollector collector, ParameterStore ps, ModalityInputs views, NDArray targets,
                                      BatchContext context) {
        LossTerms terms = objective(ps, views, targets, context, true, true);
        collector.backward(terms.total());
        return terms;
    }

    private LossTerms objective(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training,
                                boolean innerStep) {
        requireOneView(views, targets, "SMIL");
        EnumMap<Modality, NDArray> presence = network.presence(views);
        SmilNetwork.Fused inner = network.fuse(ps, network.encode(ps, views, training), presence, training, training);
        NDArray metaTrain = TaskLoss.task(schema.task(), spec.regressionLoss(), inner.prediction(), targets);
        WeightedLoss objective = new WeightedLoss().add("task", metaTrain, 1.0);
        long[] complete = completeRows(presence);
        if (complete.length == 0) {
            NDArray zero = metaTrain.zerosLike();
            return objective.add("missingTask", zero, 1.0).add("fusedAlignment", zero, spec.fusedAlignmentWeight())
                    .add("hiddenAlignment", zero, spec.hiddenAlignmentWeight()).terms(inner.prediction());
        }
        ParameterStore outer = innerStep ? innerUpdate(ps, metaTrain, context.step()) : ps;
        boolean all = complete.length == views.size();
        NDArray rows = all ? null : targets.getManager().create(complete);
        metaValidation(objective, outer, all ? views : rows(views, rows), all ? targets : targets.get(new NDIndex("{}", rows)), training);
        return objective.terms(inner.prediction());
    }

    /** {@code θ' = θ − α ∇_θ L_tr}: a parameter store with the updated encoders, fusion and output layer. */
    private ParameterStore innerUpdate(ParameterStore ps, NDArray metaTrain, long step) {
        float alpha = (float) spec.innerLearningRate(step);
        if (alpha == 0f) {
            return ps;
        }
        List<Parameter> theta = network.innerParameters();
        List<NDArray> grads = Gradients.differentiable(metaTrain, theta, !spec.firstOrder());
        Map<Parameter, NDArray> updated = new LinkedHashMap<>();
        for (int i = 0; i < theta.size(); i++) {
            Parameter p = theta.get(i);
            NDArray value = ps.getValue(p, metaTrain.getDevice(), true);
            // -α g + θ: the result belongs to the step's manager (an operation on θ would leave it in the session's)
            updated.put(p, Scalars.mul(grads.get(i), -alpha).add(value));
        }
        return new SubstitutedParameters(ps, updated);
    }

    /** The meta-val terms on complete rows: every proper non-empty subset of modalities kept, the rest reconstructed. */
    private void metaValidation(WeightedLoss objective, ParameterStore ps, ModalityInputs complete, NDArray targets, boolean training) {
        List<Modality> modalities = network.modalities();
        EnumMap<Modality, NDArray> features = network.encode(ps, complete, training);
        NDArray ones = targets.getManager().ones(new ai.djl.ndarray.types.Shape(targets.getShape().get(0), 1));
        NDArray zeros = ones.zerosLike();
        EnumMap<Modality, NDArray> everything = new EnumMap<>(Modality.class);
        modalities.forEach(m -> everything.put(m, ones));
        SmilNetwork.Fused clean = network.fuse(ps, features, everything, false, training);
        NDArray task = null;
        NDArray fused = null;
        NDArray hidden = null;
        int patterns = (1 << modalities.size()) - 2;
        for (int kept = 1; kept <= patterns; kept++) {
            EnumMap<Modality, NDArray> presence = new EnumMap<>(Modality.class);
            for (int i = 0; i < modalities.size(); i++) {
                presence.put(modalities.get(i), (kept & (1 << i)) != 0 ? ones : zeros);
            }
            SmilNetwork.Fused noised = network.fuse(ps, features, presence, false, training);
            NDArray t = TaskLoss.task(schema.task(), spec.regressionLoss(), noised.prediction(), targets);
            NDArray f = clean.features().sub(noised.features()).square().mean();
            NDArray h = clean.hidden().sub(noised.hidden()).square().mean();
            task = task == null ? t : task.add(t);
            fused = fused == null ? f : fused.add(f);
            hidden = hidden == null ? h : hidden.add(h);
        }
        objective.add("missingTask", Scalars.div(task, patterns), 1.0)
                .add("fusedAlignment", Scalars.div(fused, patterns), spec.fusedAlignmentWeight())
                .add("hiddenAlignment", Scalars.div(hidden, patterns), spec.hiddenAlignmentWeight());
    }

    /** The rows where every modality has an observed frame. */
    private long[] completeRows(EnumMap<Modality, NDArray> presence) {
        NDArray all = null;
        for (NDArray p : presence.values()) {
            all = all == null ? p : all.mul(p);
        }
        float[] flags = all.toFloatArray();
        List<Long> rows = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            if (flags[i] > 0.5f) {
                rows.add((long) i);
            }
        }
        return rows.stream().mapToLong(Long::longValue).toArray();
    }

    /** The given rows of a batch. */
    private ModalityInputs rows(ModalityInputs in, NDArray rows) {
        NDIndex index = new NDIndex("{}", rows);
        EnumMap<Modality, NDArray> features = new EnumMap<>(Modality.class);
        EnumMap<Modality, NDArray> valid = new EnumMap<>(Modality.class);
        EnumMap<Modality, NDArray> observed = new EnumMap<>(Modality.class);
        for (Modality m : in.modalities()) {
            features.put(m, in.features(m).get(index));
            if (in.valid(m) != null) {
                valid.put(m, in.valid(m).get(index));
            }
            if (in.observed(m) != null) {
                observed.put(m, in.observed(m).get(index));
            }
        }
        return new ModalityInputs(features, valid, observed);
    }

    /**
     * The k-means centres of each modality's features on the complete training samples that have it,
     * before the first epoch and (by default) every later one.
     */
    @Override
    public void beforeEpoch(int epoch, TrainingSet train) {
        if (epoch > 0 && !spec.recomputeCentres()) {
            return;
        }
        EnumMap<Modality, List<float[]>> points = new EnumMap<>(Modality.class);
        network.modalities().forEach(m -> points.put(m, new ArrayList<>()));
        train.forEachBatch(CENTRE_BATCH, (ps, in, ids) -> {
            EnumMap<Modality, NDArray> features = network.encode(ps, in, false);
            EnumMap<Modality, NDArray> presence = network.presence(in);
            for (Modality m : network.modalities()) {
                float[] present = presence.get(m).toFloatArray();
                float[] flat = features.get(m).toFloatArray();
                int d = flat.length / present.length;
                for (int i = 0; i < present.length; i++) {
                    if (present[i] > 0.5f) {
                        float[] row = new float[d];
                        System.arraycopy(flat, i * d, row, 0, d);
                        points.get(m).add(row);
                    }
                }
            }
        });
        for (Modality m : network.modalities()) {
            List<float[]> rows = points.get(m);
            if (rows.isEmpty()) {
                throw new IllegalStateException("SMIL: none of the " + train.size() + " training samples has a " + m.key()
                        + " frame, so the k-means centres of the " + m.key() + " features cannot be computed; "
                        + "leave the modality out of the data set or give training samples that have it");
            }
            float[][] centres = KMeans.fit(rows.toArray(new float[0][]), spec.clusters(), spec.kmeansRestarts(), spec.kmeansIterations(),
                    spec.kmeansTolerance(), KeyedRandom.of("smil-centres", train.seed(), epoch, m.key()));
            network.reconstruction(m).setCentres(centres);
        }
    }

    private SmilNetwork.Fused evaluate(ParameterStore ps, ModalityInputs inputs) {
        return network.fuse(ps, network.encode(ps, inputs, false), network.presence(inputs), false, false);
    }

    /** Predictions, missing modalities reconstructed from the centres: {@code (N, out)}. */
    @Override
    public NDArray predict(ParameterStore ps, ModalityInputs inputs) {
        return evaluate(ps, inputs).prediction();
    }

    /** The fusion layer's output {@code h (N, fusionDim)}. */
    @Override
    public NDArray represent(ParameterStore ps, ModalityInputs inputs) {
        return evaluate(ps, inputs).hidden();
    }
}
