package io.github.umdf.nn.block;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The im2col convolution against the definition, written as plain loops. */
class TemporalConvolutionTest {
    private NDManager manager;

    @BeforeEach
    void setUp() {
        Tensors.engine(5);
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @ParameterizedTest(name = "kernel {0}, bias {1}")
    @CsvSource({"1, false", "3, false", "3, true", "5, true"})
    void equalsTheDefinition(int kernel, boolean bias) {
        int b = 2;
        int t = 6;
        int cin = 5; // not a multiple of 8: the case where oneDNN pads channels
        int cout = 3;
        Conv1d conv = Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(cout).optPadding(new Shape(kernel / 2))
                .optBias(bias).build();
        conv.initialize(manager, DataType.FLOAT32, new Shape(1, cin, t));
        NDArray wArray = conv.getParameters().get("weight").getArray();
        wArray.set(manager.randomNormal(wArray.getShape()).toFloatArray());
        float[] w = wArray.toFloatArray();
        float[] bv = bias ? conv.getParameters().get("bias").getArray().toFloatArray() : new float[cout];
        NDArray x = manager.randomNormal(new Shape(b, t, cin));
        float[] xv = x.toFloatArray();

        float[] y = TemporalConvolution.apply(new ParameterStore(manager, false), conv, x, kernel, false).toFloatArray();

        assertEquals(b * t * cout, y.length);
        int pad = kernel / 2;
        for (int n = 0; n < b; n++) {
            for (int s = 0; s < t; s++) {
                for (int o = 0; o < cout; o++) {
                    double expected = bv[o];
                    for (int c = 0; c < cin; c++) {
                        for (int j = 0; j < kernel; j++) {
                            int src = s + j - pad;
                            if (src >= 0 && src < t) {
                                expected += (double) w[(o * cin + c) * kernel + j] * xv[(n * t + src) * cin + c];
                            }
                        }
                    }
                    assertEquals(expected, y[(n * t + s) * cout + o], 1e-5, "y[" + n + ", " + s + ", " + o + "]");
                }
            }
        }
    }
}
