package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.missing.EvaluationMasks;
import io.github.umdf.nn.missing.SampleMask;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.logging.Logger;

/**
 * Evaluates a trained model on the test split under the protocol's conditions (SPEC section 4), on
 * samples and masks: the engine behind {@link MissingModalityEvaluator} (Tribuo models and data sets)
 * and the command line's {@code evaluate} and {@code experiment}.
 * Masks come from {@link EvaluationMasks}, a pure function of (seed, condition, rate, sample id), so
 * every model evaluated with the same seed sees exactly the same masks. Metrics are computed from
 * the same numbers that {@code PRED.csv} records.
 */
public final class ProtocolEvaluator {
    private static final Logger LOG = Logger.getLogger(ProtocolEvaluator.class.getName());

    private ProtocolEvaluator() {
    }

    /**
     * The records and prediction rows of one evaluation, and per condition ({@link EvaluationCondition#label()})
     * the SHA-256 of its masks ({@link #maskDigest}): two evaluations saw the same masks exactly when
     * their digests are equal.
     */
    public record Evaluation(List<ResultRecord> records, List<PredictionRow> rows, Map<String, String> maskDigests) {
    }

    /**
     * A SHA-256 over the masks of the samples, in order: each sample's id, then per modality whether it
     * is kept and its observed frames.
     */
    public static String maskDigest(List<MultimodalSample> samples, List<SampleMask> masks) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 0; i < samples.size(); i++) {
            sha.update(samples.get(i).id().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            for (Modality m : Modality.values()) {
                boolean[] flags = masks.get(i).flags(m);
                sha.update((byte) (flags == null ? 0xFF : m.ordinal()));
                if (flags != null) {
                    for (boolean f : flags) {
                        sha.update((byte) (f ? 1 : 0));
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Evaluates {@code predictor} on {@code test} under every condition.
     *
     * @param seed the evaluation seed (the masks), recorded in every record
     */
    public static Evaluation evaluate(Predictor predictor, List<MultimodalSample> test, List<EvaluationCondition> conditions,
                                      long seed, String model, String dataset) {
        return evaluate(predictor, test, conditions, seed, model, dataset, (c, raw) -> { });
    }

    /**
     * As {@link #evaluate(Predictor, List, List, long, String, String)}, handing each condition's raw
     * outputs (one row per test sample) to {@code rawOutputs} as they are computed.
     */
    public static Evaluation evaluate(Predictor predictor, List<MultimodalSample> test, List<EvaluationCondition> conditions,
                                      long seed, String model, String dataset,
                                      BiConsumer<EvaluationCondition, float[][]> rawOutputs) {
        DatasetSchema schema = predictor.schema();
        List<ResultRecord> records = new ArrayList<>();
        List<PredictionRow> rows = new ArrayList<>();
        Map<String, String> digests = new LinkedHashMap<>();
        long start = System.nanoTime();
        int done = 0;
        for (EvaluationCondition c : conditions) {
            List<SampleMask> masks = new ArrayList<>(test.size());
            for (MultimodalSample s : test) {
                masks.add(EvaluationMasks.mask(seed, c.subset(), c.rate(), s));
            }
            digests.put(c.label(), maskDigest(test, masks));
            float[][] outputs = predictor.predict(test, masks);
            rawOutputs.accept(c, outputs);
            double[][] truths = new double[test.size()][];
            double[][] values = new double[test.size()][];
            for (int i = 0; i < test.size(); i++) {
                truths[i] = truths(schema, test.get(i));
                values[i] = values(schema, outputs[i]);
                rows.add(new PredictionRow(test.get(i).id(), c.subset().code(), c.rate(), seed, truths[i], values[i]));
            }
            records.add(new ResultRecord(model, dataset, seed, c.subset().code(), c.rate(), metrics(schema, truths, values)));
            done++;
            if ((System.nanoTime() - start) / 1e9 > 20 && done < conditions.size()) {
                LOG.info(String.format(java.util.Locale.ROOT, "evaluated %d/%d conditions of %s (%.0f s)", done, conditions.size(),
                        model, (System.nanoTime() - start) / 1e9));
                start = System.nanoTime();
            }
        }
        return new Evaluation(records, rows, Collections.unmodifiableMap(digests));
    }

    /** The truth columns of a sample. */
    static double[] truths(DatasetSchema schema, MultimodalSample s) {
        double[] t = new double[s.targetSize()];
        for (int k = 0; k < t.length; k++) {
            t[k] = s.target(k);
        }
        return t;
    }

    /**
     * Prediction columns from raw outputs: values (regression), the class then the class probabilities
     * (single-label), the label probabilities (multi-label); see {@link PredictionLayout}.
     */
    static double[] values(DatasetSchema schema, float[] out) {
        return PredictionLayout.of(schema.task()).predictions(out);
    }

    /** The metrics of one condition, keyed as in {@code RESULTS.json}. */
    static Map<String, Double> metrics(DatasetSchema schema, double[][] truths, double[][] values) {
        return PredictionLayout.of(schema.task()).metrics(schema.labelNames(), truths, values);
    }
}
