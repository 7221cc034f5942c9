package io.github.umdf.baselines.transm;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.umdf.baselines.BaselineTesting;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.EvaluationMasks;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.NetworkSession;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransmModelTest {
    @Test
    void theObjectiveHasFourTranslationsAndTheTaskAndStaysFiniteWithWholeModalitiesMissing() {
        DatasetSchema schema = TestSamples.schema(Task.SINGLE_LABEL, 5);
        List<MultimodalSample> samples = TestSamples.random(schema, 6, 2);
        List<SampleMask> masks = new ArrayList<>();
        List<ModalitySubset> conditions = ModalitySubset.PAPER_CONDITIONS;
        for (int i = 0; i < samples.size(); i++) {
            masks.add(EvaluationMasks.mask(3, conditions.get(i % conditions.size()), 0.3, samples.get(i)));
        }
        TransmConfig c = BaselineTesting.smallTransm();
        try (NetworkSession s = NetworkSession.create(c, schema, Device.cpu(), 2);
             NDManager m = s.manager().newSubManager()) {
            LossTerms loss = BaselineTesting.loss(s, m, samples, masks, 0, true);
            assertEquals(List.of("task", "forward_vision", "backward_vision", "forward_audio", "backward_audio"),
                    new ArrayList<>(loss.parts().keySet()));
            float translations = 0;
            for (var e : loss.parts().entrySet()) {
                assertTrue(Float.isFinite(e.getValue().getFloat()), e.getKey());
                if (!e.getKey().equals("task")) {
                    translations += e.getValue().getFloat();
                }
            }
            assertEquals(loss.parts().get("task").getFloat() + (float) c.translationWeight() * translations, loss.total().getFloat(), 1e-3f);
            // text, audio and vision embeddings of width d, plus two encoders per pair
            ModalityInputs in = s.batchBuilder().inputs(m, samples, masks);
            assertEquals(new Shape(6, 7L * c.modelDim()), s.model().represent(s.parameterStore(), in).getShape());
        }
    }

    @Test
    void feedForwardWidthsFollowThePairAndTheDefaultsAreTheOriginals() {
        TransmConfig c = new TransmConfig();
        assertEquals(200, c.ffnDim(Modality.VISION));
        assertEquals(120, c.ffnDim(Modality.AUDIO));
        assertEquals(10, c.encoderLayers());
        assertEquals(5, c.decoderLayers());
        assertEquals(100, c.modelDim());
        assertEquals(5, c.heads());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TransmConfig.builder().heads(3).build());
        assertTrue(e.getMessage().contains("must divide"), e.getMessage());
    }

    @Test
    void withoutAudioThereIsOnePair() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 5).toBuilder().without(Modality.AUDIO).build();
        TransmNetwork n = new TransmNetwork(BaselineTesting.smallTransm(), schema);
        assertEquals(List.of(Modality.VISION), n.targets());
    }
}
