package io.github.umdf.tools.protocol;

/**
 * An engine that lives in another module ({@code umdf-spark}), found through
 * {@link java.util.ServiceLoader} when its jar is on the class path, so that the command line and
 * the libraries carry none of its dependencies.
 */
public interface ExperimentEngineProvider {
    /** The name {@code --engine} takes. */
    String name();

    /** A new engine with the command line's settings. */
    ExperimentEngine create(EngineSettings settings);
}
