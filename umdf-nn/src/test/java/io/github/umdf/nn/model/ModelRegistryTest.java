package io.github.umdf.nn.model;

import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.train.TrainingLoop;
import io.github.umdf.nn.train.TrainingResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated from the registry: every registered family trains a step and predicts. */
class ModelRegistryTest {
    @Test
    void umdfAndItsVariantsAreRegisteredInOrder() {
        List<String> names = ModelRegistry.names();
        assertEquals("umdf", names.get(0));
        assertTrue(names.containsAll(List.of("umdf-no-fea", "umdf-no-logits", "umdf-no-mcim", "umdf-no-dfim", "umdf-complete-data")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelRegistry.get("nope"));
        assertTrue(e.getMessage().contains("umdf-no-fea"), e.getMessage());
    }

    @TestFactory
    Stream<DynamicTest> everyFamilyTrainsAStepAndPredicts() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        List<MultimodalSample> train = TestSamples.random(schema, 8, 1);
        List<MultimodalSample> valid = TestSamples.random(schema, 4, 2);
        return ModelRegistry.all().stream().map(f -> DynamicTest.dynamicTest(f.name(), () -> {
            ModelSpec spec = f.defaultSpec(PaperDataset.MOSI);
            TrainingConfig cfg = f.defaultTraining(PaperDataset.MOSI).toBuilder().epochs(1).batchSize(8).device(DeviceChoice.CPU).build();
            TrainingResult r = new TrainingLoop(spec, cfg, TrainingListener.SILENT).train(schema, train, valid, 1);
            try (NetworkSession s = r.network()) {
                float[][] p = s.predict(valid, BatchBuilder.completeMasks(valid), 4);
                assertEquals(valid.size(), p.length);
                assertEquals(schema.outputSize(), p[0].length);
                assertTrue(Float.isFinite(p[0][0]));
                assertTrue(Double.isFinite(r.history().get(0).trainLoss().get("total")));
            }
        }));
    }
}
