package io.github.umdf.baselines;

import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.testing.GcStress;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.EpochSummary;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.train.TrainingLoop;
import io.github.umdf.nn.train.TrainingResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Training every baseline while a thread keeps calling the garbage collector gives exactly the
 * numbers of an undisturbed run: no gradient reads memory the collector may free (see
 * {@code io.github.umdf.nn.ops.Scalars}).
 */
class GcSafetyTest {
    @TestFactory
    Stream<DynamicTest> garbageCollectionDuringTrainingChangesNothing() {
        return BaselineTesting.smallSpecs().stream().map(spec -> DynamicTest.dynamicTest(spec.family(), () -> {
            DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
            List<MultimodalSample> train = TestSamples.random(schema, 24, 3);
            List<MultimodalSample> valid = TestSamples.random(schema, 8, 4);
            TrainingConfig cfg = TrainingConfig.builder().batchSize(8).epochs(2).learningRate(3e-3).device(DeviceChoice.CPU).build();
            TrainingLoop loop = new TrainingLoop(spec, cfg, TrainingListener.SILENT);
            TrainingResult plain = loop.train(schema, train, valid, 5);
            TrainingResult stressed = GcStress.during(() -> loop.train(schema, train, valid, 5));
            plain.network().close();
            stressed.network().close();
            assertEquals(losses(plain), losses(stressed), spec.family());
        }));
    }

    private static List<Double> losses(TrainingResult r) {
        return r.history().stream().map(EpochSummary::validLoss).toList();
    }

}
