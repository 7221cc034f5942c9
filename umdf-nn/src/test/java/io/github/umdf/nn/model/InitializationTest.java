package io.github.umdf.nn.model;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.core.Linear;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InitializationTest {
    private static final DatasetSchema SCHEMA = DatasetSchema.builder("init", Task.REGRESSION).labels("y")
            .modality(Modality.LANGUAGE, 3, 16).build();

    /** The largest |weight| and the largest |bias| of a Linear(16 -> 256) initialised by {@code how}. */
    private static float[] largest(boolean pytorch) {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            Linear linear = Linear.builder().setUnits(256).build();
            if (pytorch) {
                Initialization.pytorchDefault(linear, SCHEMA, m);
            } else {
                Initialization.glorot(linear, SCHEMA, m);
            }
            var params = linear.getParameters();
            return new float[] {params.get("weight").getArray().abs().max().getFloat(), params.get("bias").getArray().abs().max().getFloat()};
        }
    }

    @Test
    void weightsAreUniformWithinTheBoundOfEachScheme() {
        // PyTorch: U(±1/sqrt(16)) = U(±0.25); Glorot: U(±sqrt(6 / (16 + 256))) = U(±0.1485); 4096 draws each
        float[] pytorch = largest(true);
        assertTrue(pytorch[0] <= 0.25f && pytorch[0] > 0.245f, "PyTorch default: largest |w| " + pytorch[0]);
        float[] glorot = largest(false);
        assertTrue(glorot[0] <= 0.1486f && glorot[0] > 0.145f, "Glorot: largest |w| " + glorot[0]);
        assertEquals(0f, pytorch[1], "biases start at zero");
        assertEquals(0f, glorot[1]);
    }
}
