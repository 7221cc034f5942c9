/**
 * Tables of results: aggregation of the library's records
 * ({@link io.github.umdf.tribuo.evaluation.ResultRecord}) over seeds, the
 * paper's inter-modality table (Tables 1-3) and the rate-sweep table, paired significance tests,
 * and renderers to Markdown, CSV, JSON and LaTeX.
 *
 * <p>One table model, several renderers: {@link io.github.umdf.tools.report.ConditionTableBuilder}
 * and {@link io.github.umdf.tools.report.RateSweepTableBuilder} compute every number of a
 * {@link io.github.umdf.tools.report.ResultTable} (cells as mean and sample standard deviation
 * over seeds, with ddof = 1, plus the notes that state the conventions); the
 * {@link io.github.umdf.tools.report.TableWriter}s only lay it out.
 */
package io.github.umdf.tools.report;
