package io.github.umdf.tools.cli;

import ai.djl.Device;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.tools.protocol.ModelConfigFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code umdf params}: parameter counts per component. */
@Command(name = "params", mixinStandardHelpOptions = true,
        header = "Parameter counts per component of a network.",
        description = {"Print the number of parameters per component of a network built for a data set's shapes.",
                "Example: umdf params --model umdf --preset mosi-aligned"})
final class ParamsCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true)
    ModelChoice choice;

    static final class ModelChoice {
        @Option(names = "--model", paramLabel = "NAME", description = "A registered model (see 'umdf models'); default umdf.")
        String name;

        @Option(names = "--config", paramLabel = "FILE", description = "A configuration file with a 'model' component.")
        Path config;
    }

    @Mixin
    DataOptions data;

    @Override
    public Integer call() throws Exception {
        DatasetSchema schema = data.spec().schema();
        PaperDataset paper = data.paper(schema);
        ModelSpec spec = choice != null && choice.config != null ? ModelConfigFile.read(choice.config).model()
                : ModelConfigFile.ofFamily(choice != null && choice.name != null ? choice.name : "umdf", paper).model();
        try (NetworkSession s = NetworkSession.create(spec, schema, Device.cpu(), 1)) {
            Map<String, Long> counts = s.model().parameterCounts();
            System.out.printf(Locale.ROOT, "%s on %s %s%n", spec.family(), schema.name(), schema.shapes());
            long total = 0;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                System.out.printf(Locale.ROOT, "  %-32s %,12d%n", e.getKey(), e.getValue());
                total += e.getValue();
            }
            System.out.printf(Locale.ROOT, "  %-32s %,12d%n", "total", total);
        }
        return 0;
    }
}
