package io.github.umdf.tribuo.output;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.testing.TestSamples;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.impl.ArrayExample;
import org.tribuo.MutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.test.Helpers;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputAdapterTest {
    private static <T extends Output<T>> Example<T> example(T output) {
        return new ArrayExample<>(output, new String[] {"f"}, new double[] {1});
    }

    @Test
    void regressorTargetsFollowIdOrderThroughTheNaturalOrderMapping() {
        MutableOutputInfo<Regressor> m = new RegressionFactory().generateInfo();
        // Observed as (valence, arousal): the natural (sorted) order is (arousal, valence).
        m.observe(new Regressor(new String[] {"valence", "arousal"}, new double[] {1, 2}));
        ImmutableOutputInfo<Regressor> info = m.generateImmutableOutputInfo();
        RegressorAdapter a = new RegressorAdapter();
        List<String> names = a.outputNames(info);
        Regressor r = new Regressor(new String[] {"valence", "arousal"}, new double[] {0.25, -1.5});
        float[] y = a.target(r, info);
        for (int id = 0; id < y.length; id++) {
            assertEquals(names.get(id).equals("valence") ? 0.25f : -1.5f, y[id], "id " + id + " = " + names.get(id));
        }
        Prediction<Regressor> p = a.prediction(y, info, 1, example(new Regressor("x", 0)));
        assertEquals(0.25, p.getOutput().getDimension("valence").get().getValue(), 1e-6);
        assertEquals(-1.5, p.getOutput().getDimension("arousal").get().getValue(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> a.target(new Regressor("sentiment", 1), info));
    }

    @Test
    void labelPredictionsCarrySoftmaxScoresForEveryClass() {
        MutableOutputInfo<Label> m = new LabelFactory().generateInfo();
        for (String c : new String[] {"negative", "neutral", "positive"}) {
            m.observe(new Label(c));
        }
        ImmutableOutputInfo<Label> info = m.generateImmutableOutputInfo();
        LabelAdapter a = new LabelAdapter();
        int positive = info.getID(new Label("positive"));
        assertArrayEquals(new float[] {positive}, a.target(new Label("positive"), info));
        float[] logits = new float[3];
        logits[positive] = 2f;
        Prediction<Label> p = a.prediction(logits, info, 1, example(new Label("x")));
        assertEquals("positive", p.getOutput().getLabel());
        double e2 = Math.exp(2);
        assertEquals(e2 / (e2 + 2), p.getOutput().getScore(), 1e-12);
        assertEquals(1 / (e2 + 2), p.getOutputScores().get("neutral").getScore(), 1e-12);
        assertTrue(p.hasProbabilities());
        assertThrows(IllegalArgumentException.class, () -> a.target(new Label("furious"), info));
        assertThrows(IllegalArgumentException.class, () -> a.prediction(new float[2], info, 1, example(new Label("x"))));
    }

    @Test
    void multiLabelPredictsTheLabelsAboveOneHalf() {
        MutableOutputInfo<MultiLabel> m = new MultiLabelFactory().generateInfo();
        m.observe(new MultiLabel(Set.of(new Label("happy"), new Label("sad"), new Label("angry"), new Label("neutral"))));
        ImmutableOutputInfo<MultiLabel> info = m.generateImmutableOutputInfo();
        MultiLabelAdapter a = new MultiLabelAdapter();
        float[] y = a.target(new MultiLabel(Set.of(new Label("happy"), new Label("sad"))), info);
        assertEquals(2f, y[0] + y[1] + y[2] + y[3]);
        assertEquals(1f, y[info.getID(new MultiLabel("happy"))]);
        float[] logits = new float[4];
        logits[info.getID(new MultiLabel("angry"))] = 1f;
        logits[info.getID(new MultiLabel("sad"))] = -1f;
        Prediction<MultiLabel> p = a.prediction(logits, info, 1, example(new MultiLabel("x")));
        assertEquals(Set.of("angry"), p.getOutput().getNameSet());
        assertEquals(1 / (1 + Math.exp(-1)), p.getOutputScores().get("angry").getLabelSet().iterator().next().getScore(), 1e-12);
        assertEquals(0.5, p.getOutputScores().get("happy").getLabelSet().iterator().next().getScore(), 1e-12);
        assertEquals(4, p.getOutputScores().size());
    }

    @Test
    void adaptersAreConfigurableAndNameTheRightAdapterForAnotherTask() {
        Helpers.testConfigurableRoundtrip(new RegressorAdapter());
        Helpers.testConfigurableRoundtrip(new LabelAdapter());
        Helpers.testConfigurableRoundtrip(new MultiLabelAdapter());
        DatasetSchema iemocap = TestSamples.schema(Task.MULTI_LABEL, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegressorAdapter().output(TestSamples.random(iemocap, 1, 1).get(0), iemocap));
        assertTrue(e.getMessage().contains("MultiLabelAdapter"), e.getMessage());
        assertEquals(Task.SINGLE_LABEL, OutputAdapters.forTask(Task.SINGLE_LABEL).task());
    }
}
