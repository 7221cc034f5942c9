package io.github.umdf.baselines;

import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.SubsetDistribution;
import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelGroup;
import io.github.umdf.nn.model.ModelRegistry;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.train.TrainingLoop;
import io.github.umdf.nn.train.TrainingResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generated from the one registry: every registered family (UMDF's and the baselines) trains and predicts for every task. */
class BaselineRegistryTest {
    @Test
    void theBaselinesAreRegisteredAfterUmdfWithTheirTrainingRegimes() {
        List<String> names = ModelRegistry.names();
        assertEquals("umdf", names.get(0));
        List<ModelFamily> baselines = ModelRegistry.inGroups(ModelGroup.BASELINE);
        assertTrue(baselines.stream().map(ModelFamily::name).toList().containsAll(List.of("mctn", "selfmm", "transm", "smil", "gcnet", "cubemlp")), names.toString());
        assertEquals(baselines, ModelRegistry.all().subList(names.size() - baselines.size(), names.size()), "baselines come last");
        for (ModelFamily f : baselines) {
            String name = f.name();
            assertEquals(name, f.defaultSpec(PaperDataset.MOSI).family());
            assertEquals(1, f.defaultSpec(PaperDataset.MOSI).viewsPerSample());
            assertTrue(f.citation().matches(".+ et al\\., [A-Z]+( [A-Z]+)? 20\\d\\d"), f.citation()); // AAAI 2019, ACM MM 2022
        }
        assertEquals(SubsetDistribution.COMPLETE, ModelRegistry.get("selfmm").defaultTraining(PaperDataset.MOSI).missingness().subsetDistribution());
        assertEquals(SubsetDistribution.COMPLETE, ModelRegistry.get("cubemlp").defaultTraining(PaperDataset.MOSI).missingness().subsetDistribution());
        assertEquals(SubsetDistribution.UNIFORM_SUBSETS, ModelRegistry.get("mctn").defaultTraining(PaperDataset.MOSI).missingness().subsetDistribution());
        assertEquals(1e-4, ModelRegistry.get("mctn").defaultTraining(PaperDataset.MOSI).learningRate());
        assertEquals(32, ModelRegistry.get("transm").defaultTraining(PaperDataset.MOSI).batchSize());
        TrainingConfig smil = ModelRegistry.get("smil").defaultTraining(PaperDataset.MOSI);
        assertEquals(SubsetDistribution.UNIFORM_SUBSETS, smil.missingness().subsetDistribution());
        assertEquals(List.of(128, 1e-3, 1e-4), List.of(smil.batchSize(), smil.learningRate(), smil.weightDecay()));
    }

    @TestFactory
    Stream<DynamicTest> everyFamilyTrainsAnEpochAndPredictsForEveryTask() {
        List<DynamicTest> tests = new ArrayList<>();
        for (ModelFamily f : ModelRegistry.all()) {
            for (Task task : Task.values()) {
                tests.add(DynamicTest.dynamicTest(f.name() + " " + task.key(), () -> {
                    DatasetSchema schema = TestSamples.schema(task, 4);
                    // segments of videos, as real data sets have them: conversation models (GCNet) group by video
                    List<MultimodalSample> train = BaselineTesting.inVideos(TestSamples.random(schema, 8, 1), 3);
                    List<MultimodalSample> valid = BaselineTesting.inVideos(TestSamples.random(schema, 4, 2), 3);
                    ModelSpec spec = f.defaultSpec(PaperDataset.MOSI);
                    TrainingConfig cfg = f.defaultTraining(PaperDataset.MOSI).toBuilder().epochs(1).batchSize(8).device(DeviceChoice.CPU)
                            .build();
                    TrainingResult r = new TrainingLoop(spec, cfg, TrainingListener.SILENT).train(schema, train, valid, 1);
                    try (NetworkSession s = r.network()) {
                        float[][] p = s.predict(valid, BatchBuilder.completeMasks(valid), 4);
                        assertEquals(valid.size(), p.length);
                        for (float[] row : p) {
                            assertEquals(schema.outputSize(), row.length);
                            for (float v : row) {
                                assertTrue(Float.isFinite(v), f.name() + " predicts " + v);
                            }
                        }
                        assertTrue(Double.isFinite(r.history().get(0).trainLoss().get("total")));
                    }
                }));
            }
        }
        return tests.stream();
    }
}
