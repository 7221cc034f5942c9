package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.tribuo.MultimodalModel;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.Prediction;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link MissingModalityEvaluator#evaluate}: per condition a {@link ResultRecord} (the
 * paper's metrics, a line of {@code RESULTS.json}), the rows of {@code PRED.csv}, and Tribuo
 * {@link Prediction}s for Tribuo's own evaluators
 * ({@code new RegressionEvaluator().evaluate(model, ev.predictions(c), provenance)}).
 *
 * @param <T> the output type
 */
public final class MissingModalityEvaluation<T extends Output<T>> {
    private final MultimodalModel<T> model;
    private final List<Example<T>> examples;
    private final List<EvaluationCondition> conditions;
    private final List<ResultRecord> records;
    private final List<PredictionRow> rows;
    private final Map<EvaluationCondition, float[][]> raw;

    MissingModalityEvaluation(MultimodalModel<T> model, List<Example<T>> examples, List<EvaluationCondition> conditions,
                              List<ResultRecord> records, List<PredictionRow> rows, Map<EvaluationCondition, float[][]> raw) {
        this.model = model;
        this.examples = List.copyOf(examples);
        this.conditions = List.copyOf(conditions);
        this.records = Collections.unmodifiableList(records);
        this.rows = Collections.unmodifiableList(rows);
        this.raw = raw;
    }

    /** The conditions, in evaluation order. */
    public List<EvaluationCondition> conditions() {
        return conditions;
    }

    /** One record per condition, in condition order (write them with {@link ResultsJson#write}). */
    public List<ResultRecord> records() {
        return records;
    }

    /** Every test prediction under every condition (write them with {@link PredictionCsv#write}). */
    public List<PredictionRow> rows() {
        return rows;
    }

    /**
     * The record of one condition.
     *
     * @throws IllegalArgumentException naming the evaluated conditions when this one was not evaluated
     */
    public ResultRecord record(ModalitySubset subset, double rate) {
        int k = conditions.indexOf(new EvaluationCondition(subset, rate));
        if (k < 0) {
            throw new IllegalArgumentException("Condition " + new EvaluationCondition(subset, rate) + " was not evaluated; evaluated: "
                    + conditions);
        }
        return records.get(k);
    }

    /**
     * Tribuo predictions of the test examples under one condition, in example order.
     *
     * @throws IllegalArgumentException when the condition was not evaluated
     */
    public List<Prediction<T>> predictions(EvaluationCondition condition) {
        float[][] out = raw.get(condition);
        if (out == null) {
            throw new IllegalArgumentException("Condition " + condition + " was not evaluated; evaluated: " + conditions);
        }
        return model.predictions(out, examples);
    }
}
