package io.github.umdf.nn.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParameterCountsTest {
    @Test
    void countsEveryChildUnderTheNameItWasAddedWith() {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            // eleven children: DJL numbers them 01 .. 11, and every one is named after its class
            SequentialBlock block = new SequentialBlock();
            for (int i = 0; i < 10; i++) {
                block.add(Linear.builder().setUnits(3).build());
            }
            block.add(LayerNorm.builder().build());
            block.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            assertEquals(Map.of("Linear", 10L * (3 * 3 + 3), "LayerNorm", 6L), ParameterCounts.byChild(block));
            assertEquals(List.of("Linear", "LayerNorm"), List.copyOf(ParameterCounts.byChild(block).keySet()));
            assertEquals(11, ParameterCounts.children(block).size());
            assertEquals("LayerNorm", ParameterCounts.children(block).get(10).getKey());
            assertEquals(10L * 12 + 6, ParameterCounts.of(block));
        }
    }

    @Test
    void theChildNameLosesOnlyItsOwnPosition() {
        assertEquals("dfim", ParameterCounts.childName("03dfim", 2));
        assertEquals("layer10", ParameterCounts.childName("12layer10", 11));
        assertEquals("07x", ParameterCounts.childName("07x", 0)); // not the position of the first child
    }
}
