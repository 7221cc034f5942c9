package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.testing.Tensors;
import io.github.umdf.nn.umdf.Dfim;
import org.junit.jupiter.api.Test;

class DfimTest {
    @Test
    void equalStreamsEqualTheOneStreamPath() {
        Tensors.engine(3);
        try (NDManager m = NDManager.newBaseManager()) {
            Dfim dfim = new Dfim(12, 3);
            dfim.initialize(m, DataType.FLOAT32, new Shape(1, 1, 12), new Shape(1, 1, 12));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray h = m.randomNormal(new Shape(4, 6, 12));
            NDArray mask = m.create(new float[] {
                    1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0}, new Shape(4, 6));
            Tensors.assertClose(dfim.fuse(ps, h, h, mask, false), dfim.fuseIdentical(ps, h, mask, false), 1e-6);
        }
    }

    @Test
    void selfEnhancementMatchesHandComputation() {
        Tensors.engine(3);
        try (NDManager m = NDManager.newBaseManager()) {
            Dfim dfim = new Dfim(1, 1);
            dfim.initialize(m, DataType.FLOAT32, new Shape(1, 1, 1), new Shape(1, 1, 1));
            Tensors.setParameter(dfim, "frameScore_weight", 1f);
            Tensors.setParameter(dfim, "frameScore_bias", 0f);
            // H = [1, 2] over two frames: M = softmax([1, 2]); H~ = H + M * H
            NDArray h = m.create(new float[] {1, 2}, new Shape(1, 2, 1));
            double m0 = Math.exp(1) / (Math.exp(1) + Math.exp(2));
            Tensors.assertValues(new float[] {(float) (1 + m0), (float) (2 + 2 * (1 - m0))},
                    dfim.enhance(new ParameterStore(m, false), h, null, false), 1e-6);
        }
    }
}
