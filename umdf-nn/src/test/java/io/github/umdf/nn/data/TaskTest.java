package io.github.umdf.nn.data;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each task as the strategy of its plain-Java behaviour, on hand-computed cases. */
class TaskTest {

    private static final float LN3 = (float) Math.log(3);

    private static DatasetSchema schema(Task task, String... labels) {
        DatasetSchema.Builder b = DatasetSchema.builder("hand", task).labels(labels).modality(Modality.LANGUAGE, 2, 3);
        return task == Task.REGRESSION ? b.labelRange(-3, 3).build() : b.build();
    }

    @Test
    void activationsAreIdentitySoftmaxAndSigmoid() {
        assertArrayEquals(new double[] {-1.5, 2}, Task.REGRESSION.activate(new float[] {-1.5f, 2f}), 0);
        assertArrayEquals(new double[] {0.25, 0.75}, Task.SINGLE_LABEL.activate(new float[] {0, LN3}), 1e-7);
        assertArrayEquals(new double[] {0.5, 0.75, 0.25}, Task.MULTI_LABEL.activate(new float[] {0, LN3, -LN3}), 1e-7);
    }

    @Test
    void decisionsAreInTheTargetEncoding() {
        assertArrayEquals(new float[] {-1.5f}, Task.REGRESSION.decide(new float[] {-1.5f}));
        assertArrayEquals(new float[] {1}, Task.SINGLE_LABEL.decide(new float[] {0, 3, 3}), "the first maximum");
        assertArrayEquals(new float[] {0, 1, 0}, Task.MULTI_LABEL.decide(new float[] {0, 0.1f, -2}), "a logit of 0 is absent");
    }

    @Test
    void lossTermsPerTargetValue() {
        assertArrayEquals(new double[] {4, 0.25}, Task.REGRESSION.losses(new float[] {1, 0.5f}, new float[] {-1, 0}, false), 0);
        assertArrayEquals(new double[] {2, 0.5}, Task.REGRESSION.losses(new float[] {1, 0.5f}, new float[] {-1, 0}, true), 0);
        // one term: -log softmax([0, ln 3])_1 = -log 3/4
        assertArrayEquals(new double[] {-Math.log(0.75)}, Task.SINGLE_LABEL.losses(new float[] {0, LN3}, new float[] {1}, false), 1e-7);
        // -log s(0) = log 2; -log(1 - s(ln 3)) = log 4
        assertArrayEquals(new double[] {Math.log(2), Math.log(4)},
                Task.MULTI_LABEL.losses(new float[] {0, LN3}, new float[] {1, 0}, false), 1e-7);
    }

    @Test
    void scoreTermsAreAbsoluteErrorsOrCorrectDecisions() {
        assertArrayEquals(new double[] {2, 0.5}, Task.REGRESSION.scores(new float[] {1, 0.5f}, new float[] {-1, 0}), 0);
        assertArrayEquals(new double[] {1}, Task.SINGLE_LABEL.scores(new float[] {0, 2}, new float[] {1}), 0);
        assertArrayEquals(new double[] {0}, Task.SINGLE_LABEL.scores(new float[] {0, 2}, new float[] {0}), 0);
        assertArrayEquals(new double[] {1, 0, 1}, Task.MULTI_LABEL.scores(new float[] {2, 0, -1}, new float[] {1, 1, 0}), 0);
        assertEquals("mae", Task.REGRESSION.scoreName());
        assertEquals("accuracy", Task.SINGLE_LABEL.scoreName());
        assertEquals("accuracy", Task.MULTI_LABEL.scoreName());
    }

    @Test
    void targetSizesAndLabels() {
        assertEquals(2, Task.REGRESSION.targetSize(2));
        assertEquals(1, Task.SINGLE_LABEL.targetSize(4));
        assertEquals(4, Task.MULTI_LABEL.targetSize(4));
        assertTrue(Task.SINGLE_LABEL.hasLabel(new float[] {2}, 2));
        assertFalse(Task.SINGLE_LABEL.hasLabel(new float[] {2}, 1));
        assertTrue(Task.MULTI_LABEL.hasLabel(new float[] {0, 1}, 1));
        assertFalse(Task.MULTI_LABEL.hasLabel(new float[] {0, 1}, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Task.REGRESSION.hasLabel(new float[] {1}, 0));
        assertTrue(e.getMessage().contains("expected a classification target"), e.getMessage());
    }

    @Test
    void targetChecksSayWhatWasExpected() {
        DatasetSchema sentiment = schema(Task.REGRESSION, "sentiment");
        assertEquals(Optional.empty(), Task.REGRESSION.expectedTarget(sentiment, 0, 3f));
        assertEquals(Optional.of("values in [-3.0, 3.0]"), Task.REGRESSION.expectedTarget(sentiment, 0, 3.5f));
        DatasetSchema classes = schema(Task.SINGLE_LABEL, "neg", "neu", "pos");
        assertEquals(Optional.empty(), Task.SINGLE_LABEL.expectedTarget(classes, 0, 2f));
        assertEquals(Optional.of("a class index in [0, 3)"), Task.SINGLE_LABEL.expectedTarget(classes, 0, 3f));
        assertEquals(Optional.of("a class index in [0, 3)"), Task.SINGLE_LABEL.expectedTarget(classes, 0, 0.5f));
        DatasetSchema emotions = schema(Task.MULTI_LABEL, "happy", "sad");
        assertEquals(Optional.empty(), Task.MULTI_LABEL.expectedTarget(emotions, 1, 1f));
        assertEquals(Optional.of("0 or 1 for label 'sad'"), Task.MULTI_LABEL.expectedTarget(emotions, 1, 0.5f));
    }
}
