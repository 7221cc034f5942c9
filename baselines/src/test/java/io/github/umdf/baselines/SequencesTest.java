package io.github.umdf.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SequencesTest {
    @Test
    void compactionMovesTheKeptFramesToTheFrontForwardAndBackward() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            // frames 0, 2 and 3 are kept
            NDArray mask = m.create(new float[] {1, 0, 1, 1}, new Shape(1, 4));
            Sequences.Compaction c = Sequences.compaction(mask);
            assertEquals(new Shape(1, 4, 4), c.forward().getShape());
            assertEquals(new Shape(1, 4, 4), c.backward().getShape());
            // C[i, j] = 1 when frame j is the i-th kept frame
            Tensors.assertValues(new float[] {
                1, 0, 0, 0,
                0, 0, 1, 0,
                0, 0, 0, 1,
                0, 0, 0, 0}, c.forward(), 0);
            // R: the same with the kept frames in reverse order
            Tensors.assertValues(new float[] {
                0, 0, 0, 1,
                0, 0, 1, 0,
                1, 0, 0, 0,
                0, 0, 0, 0}, c.backward(), 0);
            NDArray x = m.create(new float[] {10, 20, 30, 40}, new Shape(1, 4, 1));
            Tensors.assertValues(new float[] {10, 30, 40, 0}, c.forward().matMul(x), 0);
            Tensors.assertValues(new float[] {40, 30, 10, 0}, c.backward().matMul(x), 0);
        }
    }
}
