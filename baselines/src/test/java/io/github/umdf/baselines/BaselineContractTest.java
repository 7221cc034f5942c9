package io.github.umdf.baselines;

import ai.djl.Device;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.baselines.cubemlp.CubeMlpConfig;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.train.TrainingLoop;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** What every baseline network must do, checked on each of them at small sizes. */
class BaselineContractTest {
    private static Stream<DynamicTest> perSpec(String what, java.util.function.Consumer<ModelSpec> check) {
        return BaselineTesting.smallSpecs().stream().map(spec -> DynamicTest.dynamicTest(what + " " + spec.family(), () -> check.accept(spec)));
    }

    @TestFactory
    Stream<DynamicTest> predictAndRepresentHaveTheRightShapesForEveryTask() {
        return perSpec("shapes", spec -> {
            for (Task task : Task.values()) {
                DatasetSchema schema = TestSamples.schema(task, 5);
                List<MultimodalSample> samples = TestSamples.random(schema, 6, 11);
                try (NetworkSession s = NetworkSession.create(spec, schema, Device.cpu(), 1);
                     NDManager m = s.manager().newSubManager()) {
                    ModalityInputs in = s.batchBuilder().inputs(m, samples, BaselineTesting.randomMasks(samples, 4));
                    NDArray y = s.model().predict(s.parameterStore(), in);
                    NDArray z = s.model().represent(s.parameterStore(), in);
                    assertEquals(new Shape(6, schema.outputSize()), y.getShape(), spec.family() + " " + task);
                    assertEquals(2, z.getShape().dimension());
                    assertEquals(6, z.getShape().get(0));
                    for (float v : y.toFloatArray()) {
                        assertTrue(Float.isFinite(v), spec.family() + " " + task + " predicts " + v);
                    }
                    LossTerms loss = s.model().loss(s.parameterStore(), in, s.batchBuilder().targets(m, samples),
                            BaselineTesting.context(s, m, samples, 0), false);
                    assertEquals(new Shape(6, schema.outputSize()), loss.predictions().getShape());
                    loss.parts().forEach((k, v) -> assertTrue(Float.isFinite(v.getFloat()), spec.family() + " " + task + " part " + k));
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> adamStepsOnOneBatchLowerItsLoss() {
        return perSpec("steps", spec -> {
            DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
            float[] loss = BaselineTesting.lossBeforeAndAfter(spec, schema, TestSamples.random(schema, 8, 2), 5, 1e-2f);
            assertTrue(loss[1] < loss[0], spec.family() + ": loss before " + loss[0] + ", after 5 steps " + loss[1]);
        });
    }

    @TestFactory
    Stream<DynamicTest> savedParametersReloadToIdenticalPredictions() {
        return perSpec("round trip", spec -> {
            DatasetSchema schema = TestSamples.schema(Task.MULTI_LABEL, 5);
            List<MultimodalSample> samples = TestSamples.random(schema, 5, 8);
            List<SampleMask> masks = BaselineTesting.randomMasks(samples, 3);
            try (NetworkSession a = NetworkSession.create(spec, schema, Device.cpu(), 5);
                 NetworkSession b = NetworkSession.load(spec, schema, Device.cpu(), a.parameterBytes());
                 NetworkSession fresh = NetworkSession.create(spec, schema, Device.cpu(), 6)) {
                float[][] pa = BaselineTesting.predict(a, samples, masks);
                float[][] pb = BaselineTesting.predict(b, samples, masks);
                float[][] other = BaselineTesting.predict(fresh, samples, masks);
                double largestChange = 0;
                for (int i = 0; i < pa.length; i++) {
                    // equal up to float rounding: oneDNN may pick other kernels for other memory layouts (GRU)
                    assertArrayEquals(pa[i], pb[i], 1e-5f, "sample " + i);
                    for (int j = 0; j < pa[i].length; j++) {
                        largestChange = Math.max(largestChange, Math.abs(pa[i][j] - other[i][j]));
                    }
                }
                assertTrue(largestChange > 1e-4, "another seed, other parameters, other predictions");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> trainingStepsDoNotLeaveArraysBehind() {
        return perSpec("arrays", spec -> {
            DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
            List<MultimodalSample> train = TestSamples.random(schema, 8, 5);
            List<MultimodalSample> valid = TestSamples.random(schema, 4, 6);
            int[] arrays = new int[2];
            int[] epochs = {1, 3};
            for (int i = 0; i < 2; i++) {
                TrainingConfig cfg = TrainingConfig.builder().batchSize(4).epochs(epochs[i]).device(DeviceChoice.CPU).build();
                try (NetworkSession s = new TrainingLoop(spec, cfg, TrainingListener.SILENT).train(schema, train, valid, 1).network()) {
                    arrays[i] = ((BaseNDManager) s.manager()).getManagedArrays().size();
                }
            }
            assertEquals(arrays[0], arrays[1], spec.family() + ": arrays attached to the session after 1 and after 3 epochs");
        });
    }

    /** Extra padding frames at the end of every sequence must not change a prediction. */
    @TestFactory
    Stream<DynamicTest> paddingIsInvisible() {
        return perSpec("padding", spec -> {
            assumeFalse(spec instanceof CubeMlpConfig, "CubeMLP's MLP along time has the sequence length as a layer size (the original "
                    + "pads every sequence to its time_len): another T is another network, see CubeMlpModelTest");
            DatasetSchema shortSchema = TestSamples.schema(Task.REGRESSION, 5);
            DatasetSchema longSchema = TestSamples.schema(Task.REGRESSION, 8);
            List<MultimodalSample> samples = TestSamples.random(shortSchema, 4, 21);
            List<MultimodalSample> padded = new ArrayList<>();
            for (MultimodalSample s : samples) {
                EnumMap<Modality, FrameSequence> mods = new EnumMap<>(Modality.class);
                for (Modality m : s.modalities()) {
                    FrameSequence f = s.require(m);
                    float[] x = new float[8 * f.dim()];
                    for (int t = 0; t < f.length(); t++) {
                        for (int j = 0; j < f.dim(); j++) {
                            x[t * f.dim() + j] = f.get(t, j);
                        }
                    }
                    mods.put(m, FrameSequence.withLength(8, f.dim(), x, f.validCount()));
                }
                padded.add(new MultimodalSample(s.id(), mods, new float[] {s.target(0)}));
            }
            try (NetworkSession a = NetworkSession.create(spec, shortSchema, Device.cpu(), 9);
                 NetworkSession b = NetworkSession.load(spec, longSchema, Device.cpu(), a.parameterBytes())) {
                float[][] pa = BaselineTesting.predict(a, samples, BatchBuilder.completeMasks(samples));
                float[][] pb = BaselineTesting.predict(b, padded, BatchBuilder.completeMasks(padded));
                for (int i = 0; i < pa.length; i++) {
                    assertArrayEquals(pa[i], pb[i], 1e-4f, spec.family() + " sample " + i);
                }
            }
        });
    }
}
