package io.github.umdf.tribuo;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.regression.Regressor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultimodalExampleTest {
    private static MultimodalSample sample(String id, int languageValid, boolean withAudio) {
        EnumMap<Modality, FrameSequence> m = new EnumMap<>(Modality.class);
        m.put(Modality.LANGUAGE, FrameSequence.withLength(4, 2, new float[] {1, 2, 3, 4, 5, 6, 0, 0}, languageValid));
        if (withAudio) {
            m.put(Modality.AUDIO, FrameSequence.allValid(4, 1, new float[] {1, 1, 1, 1}));
        }
        return new MultimodalSample(id, m, new float[] {0.5f});
    }

    private static List<String> names(Example<?> e) {
        List<String> out = new ArrayList<>();
        for (Feature f : e) {
            out.add(f.getName() + "=" + f.getValue());
        }
        return out;
    }

    @Test
    void exposesSummaryFeaturesOnlyAndCopiesShareTheSample() {
        MultimodalExample<Regressor> e = new MultimodalExample<>(new Regressor("sentiment", 0.5), sample("a", 3, true), "toy");
        assertEquals(List.of("audio.frames=4.0", "language.frames=3.0", "modalities=2.0"), names(e));
        assertEquals("a", e.getMetadataValue(Example.NAME).orElseThrow());
        assertTrue(e.validateExample());
        MultimodalExample<Regressor> copy = e.copy();
        assertNotSame(e, copy);
        assertSame(e.sample(), copy.sample());
        assertEquals(e, copy);
        assertEquals(e.hashCode(), copy.hashCode());

        MultimodalSample sameSummary = sample("a", 3, true).withModalities(java.util.Map.of(
                Modality.LANGUAGE, FrameSequence.withLength(4, 2, new float[] {9, 9, 9, 9, 9, 9, 0, 0}, 3),
                Modality.AUDIO, FrameSequence.allValid(4, 1, new float[] {1, 1, 1, 1})));
        assertNotEquals(e, new MultimodalExample<>(new Regressor("sentiment", 0.5), sameSummary, "toy"),
                "equal summary features but different sequences are different examples");
    }

    @Test
    void aSampleWithoutValidFramesStillHasFeaturesAndNoNaN() {
        MultimodalExample<Regressor> e = new MultimodalExample<>(new Regressor("sentiment", 0), sample("b", 0, false), "toy");
        assertEquals(List.of("language.frames=0.0", "modalities=1.0"), names(e));
        assertTrue(e.validateExample());
        MultimodalExample<Regressor> none = new MultimodalExample<>(new Regressor("sentiment", 0),
                new MultimodalSample("c", new EnumMap<>(Modality.class), new float[] {0}), "toy");
        assertEquals(List.of("modalities=0.0"), names(none));
        assertTrue(none.validateExample());
    }

    @Test
    void keepsTheFeatureMapSmallAndSurvivesJavaSerializationButNotProtobuf() throws Exception {
        DataSplits<Regressor> data = Fixtures.synthetic("mosi-aligned", new RegressorAdapter());
        MutableDataset<Regressor> train = data.mutableDataset(SplitName.TRAIN);
        assertEquals(4, train.getFeatureMap().size(), "modalities + three frame counts, not T x d features");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(train);
        }
        MutableDataset<?> back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (MutableDataset<?>) in.readObject();
        }
        assertEquals(train.size(), back.size());
        for (int i = 0; i < train.size(); i++) {
            assertEquals(train.getExample(i), back.getExample(i));
        }
        MutableDataset<Regressor> copy = MutableDataset.createDeepCopy(train);
        assertEquals(train.getExample(2), copy.getExample(2));
        assertTrue(copy.getExample(2) instanceof MultimodalExample);
        MultimodalExample<?> first = (MultimodalExample<?>) train.getExample(0);
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, first::serialize);
        assertTrue(e.getMessage().contains(first.sample().id()), e.getMessage());
    }
}
