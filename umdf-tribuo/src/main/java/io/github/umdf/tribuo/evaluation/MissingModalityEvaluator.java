package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.tribuo.MultimodalExample;
import io.github.umdf.tribuo.MultimodalModel;
import org.tribuo.Example;
import org.tribuo.Output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The paper's missing-modality protocol for a trained {@link MultimodalModel} on a Tribuo test set,
 * as Tribuo's own evaluators work: a model and examples in, an evaluation out.
 *
 * <pre>{@code
 * MissingModalityEvaluator evaluator = new MissingModalityEvaluator(1);       // the evaluation seed: the masks
 * MissingModalityEvaluation<Regressor> ev = evaluator.evaluate(model, test,
 *         ProtocolKind.ALL.conditions(model.schema().modalities(), RateRange.parse(RateRange.PAPER)));
 * ev.record(ModalitySubset.parse("l"), 0.0).metric("mae");                    // {l}: language only
 * ev.predictions(new EvaluationCondition(ModalitySubset.parse("lav"), 0.5));   // Tribuo predictions at p = 0.5
 * }</pre>
 *
 * <p>Every condition keeps a subset of the modalities and drops frames of the kept ones at a rate
 * (SPEC section 4). The masks are a pure function of (seed, condition, rate, sample id)
 * ({@link io.github.umdf.nn.missing.EvaluationMasks}): every model evaluated with the same seed sees
 * the same masks, in this library and in the command line ({@code umdf evaluate}, {@code umdf experiment}),
 * which run the same code and write the same records to {@code RESULTS.json}.
 */
public final class MissingModalityEvaluator {
    private final long seed;
    private final String modelName;

    /**
     * An evaluator whose records name the model by its registry family ({@code umdf}, {@code mctn}, ...).
     *
     * @param seed the evaluation seed (the masks), recorded in every record
     */
    public MissingModalityEvaluator(long seed) {
        this(seed, null);
    }

    /**
     * @param seed      the evaluation seed (the masks), recorded in every record
     * @param modelName the model's name in the records, or null for its registry family
     */
    public MissingModalityEvaluator(long seed, String modelName) {
        if (modelName != null && modelName.isBlank()) {
            throw new IllegalArgumentException("Expected a model name or null, found a blank name");
        }
        this.seed = seed;
        this.modelName = modelName;
    }

    /** The evaluation seed. */
    public long seed() {
        return seed;
    }

    /**
     * Evaluates {@code model} on {@code test} under each condition, in order.
     *
     * @param test       the test examples, each a {@link MultimodalExample} (a {@link org.tribuo.Dataset} or a
     *                   {@link org.tribuo.DataSource} of them, say); their data set name is the records' data set
     * @param conditions the conditions, e.g. {@link ProtocolKind#conditions}
     * @throws IllegalArgumentException when an example is not multimodal, the examples come from several
     *                                  data sets, or there are no examples or conditions
     */
    public <T extends Output<T>> MissingModalityEvaluation<T> evaluate(MultimodalModel<T> model, Iterable<? extends Example<T>> test,
                                                                       List<EvaluationCondition> conditions) {
        Objects.requireNonNull(model, "model");
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("Expected at least one evaluation condition, found none");
        }
        List<Example<T>> examples = new ArrayList<>();
        List<MultimodalSample> samples = new ArrayList<>();
        String dataset = null;
        int i = 0;
        for (Example<T> e : test) {
            if (!(e instanceof MultimodalExample)) {
                throw new IllegalArgumentException("Test example " + i + " is a " + e.getClass().getSimpleName()
                        + ", expected a MultimodalExample (from MultimodalDataSource or built around a MultimodalSample)");
            }
            MultimodalExample<T> m = (MultimodalExample<T>) e;
            if (dataset == null) {
                dataset = m.datasetName();
            } else if (!dataset.equals(m.datasetName())) {
                throw new IllegalArgumentException("Test example " + i + " comes from data set '" + m.datasetName()
                        + "', the earlier ones from '" + dataset + "': evaluate one data set at a time");
            }
            examples.add(e);
            samples.add(m.sample());
            i++;
        }
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("Expected test examples, found none");
        }
        String name = modelName != null ? modelName : model.spec().family();
        Map<EvaluationCondition, float[][]> raw = new LinkedHashMap<>();
        ProtocolEvaluator.Evaluation ev = ProtocolEvaluator.evaluate(new ModelPredictor(model, model.schema()), samples, conditions,
                seed, name, dataset, raw::put);
        return new MissingModalityEvaluation<>(model, examples, conditions, ev.records(), ev.rows(), raw);
    }
}
