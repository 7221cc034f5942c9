package io.github.umdf.tools.protocol;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelRegistry;
import io.github.umdf.nn.model.ModelSpec;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A configuration file of {@code configs/}: an OLCUT XML file with a component named {@code model}
 * (a {@link ModelSpec}: UMDF, an ablation or a baseline) and optionally one named {@code training}
 * (a {@link TrainingConfig}); when it has no training component the model family's defaults for the
 * paper data set apply. Unknown properties are errors (OLCUT).
 */
public final class ModelConfigFile {
    /** Name of the model component. */
    public static final String MODEL = "model";
    /** Name of the training component. */
    public static final String TRAINING = "training";

    private final Path file;
    private final ModelSpec model;
    private final TrainingConfig training;

    private ModelConfigFile(Path file, ModelSpec model, TrainingConfig training) {
        this.file = file;
        this.model = model;
        this.training = training;
    }

    /** Reads a configuration file. */
    public static ModelConfigFile read(Path file) throws NoSuchFileException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such configuration file");
        }
        ConfigurationManager cm = new ConfigurationManager(file.toString());
        try {
            if (!cm.getComponentNames().contains(MODEL)) {
                throw new IllegalArgumentException(file + ": expected a component named 'model' (a ModelSpec such as "
                        + "io.github.umdf.nn.umdf.UmdfConfig), found components " + cm.getComponentNames());
            }
            Object m = cm.lookup(MODEL);
            if (!(m instanceof ModelSpec)) {
                throw new IllegalArgumentException(file + ": component 'model' must be a ModelSpec, found " + m.getClass().getName());
            }
            TrainingConfig t = null;
            if (cm.getComponentNames().contains(TRAINING)) {
                Object o = cm.lookup(TRAINING);
                if (!(o instanceof TrainingConfig)) {
                    throw new IllegalArgumentException(file + ": component 'training' must be a TrainingConfig, found " + o.getClass().getName());
                }
                t = (TrainingConfig) o;
            }
            return new ModelConfigFile(file, (ModelSpec) m, t);
        } finally {
            cm.close();
        }
    }

    /** The configuration of a registered model for a paper data set, as a file would give it. */
    public static ModelConfigFile ofFamily(String name, PaperDataset dataset) {
        ModelFamily f = ModelRegistry.get(name);
        return new ModelConfigFile(null, f.defaultSpec(dataset), f.defaultTraining(dataset));
    }

    /** The file, or empty for a registry default. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public ModelSpec model() {
        return model;
    }

    /** The training settings: the file's, else the model family's defaults for the data set. */
    public TrainingConfig training(PaperDataset dataset) {
        return training != null ? training : ModelRegistry.get(model.family()).defaultTraining(dataset);
    }

    /** Whether the file sets the training component itself. */
    public boolean hasTraining() {
        return training != null;
    }
}
