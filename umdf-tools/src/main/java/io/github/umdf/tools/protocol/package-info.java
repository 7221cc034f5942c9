/**
 * The paper's evaluation protocol as a library: test conditions and missing-rate sweeps, evaluation
 * with the shared masks ({@link io.github.umdf.tools.protocol.ProtocolEvaluator}), RESULTS.json records
 * and PRED.csv rows, training through Tribuo ({@link io.github.umdf.tools.protocol.TribuoRuns}),
 * resumable experiments over models and seeds ({@link io.github.umdf.tools.protocol.ExperimentRunner}),
 * the paper's tables and figures, and the demo.
 */
package io.github.umdf.tools.protocol;
