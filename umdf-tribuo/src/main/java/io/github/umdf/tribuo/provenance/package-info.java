/**
 * Provenance tools: a model's provenance as an indented tree or as JSON
 * ({@link io.github.umdf.tribuo.provenance.ProvenanceFormats}), rebuilding configured objects from
 * provenance ({@link io.github.umdf.tribuo.provenance.ConfiguredObjects}). It sits below the model
 * (whose protobuf codec uses it); rerunning a training from a model's provenance is in
 * {@code io.github.umdf.tribuo.rerun}, above the model and the data sources.
 *
 * <p>These are the library side of the command line's {@code provenance show}: the command line
 * parses arguments, calls these methods and prints.
 */
package io.github.umdf.tribuo.provenance;
