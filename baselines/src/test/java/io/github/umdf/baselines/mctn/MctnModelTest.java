package io.github.umdf.baselines.mctn;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.github.umdf.baselines.BaselineTesting;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.EvaluationMasks;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.nn.train.NetworkSession;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MctnModelTest {
    private static List<SampleMask> only(ModalitySubset subset, List<MultimodalSample> samples) {
        List<SampleMask> masks = new ArrayList<>();
        samples.forEach(s -> masks.add(EvaluationMasks.mask(1, subset, 0.0, s)));
        return masks;
    }

    @Test
    void predictionsReadTheSourceAloneSoMissingAudioAndVisionCostNothing() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 6);
        List<MultimodalSample> samples = TestSamples.random(schema, 6, 3);
        try (NetworkSession s = NetworkSession.create(BaselineTesting.smallMctn(), schema, Device.cpu(), 2)) {
            float[][] complete = BaselineTesting.predict(s, samples, BatchBuilder.completeMasks(samples));
            float[][] languageOnly = BaselineTesting.predict(s, samples, only(ModalitySubset.of(Modality.LANGUAGE), samples));
            float[][] withoutLanguage = BaselineTesting.predict(s, samples,
                    only(ModalitySubset.of(Modality.AUDIO, Modality.VISION), samples));
            for (int i = 0; i < samples.size(); i++) {
                assertArrayEquals(complete[i], languageOnly[i], 0f, "sample " + i);
            }
            assertFalse(complete[0][0] == withoutLanguage[0][0], "without its source MCTN sees only zeros");
        }
    }

    @Test
    void theObjectiveHasBothTranslationsTheCycleTheTaskAndTheL2Term() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5);
        List<MultimodalSample> samples = TestSamples.random(schema, 4, 1);
        try (NetworkSession s = NetworkSession.create(BaselineTesting.smallMctn(), schema, Device.cpu(), 2);
             NDManager m = s.manager().newSubManager()) {
            for (boolean training : new boolean[] {true, false}) {
                LossTerms loss = BaselineTesting.loss(s, m, samples, BaselineTesting.randomMasks(samples, 5), 0, training);
                assertEquals(List.of("task", "translation", "cycle", "translation2", "l2"), new ArrayList<>(loss.parts().keySet()));
                MctnConfig c = BaselineTesting.smallMctn();
                float expected = loss.parts().get("task").getFloat()
                        + (float) c.translationWeight() * loss.parts().get("translation").getFloat()
                        + (float) c.cycleWeight() * loss.parts().get("cycle").getFloat()
                        + (float) c.secondTranslationWeight() * loss.parts().get("translation2").getFloat()
                        + (float) c.l2() * loss.parts().get("l2").getFloat();
                assertEquals(expected, loss.total().getFloat(), 1e-4f);
            }
        }
    }

    @Test
    void aDataSetWithoutVisionGetsOneLevelAndNoSourceIsAClearError() {
        DatasetSchema noVision = TestSamples.schema(Task.REGRESSION, 5).toBuilder().without(Modality.VISION).build();
        MctnNetwork n = new MctnNetwork(BaselineTesting.smallMctn(), noVision);
        assertEquals(List.of(Modality.AUDIO), n.targets());
        assertTrue(n.getChildren().keys().stream().noneMatch(k -> k.contains("encoder2")));
        DatasetSchema noText = TestSamples.schema(Task.REGRESSION, 5).toBuilder().without(Modality.LANGUAGE).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MctnNetwork(new MctnConfig(), noText));
        assertTrue(e.getMessage().contains("language"), e.getMessage());
    }

    @Test
    void sourceAndFirstTargetShareWidthForTheCycle() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5); // language 6, vision 4
        assertEquals(6, new MctnNetwork(BaselineTesting.smallMctn(), schema).sharedDim());
        assertEquals(6, new MctnNetwork(BaselineTesting.smallMctn().toBuilder().cycle(false).build(), schema).sharedDim());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MctnConfig.builder().firstTarget(Modality.LANGUAGE).build());
        assertTrue(e.getMessage().contains("must differ"), e.getMessage());
    }
}
