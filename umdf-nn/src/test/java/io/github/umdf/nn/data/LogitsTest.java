package io.github.umdf.nn.data;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one plain-Java softmax and sigmoid: hand-computed values and the stable forms for large |z|. */
class LogitsTest {

    private static final float LN3 = (float) Math.log(3);

    @Test
    void sigmoidByHand() {
        assertEquals(0.5, Logits.sigmoid(0), 0);
        // s(ln 3) = 1 / (1 + 1/3) = 3/4, s(-ln 3) = 1/4
        assertEquals(0.75, Logits.sigmoid(Math.log(3)), 1e-15);
        assertEquals(0.25, Logits.sigmoid(-Math.log(3)), 1e-15);
        // the formula of torch.sigmoid, bit for bit where e^(-z) is finite
        for (double z : new double[] {-700, -30, -1.5, -1e-9, 1e-9, 2.5, 40}) {
            assertEquals(1.0 / (1.0 + Math.exp(-z)), Logits.sigmoid(z), 0, "z = " + z);
        }
    }

    @Test
    void sigmoidIsStableForLargeMagnitudes() {
        assertEquals(1.0, Logits.sigmoid(800), 0);
        assertEquals(0.0, Logits.sigmoid(-800), 0);
        // e^720 overflows: the value is e^(-720), a subnormal double, not 0
        assertEquals(Math.exp(-720), Logits.sigmoid(-720), 0);
        assertTrue(Logits.sigmoid(-720) > 0);
        assertEquals(0.0, Logits.sigmoid(Double.NEGATIVE_INFINITY), 0);
        assertEquals(1.0, Logits.sigmoid(Double.POSITIVE_INFINITY), 0);
    }

    @Test
    void softmaxByHand() {
        // e^0 : e^(ln 3) = 1 : 3
        assertArrayEquals(new double[] {0.25, 0.75}, Logits.softmax(new float[] {0, LN3}), 1e-7);
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, Logits.softmax(new float[] {2, 2, 2}), 1e-15);
    }

    @Test
    void softmaxIsStableForLargeMagnitudes() {
        // e^1000 overflows: only the shift by the maximum keeps these finite
        assertArrayEquals(new double[] {0.25, 0.75}, Logits.softmax(new float[] {1000, 1000 + LN3}), 1e-4);
        assertArrayEquals(new double[] {0.25, 0.75}, Logits.softmax(new float[] {-1000, -1000 + LN3}), 1e-4);
        assertArrayEquals(new double[] {1, 0}, Logits.softmax(new float[] {Float.MAX_VALUE, -Float.MAX_VALUE}), 0);
        assertEquals(1000 + Math.log(2), Logits.logSumExp(new float[] {1000, 1000}), 1e-12);
    }

    @Test
    void crossEntropiesByHandAndStable() {
        // -log softmax([0, ln 3])_1 = -log 3/4
        assertEquals(-Math.log(0.75), Logits.crossEntropy(new float[] {0, LN3}, 1), 1e-7);
        assertEquals(0.0, Logits.crossEntropy(new float[] {1000, -1000}, 0), 0);
        assertEquals(2000.0, Logits.crossEntropy(new float[] {1000, -1000}, 1), 0);
        // -log s(0) = log 2 for either target
        assertEquals(Math.log(2), Logits.binaryCrossEntropy(0, 1), 1e-15);
        assertEquals(Math.log(2), Logits.binaryCrossEntropy(0, 0), 1e-15);
        // -log s(ln 3) = -log 3/4; -log(1 - s(ln 3)) = -log 1/4
        assertEquals(-Math.log(0.75), Logits.binaryCrossEntropy(Math.log(3), 1), 1e-15);
        assertEquals(-Math.log(0.25), Logits.binaryCrossEntropy(Math.log(3), 0), 1e-15);
        // no log(0) for confident logits
        assertEquals(800.0, Logits.binaryCrossEntropy(-800, 1), 0);
        assertEquals(0.0, Logits.binaryCrossEntropy(800, 1), 0);
    }

    @Test
    void argmaxTakesTheFirstMaximum() {
        assertEquals(1, Logits.argmax(new float[] {0, 2, 2, 1}));
        assertEquals(0, Logits.argmax(new double[] {0.5, 0.5}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Logits.softmax(new float[0]));
        assertTrue(e.getMessage().contains("expected at least one logit"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Logits.crossEntropy(new float[] {0, 1}, 2));
        assertTrue(e.getMessage().contains("[0, 2)") && e.getMessage().contains("got 2"), e.getMessage());
    }
}
