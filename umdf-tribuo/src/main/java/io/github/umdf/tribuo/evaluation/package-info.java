/**
 * The paper's missing-modality evaluation protocol as a library, in the manner of Tribuo's own
 * {@code evaluation} packages (SPEC section 4).
 *
 * <p>{@link io.github.umdf.tribuo.evaluation.MissingModalityEvaluator} evaluates a trained
 * {@link io.github.umdf.tribuo.MultimodalModel} on Tribuo test examples under
 * {@link io.github.umdf.tribuo.evaluation.EvaluationCondition}s: the seven modality subsets of the
 * inter-modality table and the frame missing rates of the intra-modality sweep
 * ({@link io.github.umdf.tribuo.evaluation.ProtocolKind}, {@link io.github.umdf.tribuo.evaluation.RateRange}).
 * The masks are a pure function of (seed, condition, rate, sample id), so every model evaluated with
 * one seed sees the same masks. The result holds per condition a
 * {@link io.github.umdf.tribuo.evaluation.ResultRecord} with the paper's metrics (package
 * {@code metrics}), the rows of {@code PRED.csv} ({@link io.github.umdf.tribuo.evaluation.PredictionRow},
 * {@link io.github.umdf.tribuo.evaluation.PredictionCsv}) and Tribuo predictions for Tribuo's evaluators.
 * {@link io.github.umdf.tribuo.evaluation.ResultsJson} reads and writes {@code RESULTS.json}.
 *
 * <p>{@link io.github.umdf.tribuo.evaluation.ProtocolEvaluator} is the same engine on samples and a
 * {@link io.github.umdf.tribuo.evaluation.Predictor} (a Tribuo model or a bare network session); the
 * command line's {@code evaluate} and {@code experiment} call it, so their {@code RESULTS.json} equals
 * what this package returns for the same model, data and seed.
 */
package io.github.umdf.tribuo.evaluation;
