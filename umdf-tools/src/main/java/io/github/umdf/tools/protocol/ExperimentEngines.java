package io.github.umdf.tools.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The engines {@code --engine} can name: {@value SequentialEngine#NAME} (built in) and every
 * {@link ExperimentEngineProvider} on the class path ({@code spark} when the {@code umdf-spark} jar
 * is there: {@code ./umdf} adds it for {@code --engine spark}).
 */
public final class ExperimentEngines {
    /** The name of the Spark engine, whose module may be absent. */
    public static final String SPARK = "spark";

    private ExperimentEngines() {
    }

    /** The names of the engines available here. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(List.of(SequentialEngine.NAME));
        ServiceLoader.load(ExperimentEngineProvider.class).forEach(p -> names.add(p.name()));
        return names;
    }

    /**
     * A new engine by name.
     *
     * @throws IllegalArgumentException for an unknown name, or a known engine whose module is not on the
     *                                  class path (saying how to get it there)
     */
    public static ExperimentEngine create(String name, EngineSettings settings) {
        if (SequentialEngine.NAME.equals(name)) {
            if (settings.master().isPresent()) {
                throw new IllegalArgumentException("--master applies to a distributed engine (--engine " + SPARK + "), not to --engine "
                        + SequentialEngine.NAME);
            }
            return new SequentialEngine(settings.listener(), settings.runThreads().orElse(0));
        }
        for (ExperimentEngineProvider p : ServiceLoader.load(ExperimentEngineProvider.class)) {
            if (p.name().equals(name)) {
                return p.create(settings);
            }
        }
        if (SPARK.equals(name)) {
            throw new IllegalArgumentException("--engine spark: the Spark engine is not on the class path. It lives in the module "
                    + "umdf-spark, which the plain command line leaves out: run ./umdf (it adds umdf-spark/target/umdf-spark.jar and "
                    + "umdf-spark/target/lib when --engine spark is given, building them if needed), or spark-submit "
                    + "umdf-spark/target/umdf-spark-submit.jar (see README, 'Campaigns on Spark')");
        }
        throw new IllegalArgumentException("--engine: expected one of " + names() + ", got '" + name + "'");
    }
}
