package io.github.umdf.tools.cli;

import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelGroup;
import io.github.umdf.nn.model.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code umdf ablate}: paper Table 3. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        header = "The four ablations of the paper's Table 3 next to UMDF.",
        description = {"The four ablations of the paper's Table 3 (without L_fea, without L_logits, without MCIM, without",
                "DFIM) next to UMDF, under the same seeds and masks: an experiment with those five models.",
                "--config sets UMDF's settings; every ablation applies its one change to them.",
                "The models are UMDF and every registered model of group 'ablation' (umdf models)."})
final class AblateCommand implements Callable<Integer> {
    /** The models of Table 3 from the registry: UMDF, then every registered ablation. */
    static List<String> models() {
        return ModelRegistry.inGroups(ModelGroup.UMDF, ModelGroup.ABLATION).stream().map(ModelFamily::name).toList();
    }

    @Mixin
    ExperimentOptions options;

    @Override
    public Integer call() throws Exception {
        return options.run(models());
    }
}
