package io.github.umdf.tools.protocol;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelRegistry;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Resolves the models of an experiment from registry names, a base configuration file and
 * per-model configuration files. A model takes, in this order of preference: its own file
 * ({@code name=FILE}); the base file, when the base file configures the same kind of network (an
 * ablation applies its change to the user's UMDF settings, the complete-data control its training
 * regime); the registry's defaults for the paper data set.
 */
public final class ExperimentModels {
    private ExperimentModels() {
    }

    /**
     * @param names     registry names, in table order
     * @param base      a configuration file, or null
     * @param perModel  model name to its own configuration file
     * @param paper     the paper data set whose defaults apply
     * @param overrides changes to every model's training settings (epochs, batch size ...)
     */
    public static List<ExperimentPlan.Entry> resolve(List<String> names, Path base, Map<String, Path> perModel, PaperDataset paper,
                                                     UnaryOperator<TrainingConfig> overrides) throws NoSuchFileException {
        ModelConfigFile baseFile = base != null ? ModelConfigFile.read(base) : null;
        for (String n : perModel.keySet()) {
            if (!names.contains(n)) {
                throw new IllegalArgumentException("--model-config names '" + n + "', which is not among the models " + names);
            }
        }
        List<ExperimentPlan.Entry> out = new ArrayList<>();
        for (String name : names) {
            ModelFamily family = ModelRegistry.get(name);
            ExperimentPlan.Entry e;
            if (perModel.containsKey(name)) {
                ModelConfigFile f = ModelConfigFile.read(perModel.get(name));
                e = new ExperimentPlan.Entry(name, f.model(), f.hasTraining() ? f.training(paper) : family.defaultTraining(paper));
            } else if (baseFile != null && baseFile.model().getClass().equals(family.defaultSpec(paper).getClass())) {
                TrainingConfig t = baseFile.hasTraining() ? family.trainingFromBase(baseFile.training(paper)) : family.defaultTraining(paper);
                e = new ExperimentPlan.Entry(name, family.fromBase(baseFile.model(), paper), t);
            } else {
                e = new ExperimentPlan.Entry(name, family.defaultSpec(paper), family.defaultTraining(paper));
            }
            out.add(new ExperimentPlan.Entry(e.name(), e.spec(), overrides.apply(e.training())));
        }
        return out;
    }
}
