package io.github.umdf.baselines.selfmm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class UnimodalLabelGeneratorTest {
    private static final String F = UnimodalLabelGenerator.FUSION;

    private static UnimodalLabelGenerator warmedUp() {
        UnimodalLabelGenerator g = new UnimodalLabelGenerator(List.of("audio"), 1, 3.0, 1, true);
        // epoch 1 (index 0) is warm-up: store features, labels stay y_M
        g.update(0, List.of("a", "b", "c", "d"), new float[][] {{2}, {1}, {-1}, {-2}},
                Map.of(F, new float[][] {{2}, {1}, {-1}, {-2}}, "audio", new float[][] {{1}, {0}, {0}, {-1}}));
        return g;
    }

    @Test
    void warmUpKeepsTheTrueLabels() {
        UnimodalLabelGenerator g = warmedUp();
        assertEquals(2f, g.label("audio", "a", null)[0]);
        assertEquals(-2f, g.label("audio", "d", null)[0]);
        assertNull(g.label("audio", "unseen", null), "unseen samples fall back to the given true label");
        g.update(0, List.of("a"), new float[][] {{2}}, Map.of(F, new float[][] {{5}}, "audio", new float[][] {{-4}}));
        assertEquals(2f, g.label("audio", "a", null)[0], "no generation before the start epoch");
    }

    /**
     * Centres after warm-up: fusion +1.5 / -1.5, audio +0.5 / -0.5. For sample a (F_f = 2, F_a = 1,
     * y_M = 2) in epoch 2 (n = 2): δ_f = (3.5 - 0.5) / 0.5 = 6, δ_s = (1.5 - 0.5) / 0.5 = 2, α = 1/3,
     * ŷ_s = ½·⅓·2 + ½(2 + 2 − 6) = −2/3, y_s = ⅓·2 + ⅔·(−2/3) = 2/9.
     */
    @Test
    void theSecondEpochGeneratesLabelsByTheUlgmEquations() {
        UnimodalLabelGenerator g = warmedUp();
        g.update(1, List.of("a"), new float[][] {{2}}, Map.of(F, new float[][] {{2}}, "audio", new float[][] {{1}}));
        assertEquals(2.0 / 9, g.label("audio", "a", null)[0], 1e-6);
        assertEquals(1f, g.label("audio", "b", null)[0], "samples outside the batch keep their labels");
        assertEquals(4, g.labels("audio").size());
    }

    @Test
    void generatedLabelsAreClampedToTheBound() {
        UnimodalLabelGenerator g = warmedUp();
        // a fusion feature near its positive centre makes δ_f large, so ŷ_s = ½(y_M + δ_s − δ_f) falls below −H
        for (int epoch = 1; epoch < 30; epoch++) {
            g.update(epoch, List.of("a"), new float[][] {{2}}, Map.of(F, new float[][] {{1.5f}}, "audio", new float[][] {{-40}}));
        }
        float y = g.label("audio", "a", null)[0];
        assertEquals(-3.0, y, 0.05, "the momentum average approaches the clamped value -H");
    }
}
