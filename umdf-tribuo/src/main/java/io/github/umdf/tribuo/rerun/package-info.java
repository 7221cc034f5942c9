/**
 * Retraining a model from its provenance alone ({@link io.github.umdf.tribuo.rerun.ModelRerun}): the
 * trainer, the seed and the data source are rebuilt from the model's provenance, the data file's
 * SHA-256 is checked, and every prediction of the new model is compared bit for bit with the old
 * one's ({@link io.github.umdf.tribuo.rerun.RerunReport}). The library side of
 * {@code umdf provenance rerun}.
 */
package io.github.umdf.tribuo.rerun;
