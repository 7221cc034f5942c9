/**
 * Provenance tools: a model's provenance as an indented tree or as JSON
 * ({@link io.github.umdf.tribuo.provenance.ProvenanceFormats}), rebuilding configured objects from
 * provenance ({@link io.github.umdf.tribuo.provenance.ConfiguredObjects}), and rerunning a training
 * from a model's provenance alone with a bit-for-bit comparison of the predictions
 * ({@link io.github.umdf.tribuo.provenance.ModelRerun}).
 *
 * <p>These are the library side of the command line's {@code provenance show} and
 * {@code provenance rerun}: the command line parses arguments, calls these methods and prints.
 */
package io.github.umdf.tribuo.provenance;
