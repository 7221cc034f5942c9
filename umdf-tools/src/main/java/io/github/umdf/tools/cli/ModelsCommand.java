package io.github.umdf.tools.cli;

import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelRegistry;
import picocli.CommandLine.Command;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code umdf models}: the model registry. */
@Command(name = "models", mixinStandardHelpOptions = true,
        header = "List the registered models with their citations.",
        description = "List every registered model (UMDF, its ablations, the baselines) with its citation.")
final class ModelsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        for (ModelFamily f : ModelRegistry.all()) {
            System.out.printf(Locale.ROOT, "%-20s %-9s %s [%s]%n", f.name(), f.group().key(), f.description(), f.citation());
        }
        return 0;
    }
}
