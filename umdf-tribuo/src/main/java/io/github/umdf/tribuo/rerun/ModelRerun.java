package io.github.umdf.tribuo.rerun;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.io.DatasetReaders;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.MultimodalTrainer;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.data.MultimodalDataSource.MultimodalDataSourceProvenance;
import io.github.umdf.tribuo.data.MultimodalDataSources;
import io.github.umdf.tribuo.provenance.ConfiguredObjects;
import org.tribuo.Output;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Reruns a training from a model's provenance alone and checks that it reproduces the model.
 *
 * <ol>
 *   <li>The trainer is rebuilt from the recorded trainer provenance
 *       ({@link ConfiguredObjects#rebuild}: {@code ProvenanceUtil.extractConfiguration}, then a
 *       {@code ConfigurationManager}) and set to the recorded invocation count.</li>
 *   <li>The given data is identified by its SHA-256 (or, for generated data, its preset, seed and
 *       scale) and compared with the recorded training data source; a difference is an error when
 *       {@code requireSameData}, else a warning in the report.</li>
 *   <li>The trainer trains on the data's train split, with its valid split when the recorded run
 *       had an explicit validation set, else holding out the recorded fraction.</li>
 *   <li>Both models predict the test split (every valid frame observed); the report says whether
 *       every raw network output is identical and gives the largest absolute difference.</li>
 * </ol>
 *
 * On the same device with the same versions the outputs are identical: training holds the engine's
 * random lock and every draw comes from the recorded seed and invocation count.
 */
public final class ModelRerun {
    private static final Logger LOG = Logger.getLogger(ModelRerun.class.getName());
    private static final Set<String> TRAINER_KEYS = Set.of(MultimodalTrainer.VALIDATION_DATASET, MultimodalTrainer.VALIDATION_FRACTION,
            MultimodalTrainer.VALIDATION_SOURCE, MultimodalTrainer.TRAINING_SEED);

    private ModelRerun() {
    }

    /**
     * Reruns on a data file, read by {@link DatasetReaders} (a CSV file read with other than the
     * default reader settings: load it yourself and use {@link #rerun(MultimodalModel, MultimodalDataset, boolean)}).
     *
     * @param model           the model whose training to rerun
     * @param dataFile        the data file (its SHA-256 is checked against the recorded one)
     * @param requireSameData throw when the file is not the recorded file, instead of warning
     * @throws IllegalStateException when {@code requireSameData} and the file differs
     */
    public static RerunReport rerun(MultimodalModel<?> model, Path dataFile, boolean requireSameData) throws IOException {
        MultimodalDataSourceProvenance recorded = recordedSource(model.getProvenance());
        if ("synthetic".equals(recorded.format())) {
            throw new IllegalArgumentException("The model was trained on generated data (" + identity(recorded)
                    + "), not a file; rerun it without a data file");
        }
        return rerun(model, DatasetReaders.read(dataFile), requireSameData);
    }

    /**
     * Reruns a model trained on a synthetic preset, generating the recorded preset, seed and scale again.
     *
     * @throws IllegalArgumentException when the model was trained on a file
     */
    public static RerunReport rerun(MultimodalModel<?> model) {
        MultimodalDataSourceProvenance recorded = recordedSource(model.getProvenance());
        Map<String, String> p = recorded.parameters();
        if (!"synthetic".equals(recorded.format())) {
            throw new IllegalArgumentException("The model was trained on the " + recorded.format() + " file " + recorded.location()
                    + "; give that file to rerun it");
        }
        MultimodalDataset data = SyntheticPresets.generate(p.get("preset"), Long.parseLong(p.get("seed")), Double.parseDouble(p.get("scale")));
        return rerun(model, data, true);
    }

    /**
     * Reruns on an already loaded data set.
     *
     * @param model           the model whose training to rerun
     * @param data            the data (its origin identifies it)
     * @param requireSameData throw when the data is not the recorded data, instead of warning
     */
    public static RerunReport rerun(MultimodalModel<?> model, MultimodalDataset data, boolean requireSameData) {
        ModelProvenance provenance = model.getProvenance();
        MultimodalDataSourceProvenance recorded = recordedSource(provenance);
        List<String> warnings = new ArrayList<>();
        String recordedId = identity(recorded);
        String givenId = identity(data.origin());
        boolean sameData = recordedId.equals(givenId);
        if (!sameData) {
            String message = "The data differs from the recorded training data: recorded " + recordedId + " (" + recorded.location()
                    + "), given " + givenId + " (" + data.origin().location() + ")";
            if (requireSameData) {
                throw new IllegalStateException(message);
            }
            warnings.add(message);
            LOG.warning(message);
        } else if (!recorded.location().equals(data.origin().location())) {
            warnings.add("Same content, another location: recorded " + recorded.location() + ", given " + data.origin().location());
        }
        if (!recorded.format().equals(data.origin().format())) {
            warnings.add("The data was read as " + data.origin().format() + ", the recorded training data as " + recorded.format());
        }
        return retrain(model, trainer(provenance), data, sameData, recordedId, givenId, warnings);
    }

    /**
     * The trainer a model's provenance records, rebuilt and set to the recorded invocation count:
     * its next {@code train} call repeats the recorded one.
     */
    public static MultimodalTrainer<?> trainer(ModelProvenance provenance) {
        TrainerProvenance trainerProvenance = provenance.getTrainerProvenance();
        MultimodalTrainer<?> trainer = ConfiguredObjects.rebuild(trainerProvenance, MultimodalTrainer.class);
        IntProvenance count = (IntProvenance) trainerProvenance.getInstanceValues().get(TrainerProvenance.TRAIN_INVOCATION_COUNT);
        trainer.setInvocationCount(count.getValue());
        return trainer;
    }

    @SuppressWarnings("unchecked") // the rebuilt trainer's output type is checked against the model's
    private static <T extends Output<T>> RerunReport retrain(MultimodalModel<T> model, MultimodalTrainer<?> rebuilt, MultimodalDataset data,
                                                             boolean sameData, String recordedId, String givenId, List<String> warnings) {
        if (!rebuilt.adapter().outputType().equals(model.adapter().outputType())) {
            throw new IllegalStateException("The recorded trainer converts " + rebuilt.adapter().outputType().getSimpleName()
                    + " but the model predicts " + model.adapter().outputType().getSimpleName());
        }
        MultimodalTrainer<T> trainer = (MultimodalTrainer<T>) rebuilt;
        ModelProvenance provenance = model.getProvenance();
        Map<String, Provenance> recordedRun = new HashMap<>();
        for (Pair<String, ? extends Provenance> p : provenance.getInstanceProvenance()) {
            recordedRun.put(p.getA(), p.getB());
        }
        Map<String, Provenance> run = new HashMap<>(recordedRun);
        run.keySet().removeAll(TRAINER_KEYS);
        DataSplits<T> splits = MultimodalDataSources.of(data, trainer.adapter());
        Provenance source = recordedRun.get(MultimodalTrainer.VALIDATION_SOURCE);
        boolean given = source != null && MultimodalTrainer.GIVEN.equals(source.toString());
        Optional<MultimodalDataSourceProvenance> recordedValid = given ? find(recordedRun.get(MultimodalTrainer.VALIDATION_DATASET))
                : Optional.empty();
        if (recordedValid.isPresent() && !identity(recordedValid.get()).equals(givenId)) {
            warnings.add("The recorded validation data (" + identity(recordedValid.get()) + ", " + recordedValid.get().location()
                    + ") is not the given file; the rerun validates on the given file's valid split");
        }
        MultimodalModel<T> retrained = given
                ? trainer.train(splits.mutableDataset(SplitName.TRAIN), splits.mutableDataset(SplitName.VALID), run)
                : trainer.train(splits.mutableDataset(SplitName.TRAIN), run);

        boolean sameTrainer = retrained.getProvenance().getTrainerProvenance().equals(provenance.getTrainerProvenance());
        if (!sameTrainer) {
            warnings.add("The rebuilt trainer's provenance differs from the recorded one (configuration, invocation count, "
                    + "DJL or engine version, or device)");
        }
        Provenance seed = recordedRun.get(MultimodalTrainer.TRAINING_SEED);
        Provenance newSeed = retrained.getProvenance().getInstanceProvenance().getMap().get(MultimodalTrainer.TRAINING_SEED);
        if (seed != null && !seed.equals(newSeed)) {
            warnings.add("The run's seed differs: recorded " + seed + ", rerun " + newSeed);
        }

        SplitName split = SplitName.TEST;
        for (SplitName s : new SplitName[] {SplitName.TEST, SplitName.VALID, SplitName.TRAIN}) {
            if (!data.split(s).isEmpty()) {
                split = s;
                break;
            }
        }
        if (split != SplitName.TEST) {
            warnings.add("The data has no test samples; compared the " + split.key() + " split");
        }
        List<MultimodalSample> samples = data.split(split);
        float[][] before = model.rawOutputs(samples, BatchBuilder.completeMasks(samples));
        float[][] after = retrained.rawOutputs(samples, BatchBuilder.completeMasks(samples));
        int differing = 0;
        double max = 0;
        for (int i = 0; i < before.length; i++) {
            boolean differs = false;
            for (int k = 0; k < before[i].length; k++) {
                double d = Math.abs((double) before[i][k] - after[i][k]);
                max = Math.max(max, d);
                differs |= Float.floatToIntBits(before[i][k]) != Float.floatToIntBits(after[i][k]);
            }
            if (differs) {
                differing++;
            }
        }
        return new RerunReport(retrained, sameData, recordedId, givenId, sameTrainer, split, samples.size(), differing, max, warnings);
    }

    /**
     * The provenance of the data source the model's training data came from.
     *
     * @throws IllegalArgumentException when the training data did not come from a {@code MultimodalDataSource}
     */
    public static MultimodalDataSourceProvenance recordedSource(ModelProvenance provenance) {
        return find(provenance.getDatasetProvenance()).orElseThrow(() -> new IllegalArgumentException(
                "The model's training data did not come from a MultimodalDataSource, so its provenance names no data file; "
                        + "it cannot be rerun from provenance"));
    }

    private static Optional<MultimodalDataSourceProvenance> find(Provenance p) {
        if (p instanceof MultimodalDataSourceProvenance) {
            return Optional.of((MultimodalDataSourceProvenance) p);
        }
        Iterable<? extends Provenance> children;
        if (p instanceof ObjectProvenance) {
            List<Provenance> list = new ArrayList<>();
            ((ObjectProvenance) p).forEach(e -> list.add(e.getB()));
            children = list;
        } else if (p instanceof ListProvenance) {
            children = ((ListProvenance<?>) p).getList();
        } else if (p instanceof MapProvenance) {
            children = ((MapProvenance<?>) p).getMap().values();
        } else {
            return Optional.empty();
        }
        for (Provenance c : children) {
            Optional<MultimodalDataSourceProvenance> found = find(c);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String identity(MultimodalDataSourceProvenance p) {
        if (p.sha256().isPresent()) {
            return "sha256:" + p.sha256().get();
        }
        Map<String, String> params = p.parameters();
        return synthetic(params);
    }

    private static String identity(DataOrigin origin) {
        return origin.sha256().isEmpty() ? synthetic(origin.parameters()) : "sha256:" + origin.sha256();
    }

    private static String synthetic(Map<String, String> params) {
        return "synthetic:" + params.get("preset") + " seed=" + params.get("seed") + " scale=" + params.get("scale");
    }
}
