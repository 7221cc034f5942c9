package io.github.umdf.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.tribuo.MultimodalTrainer.MultimodalTrainerProvenance;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.evaluation.EvaluationCondition;
import io.github.umdf.tribuo.evaluation.MissingModalityEvaluator;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.output.LabelAdapter;
import io.github.umdf.tribuo.output.MultiLabelAdapter;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.impl.ArrayExample;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.evaluation.MultiLabelEvaluation;
import org.tribuo.multilabel.evaluation.MultiLabelEvaluator;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;
import org.tribuo.test.Helpers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training, evaluation and serialization through Tribuo's API, for each output type. */
class MultimodalTrainerTest {
    private static DataSplits<Regressor> mosi;
    private static MultimodalModel<Regressor> regression;

    @BeforeAll
    static void trainRegression() {
        mosi = Fixtures.synthetic("mosi-aligned", new RegressorAdapter());
        regression = Fixtures.train(mosi, 1, 2);
    }

    @AfterAll
    static void close() {
        regression.close();
    }

    @SuppressWarnings("unchecked")
    private static <M> M javaRoundTrip(M model) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (M) in.readObject();
        }
    }

    @Test
    void regressionEvaluatesWithTribuoAndSerializationKeepsPredictionsIdentical() throws Exception {
        MutableDataset<Regressor> test = mosi.mutableDataset(SplitName.TEST);
        RegressionEvaluation eval = new RegressionEvaluator().evaluate(regression, test);
        Regressor dim = new Regressor("sentiment", Double.NaN);
        assertTrue(Double.isFinite(eval.mae(dim)) && Double.isFinite(eval.rmse(dim)), eval.toString());
        assertEquals(2, regression.trainingSummary().epochs());
        assertEquals(List.of("sentiment"), regression.outputNames());

        Helpers.testModelSerialization(regression, Regressor.class);
        assertCopiesPredictIdentically(regression, test, Regressor.class);

        Path file = Files.createTempFile("umdf-test", ".tribuo");
        regression.save(file);
        MultimodalModel<Regressor> loaded = MultimodalModel.load(file, Regressor.class);
        assertThrows(IllegalArgumentException.class, () -> MultimodalModel.load(file, MultiLabel.class));
        Fixtures.assertIdentical(regression.predict(test), loaded.predict(test));
        loaded.close();
        Files.delete(file);
    }

    /** Java serialization, the protobuf form and copy() all give models with identical predictions and summaries. */
    private static <T extends Output<T>> void assertCopiesPredictIdentically(MultimodalModel<T> model, MutableDataset<T> test,
                                                                             Class<T> type) throws Exception {
        List<Prediction<T>> before = model.predict(test);
        MultimodalModel<T> java = javaRoundTrip(model);
        MultimodalModel<T> proto = (MultimodalModel<T>) Helpers.testModelProtoSerialization(model, type, test);
        MultimodalModel<T> copy = (MultimodalModel<T>) model.copy();
        for (MultimodalModel<T> m : List.of(java, proto, copy)) {
            Fixtures.assertIdentical(before, m.predict(test));
            assertEquals(model.trainingSummary(), m.trainingSummary());
            assertEquals(model.schema(), m.schema());
            m.close();
        }
    }

    @Test
    void predictionOfOneExampleMatchesTheBatchAndAnAbsentModalityIsMissing() {
        MutableDataset<Regressor> test = mosi.mutableDataset(SplitName.TEST);
        MultimodalExample<Regressor> first = (MultimodalExample<Regressor>) test.getExample(0);
        double batched = regression.predict(test).get(0).getOutput().getValues()[0];
        double single = regression.predict(first).getOutput().getValues()[0];
        assertEquals(batched, single, 1e-5);

        MultimodalSample s = first.sample();
        EnumMap<Modality, FrameSequence> onlyLanguage = new EnumMap<>(Modality.class);
        onlyLanguage.put(Modality.LANGUAGE, s.require(Modality.LANGUAGE));
        MultimodalExample<Regressor> languageOnly = new MultimodalExample<>(first.getOutput(), s.withModalities(onlyLanguage), "mosi-aligned");
        Prediction<Regressor> p = regression.predict(languageOnly);
        assertTrue(Double.isFinite(p.getOutput().getValues()[0]));
        assertNotEquals(single, p.getOutput().getValues()[0], "dropping audio and vision must change the prediction");
        assertEquals(2, languageOnly.size(), "modalities + language.frames");
    }

    @Test
    void rawOutputsNameTheirColumnsAndRepresentationsHaveTheJointWidth() {
        List<MultimodalSample> samples = mosi.test().samples();
        float[][] raw = regression.rawOutputs(samples, BatchBuilder.completeMasks(samples));
        float[][] named = regression.rawOutputs(samples, BatchBuilder.completeMasks(samples), List.of("sentiment"));
        assertEquals(raw[3][0], named[3][0], 0f);
        float[][] z = regression.representations(samples.subList(0, 2), BatchBuilder.completeMasks(samples.subList(0, 2)));
        assertEquals(3 * 8, z[0].length, "joint representation width 3d");
        assertThrows(IllegalArgumentException.class, () -> regression.rawOutputs(samples,
                BatchBuilder.completeMasks(samples), List.of("arousal")));
        assertTrue(regression.getTopFeatures(5).isEmpty());
        assertTrue(regression.getExcuse(mosi.test().iterator().next()).isEmpty());
    }

    @Test
    void multiLabelEvaluatesWithTribuoAndSerializes() throws Exception {
        DataSplits<MultiLabel> iemocap = Fixtures.synthetic("iemocap-aligned", new MultiLabelAdapter());
        MultimodalModel<MultiLabel> model = Fixtures.train(iemocap, 2, 1);
        MutableDataset<MultiLabel> test = iemocap.mutableDataset(SplitName.TEST);
        MultiLabelEvaluation eval = new MultiLabelEvaluator().evaluate(model, test);
        assertTrue(Double.isFinite(eval.jaccardScore()), eval.toString());
        assertEquals(4, model.outputNames().size());
        // the columns come in the order asked for (a data file's label order may differ from Tribuo's ids)
        List<MultimodalSample> samples = iemocap.test().samples();
        float[][] raw = model.rawOutputs(samples, BatchBuilder.completeMasks(samples));
        List<String> reversed = new java.util.ArrayList<>(model.outputNames());
        java.util.Collections.reverse(reversed);
        float[][] named = model.rawOutputs(samples, BatchBuilder.completeMasks(samples), reversed);
        for (int k = 0; k < 4; k++) {
            assertEquals(raw[0][3 - k], named[0][k], 0f, "column " + k + " is " + reversed.get(k));
        }
        assertNotEquals(raw[0][0], raw[0][3], "precondition: distinct outputs, or the order shows nothing");
        List<Prediction<MultiLabel>> before = model.predict(test);
        assertEquals(4, before.get(0).getOutputScores().size(), "a sigmoid score for every label");
        assertTrue(model.generatesProbabilities());

        assertCopiesPredictIdentically(model, test, MultiLabel.class);
        model.close();
    }

    @Test
    void singleLabelEvaluatesWithTribuoAndSerializes() throws Exception {
        DataSplits<Label> three = Fixtures.synthetic("mosi-aligned-3class", new LabelAdapter());
        MultimodalModel<Label> model = Fixtures.train(three, 3, 1);
        MutableDataset<Label> test = three.mutableDataset(SplitName.TEST);
        LabelEvaluation eval = new LabelEvaluator().evaluate(model, test);
        // Tribuo's accuracy over the Tribuo predictions equals the protocol's, computed from the raw outputs
        ResultRecord complete = new MissingModalityEvaluator(1).evaluate(model, test,
                List.of(new EvaluationCondition(ModalitySubset.parse("lav"), 0.0))).records().get(0);
        assertEquals(complete.metric("acc"), eval.accuracy(), 1e-12, eval.toString());
        List<Prediction<Label>> before = model.predict(test);
        double sum = before.get(0).getOutputScores().values().stream().mapToDouble(Label::getScore).sum();
        assertEquals(1.0, sum, 1e-9, "softmax scores for every class");
        assertEquals(model.getOutputIDInfo().size(), before.get(0).getOutputScores().size());

        assertCopiesPredictIdentically(model, test, Label.class);
        model.close();
    }

    @Test
    void invocationCountGivesNewSeedsAndSetInvocationCountReplays() {
        MutableDataset<Regressor> train = mosi.mutableDataset(SplitName.TRAIN);
        MutableDataset<Regressor> valid = mosi.mutableDataset(SplitName.VALID);
        MutableDataset<Regressor> test = mosi.mutableDataset(SplitName.TEST);
        MultimodalTrainer<Regressor> trainer = Fixtures.trainer(new RegressorAdapter(), 5, 1);
        MultimodalModel<Regressor> first = trainer.train(train, valid, Map.of());
        MultimodalModel<Regressor> second = trainer.train(train, valid, Map.of());
        assertEquals(2, trainer.getInvocationCount());
        assertEquals(0, invocationCount(first));
        assertEquals(1, invocationCount(second));
        assertNotEquals(seedOf(first), seedOf(second));
        assertNotEquals(first.predict(test).get(0).getOutput().getValues()[0], second.predict(test).get(0).getOutput().getValues()[0]);

        MultimodalTrainer<Regressor> replay = Fixtures.trainer(new RegressorAdapter(), 5, 1);
        replay.setInvocationCount(1);
        MultimodalModel<Regressor> again = replay.train(train, valid, Map.of());
        assertEquals(seedOf(second), seedOf(again));
        Fixtures.assertIdentical(second.predict(test), again.predict(test));
        assertEquals(second.getProvenance().getTrainerProvenance(), again.getProvenance().getTrainerProvenance());
        first.close();
        second.close();
        again.close();
    }

    private static int invocationCount(MultimodalModel<?> m) {
        return (Integer) m.getProvenance().getTrainerProvenance().getInstanceValues().get(TrainerProvenance.TRAIN_INVOCATION_COUNT).getValue();
    }

    private static Provenance seedOf(MultimodalModel<?> m) {
        return m.getProvenance().getInstanceProvenance().getMap().get(MultimodalTrainer.TRAINING_SEED);
    }

    @Test
    void heldOutValidationIsRecorded() {
        // That the held-out draw is deterministic is shown by ModelRerunTest (a rerun predicts identically).
        MutableDataset<Regressor> train = mosi.mutableDataset(SplitName.TRAIN);
        MultimodalModel<Regressor> a = Fixtures.trainer(new RegressorAdapter(), 9, 1).train(train);
        Map<String, ? extends Provenance> run = a.getProvenance().getInstanceProvenance().getMap();
        assertEquals(MultimodalTrainer.HELD_OUT, run.get(MultimodalTrainer.VALIDATION_SOURCE).toString());
        assertEquals("0.1", run.get(MultimodalTrainer.VALIDATION_FRACTION).toString());
        int n = train.size();
        assertEquals(Math.round(0.1 * n), a.trainingSummary().validationSamples());
        assertEquals(n - Math.round(0.1 * n), a.trainingSummary().trainingSamples());
        a.close();
    }

    @Test
    void provenanceRecordsEveryHyperparameterVersionsAndValidationData() {
        TrainerProvenance tp = regression.getProvenance().getTrainerProvenance();
        assertTrue(tp instanceof MultimodalTrainerProvenance);
        MultimodalTrainerProvenance p = (MultimodalTrainerProvenance) tp;
        assertEquals("PyTorch", p.engineName());
        assertEquals("cpu()", p.device());
        assertFalse(p.djlVersion().isEmpty());
        assertFalse(p.engineVersion().isEmpty());
        Map<String, Provenance> config = tp.getConfiguredParameters();
        for (String key : List.of("model", "training", "adapter", "seed", "validationFraction")) {
            assertTrue(config.containsKey(key), key);
        }
        String text = tp.toString();
        for (String key : List.of("modelDim", "lambdaFeature", "batchSize", "learningRate", "maxFrameRate", "subsetDistribution")) {
            assertTrue(text.contains(key), "trainer provenance should record " + key + ": " + text);
        }
        Provenance valid = regression.getProvenance().getInstanceProvenance().getMap().get(MultimodalTrainer.VALIDATION_DATASET);
        assertTrue(valid.toString().contains("split=valid"), valid.toString());
        assertEquals(MultimodalTrainer.GIVEN, regression.getProvenance().getInstanceProvenance().getMap()
                .get(MultimodalTrainer.VALIDATION_SOURCE).toString());
        Helpers.testProvenanceMarshalling(regression.getProvenance());
        Helpers.testProvenanceMarshalling(tp);
    }

    @Test
    void reservedRunProvenanceKeysAreRefused() {
        MultimodalTrainer<Regressor> trainer = Fixtures.trainer(new RegressorAdapter(), 1, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> trainer.train(mosi.mutableDataset(SplitName.TRAIN),
                Map.of(MultimodalTrainer.TRAINING_SEED, new StringProvenance(MultimodalTrainer.TRAINING_SEED, "1"))));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        assertEquals(0, trainer.getInvocationCount(), "a refused call does not consume an invocation");
    }

    @Test
    void inconsistentShapesEmptyDataAndPlainExamplesGiveClearErrors() {
        MutableDataset<Regressor> train = mosi.mutableDataset(SplitName.TRAIN);
        MultimodalExample<Regressor> first = (MultimodalExample<Regressor>) train.getExample(0);
        MultimodalSample s = first.sample();
        EnumMap<Modality, FrameSequence> odd = new EnumMap<>(Modality.class);
        odd.put(Modality.LANGUAGE, FrameSequence.allValid(3, 300, new float[3 * 300]));
        MutableDataset<Regressor> bad = mosi.mutableDataset(SplitName.TRAIN);
        bad.add(new MultimodalExample<>(first.getOutput(), new MultimodalSample("odd-one", odd, s.target()), "mosi-aligned"));
        MultimodalTrainer<Regressor> trainer = Fixtures.trainer(new RegressorAdapter(), 1, 1);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(bad, mosi.mutableDataset(SplitName.VALID), Map.of()));
        assertTrue(shape.getMessage().contains("'odd-one'") && shape.getMessage().contains("(T=3, d=300)")
                && shape.getMessage().contains("(T=50, d=300)"), shape.getMessage());

        MutableDataset<Regressor> empty = new MutableDataset<>(new SimpleDataSourceProvenance("empty", new RegressionFactory()),
                new RegressionFactory());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> trainer.train(empty));
        assertTrue(none.getMessage().contains("empty"), none.getMessage());
        IllegalArgumentException noValid = assertThrows(IllegalArgumentException.class, () -> trainer.train(train, empty, Map.of()));
        assertTrue(noValid.getMessage().contains("validation data set is empty"), noValid.getMessage());

        MutableDataset<Regressor> plain = new MutableDataset<>(new SimpleDataSourceProvenance("plain", new RegressionFactory()),
                new RegressionFactory());
        plain.add(new ArrayExample<>(new Regressor("sentiment", 1), new String[] {"f"}, new double[] {1}));
        plain.add(new ArrayExample<>(new Regressor("sentiment", 2), new String[] {"f"}, new double[] {2}));
        IllegalArgumentException notMultimodal = assertThrows(IllegalArgumentException.class, () -> trainer.train(plain));
        assertTrue(notMultimodal.getMessage().contains("expected a MultimodalExample"), notMultimodal.getMessage());
        assertThrows(IllegalArgumentException.class, () -> regression.predict(plain.getExample(0)));

        assertThrows(IllegalArgumentException.class, () -> new MultimodalTrainer<>(Fixtures.SMALL, Fixtures.quick(1), new RegressorAdapter(), 1, 1.0));
    }
}
