package io.github.umdf.tools.protocol;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelRegistry;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Resolves the models of an experiment from registry names, a base configuration file and
 * per-model configuration files. A model takes, in this order of preference: its own file
 * ({@code name=FILE}); the base file, when the base file configures the same kind of network (an
 * ablation applies its change to the user's UMDF settings, the complete-data control its training
 * regime); the registry's defaults for the paper data set.
 */
public final class ExperimentModels {
    /** Separates a registered model's name from a variant's label in a row name. */
    public static final char VARIANT_SEPARATOR = '@';
    private static final Pattern VARIANT = Pattern.compile("[A-Za-z0-9._-]+");

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
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException("model '" + n + "' is listed twice in " + names + ": every row needs its own name "
                        + "(a variant of a registered model is named MODEL@VARIANT)");
            }
        }
        List<ExperimentPlan.Entry> out = new ArrayList<>();
        for (String name : names) {
            String registered = registeredName(name);
            ModelFamily family = ModelRegistry.get(registered);
            ExperimentPlan.Entry e;
            if (!registered.equals(name) && !perModel.containsKey(name)) {
                throw new IllegalArgumentException("model '" + name + "' is a variant of '" + registered + "': give its configuration with "
                        + "--model-config " + name + "=FILE (without one it would be '" + registered + "' again)");
            }
            if (perModel.containsKey(name)) {
                ModelConfigFile f = ModelConfigFile.read(perModel.get(name));
                Class<?> expected = family.defaultSpec(paper).getClass();
                if (!f.model().getClass().equals(expected)) {
                    throw new IllegalArgumentException(perModel.get(name) + " configures a " + f.model().getClass().getSimpleName()
                            + " ('" + f.model().family() + "'), but model '" + name + "' takes a " + expected.getSimpleName());
                }
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

    /**
     * The registered model a row name refers to: the name itself, or for a variant
     * {@code MODEL@VARIANT} the part before {@code @}.
     *
     * @throws IllegalArgumentException for a malformed variant name
     */
    public static String registeredName(String row) {
        int at = row.indexOf(VARIANT_SEPARATOR);
        if (at < 0) {
            return row;
        }
        String variant = row.substring(at + 1);
        if (at == 0 || !VARIANT.matcher(variant).matches()) {
            throw new IllegalArgumentException("model row '" + row + "': expected MODEL@VARIANT with a registered MODEL and a VARIANT of "
                    + "letters, digits, '.', '_' or '-' (for example umdf@l1)");
        }
        return row.substring(0, at);
    }
}
