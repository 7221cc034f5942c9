package io.github.umdf.tribuo.evaluation.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MultiLabelMetricsTest {

    private static final double EPS = 1e-12;
    private static final List<String> LABELS = List.of("happy", "sad");
    private static final boolean[][] TRUTHS = {{true, false}, {false, false}, {true, true}, {false, true}};

    @Test
    void perLabelAccuracyAndWeightedF1FromLogits() {
        double[][] logits = {{1.2, -0.3}, {0.4, -2.0}, {-0.1, 0.7}, {-1.0, 0.0}};
        // happy: truths T F T F, decisions (> 0) T T F F -> acc 2/4;
        //   present: support 2, tp 1, fp 1, fn 1 -> 1/2 ; absent: support 2, tp 1, fp 1, fn 1 -> 1/2 ; F1 1/2
        // sad: truths F F T T, decisions F F T F (a logit of exactly 0 is absent) -> acc 3/4;
        //   present: support 2, tp 1, fn 1 -> 2/3 ; absent: support 2, tp 2, fp 1 -> 4/5 ; F1 (2/3 + 4/5) / 2 = 11/15
        MultiLabelReport r = MultiLabelMetrics.evaluate(LABELS, TRUTHS, logits, ScoreKind.LOGIT);
        assertEquals(0.5, r.accuracy().get("happy"), EPS);
        assertEquals(0.5, r.f1().get("happy"), EPS);
        assertEquals(0.75, r.accuracy().get("sad"), EPS);
        assertEquals(11.0 / 15, r.f1().get("sad"), EPS);
        assertEquals(List.of("acc_happy", "f1_happy", "acc_sad", "f1_sad"), List.copyOf(r.toMap().keySet()));
        assertEquals((0.5 + 0.75) / 2, r.meanAccuracy(), EPS);
    }

    @Test
    void probabilityOfExactlyOneHalfIsAbsent() {
        double[][] probabilities = {{0.9, 0.5}, {0.5, 0.1}, {0.51, 0.6}, {0.2, 0.5}};
        // happy decisions T F T F = truths -> 1 ; sad decisions F F T F vs F F T T -> 3/4
        MultiLabelReport r = MultiLabelMetrics.evaluate(LABELS, TRUTHS, probabilities, ScoreKind.PROBABILITY);
        assertEquals(1.0, r.accuracy().get("happy"), EPS);
        assertEquals(1.0, r.f1().get("happy"), EPS);
        assertEquals(0.75, r.accuracy().get("sad"), EPS);
    }

    @Test
    void shapesAndValuesAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultiLabelMetrics.evaluate(LABELS, TRUTHS, new double[][] {{0, 0}, {0, 0}, {0}, {0, 0}}, ScoreKind.LOGIT));
        assertEquals("expected 2 values per sample (one per label: happy, sad), got 1 in predictions row 2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultiLabelMetrics.evaluate(LABELS, TRUTHS, new double[][] {{0, 0}, {0, 1.5}, {0, 0}, {0, 0}},
                        ScoreKind.PROBABILITY));
        assertEquals("predictions[1][1] (sad) is 1.5; expected a probability in [0, 1] (pass ScoreKind.LOGIT for logits)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultiLabelMetrics.evaluate(List.of("happy", "happy"), TRUTHS, new double[4][2], ScoreKind.LOGIT));
        assertEquals("duplicate label name 'happy' in [happy, happy]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> MultiLabelMetrics.evaluate(LABELS, TRUTHS, new double[3][2], ScoreKind.LOGIT));
        assertEquals("expected predictions and truths of equal length, got 3 and 4", e.getMessage());
    }
}
