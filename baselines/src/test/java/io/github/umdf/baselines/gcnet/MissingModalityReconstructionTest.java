package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** GCNet's reconstruction loss on the missing parts only, against values computed by hand. */
class MissingModalityReconstructionTest {
    @Test
    void onlyMissingModalitiesCountAndTheSumIsOverAllSegments() {
        try (NDManager m = NDManager.newBaseManager()) {
            // two segments, modalities of widths 2 and 1
            var reconstruction = m.create(new float[] {1, 2, 3, 0, 0, 1}, new Shape(2, 3));
            var target = m.create(new float[] {0, 0, 1, 1, 1, 1}, new Shape(2, 3));
            var missing = m.create(new float[] {1, 0, 1, 1}, new Shape(2, 2));
            // segment 0: first modality missing: ((1-0)² + (2-0)²) / 2 = 2.5; the second is present: its (3-1)² = 4 does not count
            // segment 1: both missing: ((0-1)² + (0-1)²) / 2 = 1, plus (1-1)² = 0
            // (2.5 + 1) / 2 segments = 1.75
            float loss = MissingModalityReconstruction.loss(reconstruction, target, missing, new int[] {2, 1}).getFloat();
            assertEquals(1.75f, loss, 1e-6f);
            // nothing missing, nothing to reconstruct
            assertEquals(0f, MissingModalityReconstruction.loss(reconstruction, target, m.zeros(new Shape(2, 2)), new int[] {2, 1}).getFloat());
        }
    }

    @Test
    void widthsMustMatch() {
        try (NDManager m = NDManager.newBaseManager()) {
            var x = m.zeros(new Shape(2, 3));
            assertThrows(IllegalArgumentException.class, () -> MissingModalityReconstruction.loss(x, x, m.zeros(new Shape(2, 2)), new int[] {1, 1}));
            assertThrows(IllegalArgumentException.class, () -> MissingModalityReconstruction.loss(x, x, m.zeros(new Shape(2, 3)), new int[] {2, 1}));
        }
    }
}
