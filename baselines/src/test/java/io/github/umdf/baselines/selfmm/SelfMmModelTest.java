package io.github.umdf.baselines.selfmm;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.github.umdf.baselines.BaselineTesting;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.train.TrainingLoop;
import io.github.umdf.nn.train.TrainingResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SelfMmModelTest {
    private static Map<String, float[]> labelsAfter(int epochs, DatasetSchema schema, List<MultimodalSample> train,
                                                    List<MultimodalSample> valid) {
        TrainingConfig cfg = TrainingConfig.builder().batchSize(4).epochs(epochs).learningRate(1e-2).device(DeviceChoice.CPU)
                .missingness(MissingnessConfig.complete()).build();
        TrainingResult r = new TrainingLoop(BaselineTesting.smallSelfMm(), cfg, TrainingListener.SILENT).train(schema, train, valid, 4);
        try (NetworkSession s = r.network()) {
            return ((SelfMmModel) s.model()).generatedLabels(Modality.AUDIO);
        }
    }

    @Test
    void labelsAreGeneratedFromTheSecondEpochAndOnlyForTrainingSamples() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        List<MultimodalSample> train = TestSamples.random(schema, 12, 1);
        List<MultimodalSample> valid = TestSamples.random(schema, 4, 2);
        Set<String> trainIds = new HashSet<>();
        train.forEach(s -> trainIds.add(s.id()));

        Map<String, float[]> afterWarmUp = labelsAfter(1, schema, train, valid);
        assertEquals(trainIds, afterWarmUp.keySet(), "one label per training sample, none for validation samples");
        for (MultimodalSample s : train) {
            assertEquals(s.target(0), afterWarmUp.get(s.id())[0], "epoch 1 is warm-up: y_s = y_M");
        }

        Map<String, float[]> afterTwo = labelsAfter(2, schema, train, valid);
        assertEquals(trainIds, afterTwo.keySet());
        int changed = 0;
        for (MultimodalSample s : train) {
            float y = afterTwo.get(s.id())[0];
            assertTrue(Math.abs(y) <= 3f, "bounded by H");
            changed += y != s.target(0) ? 1 : 0;
        }
        assertTrue(changed > 0, "epoch 2 generates unimodal labels");
    }

    @Test
    void unimodalTermsVanishWhileTheLabelsEqualTheTrueOnes() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        List<MultimodalSample> samples = TestSamples.random(schema, 4, 3);
        try (NetworkSession s = NetworkSession.create(BaselineTesting.smallSelfMm(), schema, Device.cpu(), 1);
             NDManager m = s.manager().newSubManager()) {
            LossTerms loss = BaselineTesting.loss(s, m, samples, BaselineTesting.randomMasks(samples, 1), 0, true);
            assertEquals(List.of("task", "language", "audio", "vision"), new ArrayList<>(loss.parts().keySet()));
            for (Modality mod : Modality.values()) {
                assertEquals(0f, loss.parts().get(mod.key()).getFloat(), "tanh(|y_s - y_M|) = 0 at the start");
            }
            assertEquals(List.of("targets", "fusion", "language", "audio", "vision"), new ArrayList<>(loss.extras().keySet()));
        }
    }

    private static long lstm(int in, int hidden) {
        return 4L * hidden * (in + hidden) + 8L * hidden; // DJL: i2h and h2h weights, two bias vectors
    }

    private static long linear(int in, int out) {
        return (long) in * out + out;
    }

    @Test
    void parameterCountsMatchAHandCount() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5); // language 6, audio 3, vision 4
        try (NetworkSession s = NetworkSession.create(BaselineTesting.smallSelfMm(), schema, Device.cpu(), 1)) {
            Map<String, Long> counts = ((SelfMmModel) s.model()).parameterCounts();
            // small spec: subnets 6->8->10, 3->4->4, 4->5->6; heads fusion 12, text 6, audio 4, vision 5
            assertEquals(lstm(6, 8) + linear(8, 10), counts.get("subnet_language"));
            assertEquals(lstm(3, 4) + linear(4, 4), counts.get("subnet_audio"));
            assertEquals(linear(20, 12) + linear(12, 12) + linear(12, 1), counts.get("fusionHead"));
            assertEquals(linear(6, 5) + linear(5, 5) + linear(5, 1), counts.get("head_vision"));
            assertEquals(s.parameterCount(), counts.values().stream().mapToLong(Long::longValue).sum());
        }
    }

    @Test
    void classificationTrainsTheUnimodalHeadsOnTheTrueLabelsWithoutGeneration() {
        DatasetSchema schema = TestSamples.schema(Task.MULTI_LABEL, 5);
        List<MultimodalSample> samples = TestSamples.random(schema, 4, 3);
        try (NetworkSession s = NetworkSession.create(BaselineTesting.smallSelfMm(), schema, Device.cpu(), 1);
             NDManager m = s.manager().newSubManager()) {
            LossTerms loss = BaselineTesting.loss(s, m, samples, BaselineTesting.randomMasks(samples, 1), 1, true);
            for (Modality mod : Modality.values()) {
                assertTrue(loss.parts().get(mod.key()).getFloat() > 0f, mod.key() + " head trains on the true labels");
            }
            s.model().afterStep(BaselineTesting.context(samples, 1), loss);
            assertTrue(((SelfMmModel) s.model()).generatedLabels(Modality.AUDIO).isEmpty());
        }
    }
}
