package io.github.umdf.nn.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import ai.djl.util.Pair;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.missing.TrainingViewSampler;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.ops.Engines;
import io.github.umdf.nn.random.KeyedRandom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The one training loop every model uses (UMDF, its ablations, every baseline).
 *
 * <p>Per epoch the training samples are shuffled by a stream keyed by (seed, epoch) and cut into
 * batches by the network ({@link io.github.umdf.nn.model.NetworkModel#batches}: consecutive runs of the
 * batch size unless the network keeps groups of samples together); each sample
 * gets {@link ModelSpec#viewsPerSample()} views from the {@link TrainingViewSampler} (a pure
 * function of seed, epoch and sample id); the views of a batch go through the network in one
 * batched forward pass; Adam updates the parameters after the gradients are clipped (their global
 * norm, or each element's value). After each epoch the validation loss is the task loss of the
 * model's predictions on fixed validation views (drawn once from the training missingness
 * distribution, keyed by the seed): it drives the learning-rate reduction on plateau (unless a fixed
 * step schedule replaces it), early stopping, and model selection (the parameters of the best epoch
 * are restored at the end). The test split is never seen here.
 *
 * <p>Every NDArray of a step lives in a sub-manager closed at the end of the step; only the
 * parameters and the optimizer state persist. Runs hold {@link Engines#RANDOM_LOCK}, so the same
 * seed gives the same numbers on the same device.
 */
public final class TrainingLoop {
    /** The epoch key of the fixed validation views. */
    public static final int VALIDATION_EPOCH = -1;

    private final ModelSpec spec;
    private final TrainingConfig config;
    private final TrainingListener listener;

    public TrainingLoop(ModelSpec spec, TrainingConfig config, TrainingListener listener) {
        this.spec = spec;
        this.config = config;
        this.listener = listener;
    }

    /**
     * The learning rate: a base rate the plateau schedule can change between epochs, times the
     * warm-up factor of the current step.
     */
    private static final class MutableRate implements ParameterTracker {
        private volatile float value;
        private volatile float warmup = 1f;

        MutableRate(float value) {
            this.value = value;
        }

        @Override
        public float getNewValue(String parameterId, int numUpdate) {
            return value * warmup;
        }
    }

    /**
     * The linear warm-up factor of a step: {@code min(1, (globalStep + 1) / warmupSteps)}, 1 when
     * warm-up is off.
     *
     * @param globalStep 0-based optimisation step
     */
    static float warmupFactor(long globalStep, int warmupSteps) {
        if (warmupSteps <= 0 || globalStep + 1 >= warmupSteps) {
            return 1f;
        }
        return (float) ((globalStep + 1) / (double) warmupSteps);
    }

    /**
     * Trains a new network.
     *
     * @param schema the data set's schema
     * @param train  training samples
     * @param valid  validation samples (model selection and early stopping only)
     * @param seed   the run's seed: parameter initialisation, dropout, shuffling and missing views
     */
    public TrainingResult train(DatasetSchema schema, List<MultimodalSample> train, List<MultimodalSample> valid, long seed) {
        if (train.isEmpty() || valid.isEmpty()) {
            throw new IllegalArgumentException("Training needs training and validation samples, got " + train.size() + " and " + valid.size());
        }
        Device device = config.device().resolve();
        Engines.RANDOM_LOCK.lock();
        try {
            NetworkSession session = NetworkSession.create(spec, schema, device, seed);
            try {
                return run(session, schema, train, valid, seed);
            } catch (RuntimeException | Error e) {
                session.close();
                throw e;
            }
        } finally {
            Engines.RANDOM_LOCK.unlock();
        }
    }

    private TrainingResult run(NetworkSession session, DatasetSchema schema, List<MultimodalSample> train,
                               List<MultimodalSample> valid, long seed) {
        Engines.seed(seed);
        Stepper stepper = new Stepper(session, config, spec.viewsPerSample(), seed);
        TrainingViewSampler sampler = stepper.sampler;
        List<SampleMask> validMasks = new ArrayList<>();
        for (MultimodalSample s : valid) {
            validMasks.add(sampler.views(seed, VALIDATION_EPOCH, s, 1)[0]);
        }

        List<EpochSummary> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        byte[] bestParameters = null;
        int sinceImprovement = 0;
        int sincePlateauCheck = 0;
        boolean stoppedEarly = false;
        long globalStep = 0;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            long start = System.nanoTime();
            long lastProgress = start;
            stepper.beforeEpoch(train, epoch - 1);
            int[] order = shuffled(train.size(), KeyedRandom.of("shuffle", seed, epoch));
            List<MultimodalSample> shuffled = new ArrayList<>(train.size());
            for (int i : order) {
                shuffled.add(train.get(i));
            }
            List<int[]> plan = BatchPlan.of(session.model(), ids(shuffled), config.batchSize());
            int batches = plan.size();
            Map<String, Double> sums = new LinkedHashMap<>();
            for (int bi = 0; bi < batches; bi++) {
                List<MultimodalSample> batch = BatchPlan.rows(shuffled, plan.get(bi));
                Map<String, Float> losses = stepper.step(batch, epoch - 1, globalStep++);
                losses.forEach((k, v) -> sums.merge(k, (double) v, Double::sum));
                long now = System.nanoTime();
                if ((now - lastProgress) / 1e9 >= config.progressSeconds() && bi + 1 < batches) {
                    listener.onProgress(epoch, bi + 1, batches, (now - start) / 1e9);
                    lastProgress = now;
                }
            }
            Map<String, Double> means = new LinkedHashMap<>();
            sums.forEach((k, v) -> means.put(k, v / batches));

            float[][] outputs = session.predict(valid, validMasks, Math.max(config.batchSize(), 64));
            double validLoss = ValidationScores.loss(schema.task(), spec.regressionLoss(), valid, outputs);
            double metric = ValidationScores.metric(schema.task(), valid, outputs);
            if (!Double.isFinite(validLoss)) {
                throw new IllegalStateException("Validation loss is " + validLoss + " at epoch " + epoch
                        + ": training diverged; lower the learning rate");
            }
            boolean improved = validLoss < best;
            if (improved) {
                best = validLoss;
                bestEpoch = epoch;
                bestParameters = session.parameterBytes();
                sinceImprovement = 0;
                sincePlateauCheck = 0;
            } else {
                sinceImprovement++;
                sincePlateauCheck++;
            }
            boolean decay = config.lrStepEpochs() > 0
                    ? epoch % config.lrStepEpochs() == 0 // StepLR: after epochs s, 2s, ... whatever the validation loss
                    : sincePlateauCheck >= config.lrPlateauPatience();
            if (decay) {
                stepper.learningRate(stepper.learningRate() * config.lrDecayFactor());
                sincePlateauCheck = 0;
            }
            EpochSummary summary = new EpochSummary(epoch, config.epochs(), means, validLoss,
                    ValidationScores.metricName(schema.task()), metric, stepper.learningRate(), (System.nanoTime() - start) / 1e9, improved);
            history.add(summary);
            listener.onEpoch(summary);
            if (config.earlyStoppingPatience() > 0 && sinceImprovement >= config.earlyStoppingPatience()) {
                stoppedEarly = true;
                break;
            }
        }
        session.loadParameters(bestParameters);
        return new TrainingResult(session, history, bestEpoch, best, stoppedEarly);
    }

    /**
     * One optimisation step after another on a network: draws the views of each sample, runs the
     * batched forward pass, back-propagates, clips the gradients ({@link #clip}) and lets Adam update
     * the parameters. Used by the training loop and by the benchmarks; every array of a step lives in a
     * sub-manager closed at the end of the step.
     */
    public static final class Stepper {
        private final NetworkSession session;
        private final TrainingConfig config;
        private final int views;
        private final long seed;
        private final TrainingViewSampler sampler;
        private final MutableRate rate;
        private final Optimizer optimizer;
        private final List<Parameter> parameters = new ArrayList<>();

        /**
         * @param session the network
         * @param config  batch size is ignored here; learning rate, clipping, weight decay and missingness apply
         * @param views   views per sample the network consumes
         * @param seed    the run's seed (missing views)
         */
        public Stepper(NetworkSession session, TrainingConfig config, int views, long seed) {
            this.session = session;
            this.config = config;
            this.views = views;
            this.seed = seed;
            this.sampler = new TrainingViewSampler(config.missingness());
            this.rate = new MutableRate((float) config.learningRate());
            this.optimizer = Adam.builder().optLearningRateTracker(rate).optWeightDecays((float) config.weightDecay()).build();
            for (Pair<String, Parameter> p : session.model().block().getParameters()) {
                if (p.getValue().requiresGradient()) {
                    parameters.add(p.getValue());
                }
            }
        }

        /** The current learning rate. */
        public double learningRate() {
            return rate.value;
        }

        /** Sets the learning rate of the following steps. */
        public void learningRate(double value) {
            rate.value = (float) value;
        }

        /**
         * Lets the network compute its training-data state before an epoch
         * ({@link io.github.umdf.nn.model.NetworkModel#beforeEpoch}), on complete-modality batches of
         * the training samples.
         *
         * @param train the training samples
         * @param epoch 0-based epoch about to start
         */
        public void beforeEpoch(List<MultimodalSample> train, int epoch) {
            session.model().beforeEpoch(epoch, new SessionTrainingSet(session, train, seed));
        }

        /**
         * One step on a batch.
         *
         * @param batch      the samples
         * @param epoch      0-based epoch (keys the missing views)
         * @param globalStep 0-based step
         * @return the loss parts, the total and the gradient norm before clipping
         */
        public Map<String, Float> step(List<MultimodalSample> batch, int epoch, long globalStep) {
            int b = batch.size();
            List<MultimodalSample> rows = new ArrayList<>(b * views);
            List<SampleMask> masks = new ArrayList<>(b * views);
            SampleMask[][] drawn = new SampleMask[b][];
            for (int i = 0; i < b; i++) {
                drawn[i] = sampler.views(seed, epoch, batch.get(i), views);
            }
            for (int v = 0; v < views; v++) {
                for (int i = 0; i < b; i++) {
                    rows.add(batch.get(i));
                    masks.add(drawn[i][v]);
                }
            }
            Map<String, Float> out = new LinkedHashMap<>();
            try (NDManager step = session.manager().newSubManager()) {
                ModalityInputs inputs = session.batchBuilder().inputs(step, rows, masks);
                NDArray targets = session.batchBuilder().targets(step, batch);
                ModalityInputs complete = session.model().needsCompleteInputs()
                        ? session.batchBuilder().inputs(step, batch, BatchBuilder.completeMasks(batch)) : null;
                BatchContext context = new BatchContext(ids(batch), epoch, globalStep, complete);
                LossTerms loss;
                try (GradientCollector collector = Engines.engine().newGradientCollector()) {
                    loss = session.model().lossAndGradients(collector, session.parameterStore(), inputs, targets, context);
                    out.put("total", loss.total().getFloat());
                    loss.parts().forEach((k, v) -> out.put(k, v.getFloat()));
                }
                List<NDArray> grads = new ArrayList<>(parameters.size());
                NDList squares = new NDList(parameters.size());
                for (Parameter p : parameters) {
                    NDArray g = p.getArray().getGradient();
                    g.attach(step); // the handle, not the tensor: closed with the step
                    grads.add(g);
                    squares.add(g.square().sum());
                }
                // one read from native memory per step rather than one per parameter
                double norm = Math.sqrt(NDArrays.stack(squares).toType(DataType.FLOAT64, false).sum().getDouble());
                if (!Double.isFinite(norm)) {
                    throw new IllegalStateException("Gradient norm is " + norm + " at epoch " + (epoch + 1) + ": training diverged (loss "
                            + out + "; non-finite gradients in " + nonFinite(parameters, grads) + ")");
                }
                clip(grads, norm, config);
                rate.warmup = warmupFactor(globalStep, config.warmupSteps());
                for (int i = 0; i < parameters.size(); i++) {
                    Parameter p = parameters.get(i);
                    optimizer.update(p.getId(), p.getArray(), grads.get(i));
                }
                out.put("gradNorm", (float) norm);
                session.model().afterStep(context, loss);
            }
            return out;
        }
    }

    /**
     * Clips the gradients the optimizer is about to apply: all scaled by one factor so that their
     * global norm is at most {@code gradClipNorm} (PyTorch's {@code clip_grad_norm_}, in place), or
     * every element clipped to {@code [-gradClipValue, gradClipValue]} ({@code clip_grad_value_}; the
     * entries of {@code grads} are replaced by clipped arrays in the same manager). At most one of the
     * two is set; neither leaves the gradients as they are. Outside autograd, so Java numbers are safe.
     *
     * @param grads the gradients, one per parameter
     * @param norm  their global norm
     */
    static void clip(List<NDArray> grads, double norm, TrainingConfig config) {
        if (config.gradClipNorm() > 0 && norm > config.gradClipNorm()) {
            float scale = (float) (config.gradClipNorm() / norm);
            for (NDArray g : grads) {
                g.muli(scale);
            }
        } else if (config.gradClipValue() > 0) {
            float v = (float) config.gradClipValue();
            grads.replaceAll(g -> g.clip(-v, v));
        }
    }

    /** The names of the parameters whose gradient holds NaN or infinity (at most five). */
    private static String nonFinite(List<Parameter> parameters, List<NDArray> grads) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < grads.size() && names.size() < 5; i++) {
            if (grads.get(i).isInfinite().logicalOr(grads.get(i).isNaN()).any().getBoolean()) {
                names.add(parameters.get(i).getName());
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static List<String> ids(List<MultimodalSample> samples) {
        List<String> ids = new ArrayList<>(samples.size());
        samples.forEach(s -> ids.add(s.id()));
        return ids;
    }

    private static int[] shuffled(int n, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
