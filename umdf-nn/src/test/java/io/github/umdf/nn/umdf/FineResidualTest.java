package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.block.NormPlacement;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;

/**
 * D4: a pre-norm MCIM layer adds the residual to its fine-grained branches once (Z^f = Z^c + a_0 + a_1),
 * or once per branch. With the coarse attention's output and the feed-forward's output zeroed, Z^c = X and
 * the layer returns Z^f: the two rules then differ by exactly X.
 */
class FineResidualTest {
    private static NDArray output(FineResidual rule, NDManager m, NDArray x, NDArray audio, NDArray vision) {
        Tensors.engine(5);
        McimLayer layer = McimLayer.builder().setDim(4).setHeads(2).setTarget(Modality.LANGUAGE)
                .setModalities(EnumSet.allOf(Modality.class)).optNorm(NormPlacement.PRE).optFineResidual(rule).build();
        layer.initialize(m, DataType.FLOAT32, new Shape(1, 1, 4));
        for (var p : layer.getParameters()) {
            String k = p.getKey();
            if (k.contains("contract") || k.contains("coarse") && k.contains("output")) {
                p.getValue().getArray().muli(0f);
            }
        }
        EnumMap<Modality, NDArray> sources = new EnumMap<>(Modality.class);
        sources.put(Modality.AUDIO, audio.concat(x, 1));
        sources.put(Modality.VISION, vision.concat(x, 1));
        EnumMap<Modality, NDArray> masks = new EnumMap<>(Modality.class);
        masks.put(Modality.AUDIO, null);
        masks.put(Modality.VISION, null);
        NDArray all = x.concat(audio, 1).concat(vision, 1);
        return layer.forward(new ParameterStore(m, false), x, null, all, null, sources, masks, false);
    }

    @Test
    void theResidualIsAddedOnceForAllFineGrainedBranches() {
        try (NDManager m = NDManager.newBaseManager()) {
            Tensors.engine(1);
            NDArray x = m.randomNormal(new Shape(2, 3, 4));
            NDArray audio = m.randomNormal(new Shape(2, 3, 4));
            NDArray vision = m.randomNormal(new Shape(2, 3, 4));
            NDArray once = output(FineResidual.ONCE, m, x, audio, vision);
            NDArray perBranch = output(FineResidual.PER_BRANCH, m, x, audio, vision);
            // (X + a_0) + (X + a_1) − (X + a_0 + a_1) = X
            Tensors.assertClose(x, perBranch.sub(once), 1e-5);
        }
    }
}
