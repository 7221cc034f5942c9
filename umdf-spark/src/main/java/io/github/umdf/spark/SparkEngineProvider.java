package io.github.umdf.spark;

import io.github.umdf.tools.protocol.EngineSettings;
import io.github.umdf.tools.protocol.ExperimentEngine;
import io.github.umdf.tools.protocol.ExperimentEngineProvider;
import io.github.umdf.tools.protocol.ExperimentEngines;

/** {@code --engine spark}: a {@link SparkEngine} on a context of its own, one PyTorch thread per run unless told otherwise. */
public final class SparkEngineProvider implements ExperimentEngineProvider {
    @Override
    public String name() {
        return ExperimentEngines.SPARK;
    }

    @Override
    public ExperimentEngine create(EngineSettings settings) {
        return SparkEngine.start(settings.master().orElse(null), settings.runThreads().orElse(1));
    }
}
