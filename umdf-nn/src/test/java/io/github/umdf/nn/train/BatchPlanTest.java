package io.github.umdf.nn.train;

import ai.djl.ndarray.NDManager;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.NetworkModel;
import io.github.umdf.nn.testing.TestSamples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What networks that read other samples of a batch (GCNet's conversation graph) get from the contracts:
 * the rows' ids in the inputs, their own batches, and the complete batch for a generative objective.
 */
class BatchPlanTest {
    @Test
    void byDefaultBatchesAreConsecutiveRunsOfTheBatchSize() {
        List<int[]> plan = NetworkModel.consecutiveBatches(5, 2);
        assertEquals(3, plan.size());
        assertArrayEquals(new int[] {0, 1}, plan.get(0));
        assertArrayEquals(new int[] {2, 3}, plan.get(1));
        assertArrayEquals(new int[] {4}, plan.get(2));
        assertTrue(NetworkModel.consecutiveBatches(0, 3).isEmpty());
    }

    @Test
    void aPlanMustHoldEveryRowOnce() {
        assertEquals(2, BatchPlan.checked(List.of(new int[] {2, 0}, new int[] {1}), 3, "toy").size());
        assertEquals("The batches of toy must hold every row exactly once, found row 0 twice",
                assertThrows(IllegalStateException.class, () -> BatchPlan.checked(List.of(new int[] {0, 1}, new int[] {0, 2}), 3, "toy"))
                        .getMessage());
        assertTrue(assertThrows(IllegalStateException.class, () -> BatchPlan.checked(List.<int[]>of(new int[] {0, 1}), 3, "toy"))
                .getMessage().endsWith("found 2 of 3 rows"));
        assertTrue(assertThrows(IllegalStateException.class, () -> BatchPlan.checked(List.of(new int[] {0, 3}), 3, "toy"))
                .getMessage().endsWith("found row 3 of 3"));
        assertTrue(assertThrows(IllegalStateException.class, () -> BatchPlan.checked(List.of(new int[] {0, 1, 2}, new int[0]), 3, "toy"))
                .getMessage().endsWith("found an empty batch"));
    }

    @Test
    void inputsCarryTheirRowsIdsAndConcatenationKeepsThem() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 3);
        List<MultimodalSample> samples = TestSamples.random(schema, 3, 4);
        try (NDManager m = NDManager.newBaseManager()) {
            ModalityInputs in = new BatchBuilder(schema).inputs(m, samples, BatchBuilder.completeMasks(samples));
            assertEquals(List.of("s4-0", "s4-1", "s4-2"), in.sampleIds());
            assertEquals(List.of("s4-0", "s4-1", "s4-2", "s4-0", "s4-1", "s4-2"), ModalityInputs.concat(in, in).sampleIds());
            ModalityInputs anonymous = new ModalityInputs(Map.of(io.github.umdf.nn.data.Modality.LANGUAGE,
                    in.features(io.github.umdf.nn.data.Modality.LANGUAGE)), Map.of(), Map.of());
            assertTrue(anonymous.sampleIds().isEmpty());
            assertThrows(IllegalArgumentException.class, () -> new ModalityInputs(Map.of(io.github.umdf.nn.data.Modality.LANGUAGE,
                    in.features(io.github.umdf.nn.data.Modality.LANGUAGE)), Map.of(), Map.of(), List.of("one id for three rows")));
        }
    }

    @Test
    void aBatchCarriesCompleteInputsOnlyWhenGiven() {
        BatchContext plain = BatchContext.of(List.of("a"));
        IllegalStateException e = assertThrows(IllegalStateException.class, plain::completeInputs);
        assertTrue(e.getMessage().contains("needsCompleteInputs()"), e.getMessage());
    }
}
