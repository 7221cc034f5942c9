package io.github.umdf.tribuo.provenance;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import io.github.umdf.tribuo.Fixtures;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.junit.jupiter.api.Test;
import org.tribuo.regression.Regressor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProvenanceFormatsTest {
    @Test
    void treeAndJsonShowTheWholeProvenanceAndJsonReadsBack() {
        DataSplits<Regressor> data = Fixtures.synthetic("mosi-aligned", new RegressorAdapter());
        MultimodalModel<Regressor> model = Fixtures.train(data, 4, 1);
        String tree = ProvenanceFormats.tree(model.getProvenance());
        for (String expected : new String[] {"MultimodalModel (io.github.umdf.tribuo.MultimodalModel)", "trainer: MultimodalTrainer", "model: UmdfConfig",
                "modelDim: 8", "missingness: MissingnessConfig", "device: cpu()", "engine-name: PyTorch", "synthetic-preset: mosi-aligned",
                "split: train", "validation-dataset: MutableDataset", "train-invocation-count: 0"}) {
            assertTrue(tree.contains(expected), "tree should contain '" + expected + "':\n" + tree);
        }
        assertTrue(tree.lines().anyMatch(l -> l.startsWith("      ")), "nested values are indented");

        String json = ProvenanceFormats.json(model.getProvenance());
        JsonArray array = JsonParser.parseString(json).getAsJsonArray();
        assertTrue(array.size() > 5, json);
        ObjectProvenance back = ProvenanceFormats.fromJson(json);
        assertEquals(model.getProvenance(), back);
        model.close();
    }
}
