/**
 * Campaigns over the library's evaluation protocol ({@code io.github.umdf.tribuo.evaluation}):
 * training through Tribuo ({@link io.github.umdf.tools.protocol.TribuoRuns}), resumable experiments
 * over models and seeds with the same masks for every model
 * ({@link io.github.umdf.tools.protocol.ExperimentRunner}), the paper's tables and figures of a
 * campaign, data set summaries, and the demo.
 */
package io.github.umdf.tools.protocol;
