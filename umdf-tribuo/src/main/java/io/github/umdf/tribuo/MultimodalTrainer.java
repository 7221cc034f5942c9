package io.github.umdf.tribuo;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.LongProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.ops.Engines;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.train.TrainingLoop;
import io.github.umdf.nn.train.TrainingResult;
import io.github.umdf.nn.umdf.UmdfConfig;
import io.github.umdf.tribuo.output.OutputAdapter;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SkeletalTrainerProvenance;
import org.tribuo.provenance.TrainerProvenance;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains any registered network (UMDF, its ablations, the baselines) on a Tribuo {@link Dataset}
 * of {@link MultimodalExample}s through the one {@link TrainingLoop}, and returns a
 * {@link MultimodalModel}. One generic class serves regression, single-label and multi-label
 * outputs; the {@link OutputAdapter} chooses.
 *
 * <p>Validation data drives model selection and early stopping. {@link #train(Dataset, Dataset, Map)}
 * takes it explicitly (a data file's valid split); {@link #train(Dataset, Map)} holds out a
 * deterministic fraction {@code validationFraction} of the training examples, drawn from the
 * invocation's random stream.
 *
 * <p>The network's schema is derived from the examples: the modalities present in any example,
 * each with the one shape every example having it must have (an error names the first example
 * that differs), and the output names in the id order of the training data's output domain.
 *
 * <p>Randomness follows Tribuo: a {@link SplittableRandom} seeded with {@code seed}; each call of
 * {@code train} splits it, captures the trainer provenance and increments the invocation count in
 * one synchronized block, so invocation {@code k} always uses the same stream;
 * {@link #setInvocationCount} replays the splits. The stream gives the run's seed (parameter
 * initialisation, dropout, shuffling, missing views) and the hold-out draw.
 *
 * <p>Provenance: every hyper-parameter (the nested network specification, training configuration
 * and missingness configuration through OLCUT), the seed, the invocation count, and the DJL
 * version, engine and device used ({@link MultimodalTrainerProvenance}). The model provenance holds
 * the training data set's provenance, and in its run provenance the validation data set's
 * provenance ({@value #VALIDATION_DATASET}) or the held-out fraction ({@value #VALIDATION_FRACTION}),
 * and the run's seed ({@value #TRAINING_SEED}).
 *
 * @param <T> the output type
 */
public final class MultimodalTrainer<T extends Output<T>> implements Trainer<T> {
    /** Run provenance key: the provenance of the validation data set given to {@link #train(Dataset, Dataset, Map)}. */
    public static final String VALIDATION_DATASET = "validation-dataset";
    /** Run provenance key: the fraction of the training data held out for validation by {@link #train(Dataset, Map)}. */
    public static final String VALIDATION_FRACTION = "validation-fraction";
    /** Run provenance key: the seed the training loop ran with (derived from {@code seed} and the invocation count). */
    public static final String TRAINING_SEED = "training-seed";
    /** Run provenance key: where validation data came from, {@value #GIVEN} or {@value #HELD_OUT}. */
    public static final String VALIDATION_SOURCE = "validation-source";
    /** {@value #VALIDATION_SOURCE} value of an explicit validation data set. */
    public static final String GIVEN = "given";
    /** {@value #VALIDATION_SOURCE} value of a fraction held out from the training data. */
    public static final String HELD_OUT = "held-out";

    @Config(description = "The network specification: UmdfConfig, an ablation's or a baseline's ModelSpec.")
    private ModelSpec model = new UmdfConfig();

    @Config(description = "Training settings of the one training loop (batch, learning rate, epochs, missingness, device).")
    private TrainingConfig training = new TrainingConfig();

    @Config(mandatory = true, description = "Converts the Tribuo output type to network targets and predictions: "
            + "RegressorAdapter, LabelAdapter or MultiLabelAdapter.")
    private OutputAdapter<T> adapter;

    @Config(description = "Seed of the trainer's random stream.")
    private long seed = Trainer.DEFAULT_SEED;

    @Config(description = "Fraction of the training data held out for validation when no validation data set is given, in (0, 1).")
    private double validationFraction = 0.1;

    private SplittableRandom rng;
    private int trainInvocationCounter = 0;
    private TrainingListener listener = TrainingListener.LOG;

    /** For OLCUT. */
    private MultimodalTrainer() {
    }

    /**
     * A trainer holding out 10% of the training data when no validation set is given.
     *
     * @param model    the network specification
     * @param training the training settings
     * @param adapter  the output adapter
     * @param seed     the seed of the trainer's random stream
     */
    public MultimodalTrainer(ModelSpec model, TrainingConfig training, OutputAdapter<T> adapter, long seed) {
        this(model, training, adapter, seed, 0.1);
    }

    /**
     * A trainer.
     *
     * @param model              the network specification
     * @param training           the training settings
     * @param adapter            the output adapter
     * @param seed               the seed of the trainer's random stream
     * @param validationFraction fraction of the training data held out for validation when none is given, in (0, 1)
     */
    public MultimodalTrainer(ModelSpec model, TrainingConfig training, OutputAdapter<T> adapter, long seed, double validationFraction) {
        this.model = Objects.requireNonNull(model, "model");
        this.training = Objects.requireNonNull(training, "training");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.seed = seed;
        this.validationFraction = validationFraction;
        String problem = problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public synchronized void postConfig() {
        String problem = problem();
        if (problem != null) {
            throw new PropertyException("", "validationFraction", problem);
        }
        this.rng = new SplittableRandom(seed);
    }

    private String problem() {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            return "validationFraction must be in (0, 1), found " + validationFraction;
        }
        if (model == null || training == null) {
            return "model and training must be set";
        }
        return null;
    }

    /** The network specification. */
    public ModelSpec model() {
        return model;
    }

    /** The training settings. */
    public TrainingConfig training() {
        return training;
    }

    /** The output adapter. */
    public OutputAdapter<T> adapter() {
        return adapter;
    }

    /** The seed of the trainer's random stream. */
    public long seed() {
        return seed;
    }

    /** Receives epoch summaries and progress (default: {@link TrainingListener#LOG}). */
    public synchronized void setListener(TrainingListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** What one invocation of {@code train} draws, captured atomically. */
    private static final class Invocation {
        final TrainerProvenance provenance;
        final long runSeed;
        final SplittableRandom holdOut;

        Invocation(TrainerProvenance provenance, long runSeed, SplittableRandom holdOut) {
            this.provenance = provenance;
            this.runSeed = runSeed;
            this.holdOut = holdOut;
        }
    }

    private Invocation nextInvocation() {
        synchronized (this) {
            SplittableRandom local = rng.split();
            TrainerProvenance provenance = getProvenance();
            trainInvocationCounter++;
            long runSeed = local.nextLong();
            return new Invocation(provenance, runSeed, local);
        }
    }

    /**
     * Trains on the examples, holding out {@code validationFraction} of them (at least one, drawn
     * from the invocation's stream) for validation.
     */
    @Override
    public MultimodalModel<T> train(Dataset<T> examples) {
        return train(examples, Collections.emptyMap());
    }

    /**
     * Trains on the examples, holding out {@code validationFraction} of them (at least one, drawn
     * from the invocation's stream) for validation.
     *
     * @param examples      the training data set of {@link MultimodalExample}s
     * @param runProvenance run-specific provenance (must not use this class's run provenance keys)
     */
    @Override
    public MultimodalModel<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        int n = examples.size();
        if (n < 2) {
            throw new IllegalArgumentException("Expected at least 2 training examples to hold out validation data from, found " + n
                    + (n == 0 ? " (the training data set is empty)" : ""));
        }
        Map<String, Provenance> run = runProvenance(runProvenance);
        Invocation inv = nextInvocation();
        int nValid = Math.min(n - 1, Math.max(1, (int) Math.round(validationFraction * n)));
        boolean[] held = new boolean[n];
        inv.holdOut.ints(0, n).distinct().limit(nValid).forEach(i -> held[i] = true);
        List<Example<T>> trainList = new ArrayList<>(n - nValid);
        List<Example<T>> validList = new ArrayList<>(nValid);
        for (int i = 0; i < n; i++) {
            (held[i] ? validList : trainList).add(examples.getExample(i));
        }
        run.put(VALIDATION_SOURCE, new StringProvenance(VALIDATION_SOURCE, HELD_OUT));
        run.put(VALIDATION_FRACTION, new DoubleProvenance(VALIDATION_FRACTION, validationFraction));
        return fit(examples, trainList, validList, inv, run);
    }

    /**
     * Trains on {@code train}, selecting the model and stopping early on {@code validation}.
     *
     * @param train         the training data set of {@link MultimodalExample}s
     * @param validation    the validation data set (its outputs must be in the training data's output domain)
     * @param runProvenance run-specific provenance (must not use this class's run provenance keys)
     */
    public MultimodalModel<T> train(Dataset<T> train, Dataset<T> validation, Map<String, Provenance> runProvenance) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("The training data set is empty");
        }
        if (validation.size() == 0) {
            throw new IllegalArgumentException("The validation data set is empty");
        }
        Map<String, Provenance> run = runProvenance(runProvenance);
        Invocation inv = nextInvocation();
        run.put(VALIDATION_SOURCE, new StringProvenance(VALIDATION_SOURCE, GIVEN));
        run.put(VALIDATION_DATASET, validation.getProvenance());
        return fit(train, list(train), list(validation), inv, run);
    }

    private static Map<String, Provenance> runProvenance(Map<String, Provenance> given) {
        for (String key : List.of(VALIDATION_DATASET, VALIDATION_FRACTION, VALIDATION_SOURCE, TRAINING_SEED)) {
            if (given.containsKey(key)) {
                throw new IllegalArgumentException("The run provenance key '" + key + "' is reserved by MultimodalTrainer");
            }
        }
        return new HashMap<>(given);
    }

    private static <T extends Output<T>> List<Example<T>> list(Dataset<T> dataset) {
        List<Example<T>> out = new ArrayList<>(dataset.size());
        dataset.forEach(out::add);
        return out;
    }

    private MultimodalModel<T> fit(Dataset<T> dataset, List<Example<T>> trainList, List<Example<T>> validList, Invocation inv,
                                   Map<String, Provenance> run) {
        ImmutableOutputInfo<T> info = dataset.getOutputIDInfo();
        DatasetSchema schema = ExampleSamples.schema(trainList, validList, adapter.task(), adapter.outputNames(info));
        List<MultimodalSample> trainSamples = ExampleSamples.samples(trainList, info, adapter, "training");
        List<MultimodalSample> validSamples = ExampleSamples.samples(validList, info, adapter, "validation");
        TrainingListener l;
        synchronized (this) {
            l = listener;
        }
        TrainingResult result = new TrainingLoop(model, training, l).train(schema, trainSamples, validSamples, inv.runSeed);
        byte[] parameters;
        try (NetworkSession network = result.network()) {
            parameters = network.parameterBytes();
        }
        run.put(TRAINING_SEED, new LongProvenance(TRAINING_SEED, inv.runSeed));
        ModelProvenance provenance = new ModelProvenance(MultimodalModel.class.getName(), OffsetDateTime.now(), dataset.getProvenance(),
                inv.provenance, run);
        return new MultimodalModel<>(model.family() + "-" + schema.name(), provenance, dataset.getFeatureIDMap(), info, model, schema,
                parameters, adapter, TrainingSummary.of(result, trainSamples.size(), validSamples.size()));
    }

    @Override
    public synchronized int getInvocationCount() {
        return trainInvocationCounter;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        if (invocationCount < 0) {
            throw new IllegalArgumentException("The invocation count must be non-negative, found " + invocationCount);
        }
        rng = new SplittableRandom(seed);
        for (int i = 0; i < invocationCount; i++) {
            rng.split();
        }
        trainInvocationCounter = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new MultimodalTrainerProvenance(this);
    }

    @Override
    public String toString() {
        return "MultimodalTrainer(model=" + model + ", training=" + training + ", adapter=" + adapter + ", seed=" + seed
                + ", validationFraction=" + validationFraction + ")";
    }

    /**
     * Provenance of a {@link MultimodalTrainer}: its configuration (with the nested network,
     * training and missingness configurations), the invocation count, and the DJL version, engine
     * name and version, and device of the run.
     */
    public static final class MultimodalTrainerProvenance extends SkeletalTrainerProvenance {
        private static final long serialVersionUID = 1L;

        /** The DJL version. */
        public static final String DJL_VERSION = "djl-version";
        /** The deep-learning engine's name ({@code PyTorch}). */
        public static final String ENGINE_NAME = "engine-name";
        /** The engine's version. */
        public static final String ENGINE_VERSION = "engine-version";
        /** The device training ran on ({@code cpu()}, {@code gpu(0)}). */
        public static final String DEVICE = "device";

        private final StringProvenance djlVersion;
        private final StringProvenance engineName;
        private final StringProvenance engineVersion;
        private final StringProvenance device;

        <T extends Output<T>> MultimodalTrainerProvenance(MultimodalTrainer<T> host) {
            super(host);
            Map<String, String> versions = Engines.versions();
            this.djlVersion = new StringProvenance(DJL_VERSION, versions.get("djl"));
            this.engineName = new StringProvenance(ENGINE_NAME, versions.get("engine"));
            this.engineVersion = new StringProvenance(ENGINE_VERSION, versions.get("engineVersion"));
            this.device = new StringProvenance(DEVICE, host.training.device().resolve().toString());
        }

        /**
         * Deserialization constructor.
         *
         * @param map the provenances
         */
        public MultimodalTrainerProvenance(Map<String, Provenance> map) {
            this(extractInfo(map));
        }

        private MultimodalTrainerProvenance(ExtractedInfo info) {
            super(info);
            this.djlVersion = (StringProvenance) info.instanceValues.get(DJL_VERSION);
            this.engineName = (StringProvenance) info.instanceValues.get(ENGINE_NAME);
            this.engineVersion = (StringProvenance) info.instanceValues.get(ENGINE_VERSION);
            this.device = (StringProvenance) info.instanceValues.get(DEVICE);
        }

        private static ExtractedInfo extractInfo(Map<String, Provenance> map) {
            ExtractedInfo info = SkeletalTrainerProvenance.extractProvenanceInfo(map);
            String name = MultimodalTrainerProvenance.class.getSimpleName();
            for (String key : List.of(DJL_VERSION, ENGINE_NAME, ENGINE_VERSION, DEVICE)) {
                info.instanceValues.put(key, ObjectProvenance.checkAndExtractProvenance(info.configuredParameters, key,
                        StringProvenance.class, name));
            }
            return info;
        }

        /** The DJL version of the run. */
        public String djlVersion() {
            return djlVersion.getValue();
        }

        /** The engine name of the run. */
        public String engineName() {
            return engineName.getValue();
        }

        /** The engine version of the run. */
        public String engineVersion() {
            return engineVersion.getValue();
        }

        /** The device of the run. */
        public String device() {
            return device.getValue();
        }

        @Override
        public Map<String, PrimitiveProvenance<?>> getInstanceValues() {
            Map<String, PrimitiveProvenance<?>> map = super.getInstanceValues();
            map.put(DJL_VERSION, djlVersion);
            map.put(ENGINE_NAME, engineName);
            map.put(ENGINE_VERSION, engineVersion);
            map.put(DEVICE, device);
            return map;
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (o == null || getClass() != o.getClass() || !super.equals(o)) {
                return false;
            }
            MultimodalTrainerProvenance p = (MultimodalTrainerProvenance) o;
            return djlVersion.equals(p.djlVersion) && engineName.equals(p.engineName) && engineVersion.equals(p.engineVersion)
                    && device.equals(p.device);
        }

        @Override
        public int hashCode() {
            return Objects.hash(super.hashCode(), djlVersion, engineName, engineVersion, device);
        }
    }
}
