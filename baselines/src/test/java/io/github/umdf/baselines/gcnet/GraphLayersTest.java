package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The two graph layers with one-feature nodes and weights set by hand, against PyG's formulas worked out
 * on paper: nodes {@code x = (1, 2, 4)} of one conversation.
 */
class GraphLayersTest {
    private static void set(AbstractBlock block, Map<String, Float> values) {
        int found = 0;
        for (var p : block.getParameters()) {
            Float v = values.get(p.getKey().replaceFirst("^\\d+", "")); // keys carry the child's position: 01root_weight
            if (v != null) {
                p.getValue().getArray().set(new float[] {v});
                found++;
            }
        }
        assertEquals(values.size(), found, block.getParameters().keys().toString());
    }

    @Test
    void relationalConvolutionAveragesEachRelationAndAddsTheRoot() {
        try (NDManager m = NDManager.newBaseManager()) {
            RelationalGraphConvolution rgcn = new RelationalGraphConvolution(1, 1, 2);
            rgcn.initialize(m, DataType.FLOAT32, new Shape(1, 1, 1));
            set(rgcn, Map.of("root_weight", 2f, "root_bias", 0.5f, "relation0_weight", 3f, "relation1_weight", -1f));
            NDArray x = m.create(new float[] {1, 2, 4}, new Shape(1, 3, 1));
            // relation 0: node 1 receives from nodes 0 and 2 (mean: 1/2 each); relation 1: node 0 receives from node 1
            NDArray a0 = m.create(new float[] {0, 0, 0, 0.5f, 0, 0.5f, 0, 0, 0}, new Shape(1, 3, 3));
            NDArray a1 = m.create(new float[] {0, 1, 0, 0, 0, 0, 0, 0, 0}, new Shape(1, 3, 3));
            float[] out = rgcn.apply(new ParameterStore(m, false), x, List.of(a0, a1), false).toFloatArray();
            // node 0: 2·1 + 0.5 + (-1)·mean(x1 = 2) = 0.5
            // node 1: 2·2 + 0.5 + 3·mean(x0 = 1, x2 = 4) = 4.5 + 7.5 = 12
            // node 2: 2·4 + 0.5, no edges = 8.5
            assertArrayEquals(new float[] {0.5f, 12f, 8.5f}, out, 1e-6f);
        }
    }

    @Test
    void graphConvolutionSumsTheNeighboursWhateverTheirRelation() {
        try (NDManager m = NDManager.newBaseManager()) {
            GraphConvolution conv = new GraphConvolution(1, 1);
            conv.initialize(m, DataType.FLOAT32, new Shape(1, 1, 1));
            set(conv, Map.of("root_weight", 2f, "neighbours_weight", 3f, "neighbours_bias", 1f));
            NDArray x = m.create(new float[] {1, 2, 4}, new Shape(1, 3, 1));
            // node 1 receives from nodes 0, 1 (self-loop) and 2; the others receive nothing
            NDArray a = m.create(new float[] {0, 0, 0, 1, 1, 1, 0, 0, 0}, new Shape(1, 3, 3));
            float[] out = conv.apply(new ParameterStore(m, false), x, a, false).toFloatArray();
            // node 0: 2·1 + 3·0 + 1 = 3; node 1: 2·2 + 3·(1 + 2 + 4) + 1 = 26; node 2: 2·4 + 1 = 9
            assertArrayEquals(new float[] {3f, 26f, 9f}, out, 1e-6f);
        }
    }
}
