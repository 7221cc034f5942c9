package io.github.umdf.baselines;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PackedRecurrenceTest {
    private static float[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    /**
     * A masked row equals the recurrence over its kept frames alone (what pack_padded_sequence
     * computes), frames not kept get zeros, and the final state is the forward state after the last
     * kept frame with the backward state after the first.
     */
    @ParameterizedTest
    @EnumSource(PackedRecurrence.Cell.class)
    void maskedRowsEqualTheRecurrenceOverTheirKeptFramesAlone(PackedRecurrence.Cell cell) {
        Tensors.engine(3);
        int t = 6;
        int d = 3;
        try (NDManager m = NDManager.newBaseManager()) {
            PackedRecurrence block = PackedRecurrence.builder().setCell(cell).setInputDim(d).setHidden(4).optBidirectional(true).build();
            block.initialize(m, DataType.FLOAT32, new Shape(1, t, d));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = m.create(random(2 * t * d, 7), new Shape(2, t, d));
            // row 0: end padding after 4 frames; row 1: holes at frames 1 and 4
            float[] keep = {1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1};
            NDArray mask = m.create(keep, new Shape(2, t));
            PackedRecurrence.Output out = block.run(ps, x, mask, false);
            assertEquals(new Shape(2, t, 8), out.sequence.getShape());
            assertEquals(new Shape(2, 8), out.last.getShape());
            int[][] kept = {{0, 1, 2, 3}, {0, 2, 3, 5}};
            for (int row = 0; row < 2; row++) {
                NDList rows = new NDList();
                for (int f : kept[row]) {
                    rows.add(x.get(row, f));
                }
                NDArray frames = NDArrays.stack(rows).expandDims(0); // (1, 4, d)
                PackedRecurrence.Output alone = block.run(ps, frames, null, false);
                for (int i = 0; i < kept[row].length; i++) {
                    Tensors.assertClose(alone.sequence.get(0, i), out.sequence.get(row, kept[row][i]), 1e-5);
                }
                Tensors.assertClose(alone.last.get(0), out.last.get(row), 1e-5);
                for (int f = 0; f < t; f++) {
                    if (keep[row * t + f] == 0f) {
                        assertEquals(0f, out.sequence.get(row, f).abs().sum().getFloat(), "frame " + f + " of row " + row);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PackedRecurrence.Merge.class)
    void directionsAreMergedAsConfigured(PackedRecurrence.Merge merge) {
        Tensors.engine(3);
        try (NDManager m = NDManager.newBaseManager()) {
            PackedRecurrence block = PackedRecurrence.builder().setCell(PackedRecurrence.Cell.LSTM).setInputDim(2).setHidden(5)
                    .optBidirectional(true).optMerge(merge).build();
            block.initialize(m, DataType.FLOAT32, new Shape(1, 4, 2));
            NDArray x = m.create(random(3 * 4 * 2, 1), new Shape(3, 4, 2));
            PackedRecurrence.Output out = block.run(new ParameterStore(m, false), x, null, false);
            int width = merge == PackedRecurrence.Merge.SUM ? 5 : 10;
            assertEquals(width, block.outputDim());
            assertEquals(new Shape(3, 4, width), out.sequence.getShape());
            assertEquals(new Shape(3, width), out.last.getShape());
        }
    }
}
