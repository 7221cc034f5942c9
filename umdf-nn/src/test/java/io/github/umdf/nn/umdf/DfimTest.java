package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.testing.Tensors;
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

    /**
     * The gate with two different streams, against the definition written as loops over the gate's own
     * weights: {@code μ[b,t,o] = σ(bias[o] + Σ_c Σ_j w[o,c,j] · [H̃_a ‖ H̃_b][b, t + j − k/2, c])} (zero padding)
     * and {@code H_e = μ ⊙ H̃_a + (1 − μ) ⊙ H̃_b}. Equal streams cannot show a gate bug (μx + (1 − μ)x = x).
     */
    @Test
    void theGateMixesTwoDifferentStreamsAsDefined() {
        Tensors.engine(4);
        int batch = 2;
        int frames = 4;
        int dim = 3;
        int kernel = 3;
        try (NDManager m = NDManager.newBaseManager()) {
            Dfim dfim = new Dfim(dim, kernel);
            dfim.initialize(m, DataType.FLOAT32, new Shape(1, 1, dim), new Shape(1, 1, dim));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray ha = m.randomNormal(new Shape(batch, frames, dim));
            NDArray hb = m.randomNormal(new Shape(batch, frames, dim)).mul(3f);
            float[] ea = dfim.enhance(ps, ha, null, false).toFloatArray();
            float[] eb = dfim.enhance(ps, hb, null, false).toFloatArray();
            float[] w = null;
            float[] bias = null;
            for (var p : dfim.getParameters()) {
                if (p.getKey().endsWith("gate_weight")) {
                    w = p.getValue().getArray().toFloatArray(); // (D, 2D, k)
                } else if (p.getKey().endsWith("gate_bias")) {
                    bias = p.getValue().getArray().toFloatArray();
                }
            }
            org.junit.jupiter.api.Assertions.assertNotNull(bias, dfim.getParameters().keys().toString());
            float[] expected = new float[batch * frames * dim];
            for (int b = 0; b < batch; b++) {
                for (int t = 0; t < frames; t++) {
                    for (int o = 0; o < dim; o++) {
                        double z = bias[o];
                        for (int c = 0; c < 2 * dim; c++) {
                            for (int j = 0; j < kernel; j++) {
                                int src = t + j - kernel / 2;
                                if (src < 0 || src >= frames) {
                                    continue;
                                }
                                float x = c < dim ? ea[(b * frames + src) * dim + c] : eb[(b * frames + src) * dim + c - dim];
                                z += w[(o * 2 * dim + c) * kernel + j] * x;
                            }
                        }
                        double mu = 1 / (1 + Math.exp(-z));
                        int i = (b * frames + t) * dim + o;
                        expected[i] = (float) (mu * ea[i] + (1 - mu) * eb[i]);
                    }
                }
            }
            Tensors.assertValues(expected, dfim.fuse(ps, ha, hb, null, false), 1e-5);
        }
    }
}
