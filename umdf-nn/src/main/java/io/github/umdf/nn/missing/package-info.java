/**
 * The missingness engine (SPEC section 3), pure functions of explicit seeds: evaluation masks as a
 * function of (seed, condition, rate, sample id) ({@link io.github.umdf.nn.missing.EvaluationMasks}),
 * the two training views of UMDF's self-distillation ({@link io.github.umdf.nn.missing.TrainingViewSampler},
 * configured by {@link io.github.umdf.nn.missing.MissingnessConfig}), modality subsets (the paper's
 * seven test conditions) and per-sample masks. Nothing random lives in global state.
 */
package io.github.umdf.nn.missing;
