package io.github.umdf.tribuo.evaluation;

import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.tribuo.Fixtures;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.evaluation.RegressionEvaluation;
import org.tribuo.regression.evaluation.RegressionEvaluator;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protocol from Java, with Tribuo types in and out (the command line runs the same code: see umdf-tools' TrainEvaluateTest). */
class MissingModalityEvaluatorTest {
    private static DataSplits<Regressor> data;
    private static MultimodalModel<Regressor> model;
    private static MutableDataset<Regressor> test;

    @BeforeAll
    static void train() {
        data = Fixtures.synthetic("mosi-aligned", new RegressorAdapter());
        model = Fixtures.train(data, 5, 1);
        test = data.mutableDataset(SplitName.TEST);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<EvaluationCondition> all() {
        return ProtocolKind.ALL.conditions(model.schema().modalities(), RateRange.parse(RateRange.PAPER));
    }

    @Test
    void evaluatesTheSevenConditionsAndTheRateSweep() {
        MissingModalityEvaluation<Regressor> ev = new MissingModalityEvaluator(3).evaluate(model, test, all());
        List<String> expected = new ArrayList<>(List.of("l", "a", "v", "la", "lv", "av", "lav"));
        for (int i = 1; i <= 9; i++) {
            expected.add("lav"); // lav at 0.0 is the last inter-modality condition; the sweep adds 0.1 ... 0.9
        }
        assertEquals(expected, ev.records().stream().map(ResultRecord::condition).toList());
        assertEquals(16, ev.records().size());
        for (ResultRecord r : ev.records()) {
            assertEquals("umdf", r.model());
            assertEquals("mosi-aligned", r.dataset());
            assertEquals(3, r.seed());
            assertTrue(r.metrics().keySet().containsAll(List.of("mae", "corr", "acc7", "acc2_has0", "f1_non0")), r.metrics().toString());
        }
        assertEquals(16 * test.size(), ev.rows().size());
        assertEquals(0.5, ev.conditions().get(11).rate(), 1e-12);
        // the {l} record is the language-only condition, and its predictions differ from the complete ones
        assertNotEquals(ev.record(ModalitySubset.parse("l"), 0.0).metric("mae"), ev.record(ModalitySubset.parse("lav"), 0.0).metric("mae"));
    }

    @Test
    void theCompleteConditionAgreesWithTribuosOwnEvaluator() {
        MissingModalityEvaluation<Regressor> ev = new MissingModalityEvaluator(3, "UMDF").evaluate(model, test, all());
        EvaluationCondition complete = new EvaluationCondition(ModalitySubset.parse("lav"), 0.0);
        Fixtures.assertIdentical(model.predict(test), ev.predictions(complete));
        RegressionEvaluation tribuo = new RegressionEvaluator().evaluate(model, test);
        ResultRecord r = ev.record(ModalitySubset.parse("lav"), 0.0);
        assertEquals("UMDF", r.model());
        assertEquals(tribuo.averageMAE(), r.metric("mae"), 1e-6);
        // and under missing modalities, Tribuo's evaluator on the returned predictions gives the record's MAE
        EvaluationCondition language = new EvaluationCondition(ModalitySubset.parse("l"), 0.0);
        RegressionEvaluation onLanguage = new RegressionEvaluator().evaluate(model, ev.predictions(language), test.getProvenance());
        assertEquals(onLanguage.averageMAE(), ev.record(ModalitySubset.parse("l"), 0.0).metric("mae"), 1e-6);
    }

    @Test
    void theSeedFixesTheMasks() {
        List<EvaluationCondition> c = all();
        List<ResultRecord> a = new MissingModalityEvaluator(3).evaluate(model, test, c).records();
        List<ResultRecord> b = new MissingModalityEvaluator(3).evaluate(model, test, c).records();
        List<ResultRecord> other = new MissingModalityEvaluator(4).evaluate(model, test, c).records();
        assertEquals(a, b);
        // whole-modality conditions do not draw; frame drops at p = 0.5 do
        assertEquals(a.get(0).metrics(), other.get(0).metrics());
        assertNotEquals(a.get(11).metrics(), other.get(11).metrics());
    }

    @Test
    void badInputIsRefusedWithAReason() {
        MissingModalityEvaluator ev = new MissingModalityEvaluator(1);
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> ev.evaluate(model, test, List.of()));
        assertTrue(none.getMessage().contains("at least one evaluation condition"), none.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> ev.evaluate(model, List.of(), all()));
        assertTrue(empty.getMessage().contains("found none"), empty.getMessage());
        List<Example<Regressor>> plain = List.of(new ArrayExample<>(new Regressor("y", 0.5), new String[] {"x"}, new double[] {1}));
        IllegalArgumentException notMultimodal = assertThrows(IllegalArgumentException.class, () -> ev.evaluate(model, plain, all()));
        assertTrue(notMultimodal.getMessage().contains("expected a MultimodalExample"), notMultimodal.getMessage());
        MissingModalityEvaluation<Regressor> only = ev.evaluate(model, test, all().subList(0, 1));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> only.record(ModalitySubset.parse("lav"), 0.0));
        assertTrue(unknown.getMessage().contains("was not evaluated"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MissingModalityEvaluator(1, " "));
    }
}
