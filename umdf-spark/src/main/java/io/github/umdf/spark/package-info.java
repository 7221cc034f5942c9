/**
 * The Spark engine of {@code umdf experiment} and {@code umdf ablate} ({@code --engine spark}): each
 * (model, seed) run of an experiment is one Spark task, which trains and evaluates the run where it
 * lands and sends the run folder's content back to the driver; the driver writes the run folders and
 * the tables through the same {@link io.github.umdf.tools.protocol.ExperimentRunner} as the sequential
 * engine, so the files are the same. The command line finds the engine through
 * {@link io.github.umdf.tools.protocol.ExperimentEngineProvider} when this module's jar is on the class
 * path; nothing else in the project knows Spark.
 */
package io.github.umdf.spark;
