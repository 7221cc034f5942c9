package io.github.umdf.baselines.gcnet;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.github.umdf.baselines.BaselineTesting;
import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelRegistry;
import io.github.umdf.nn.testing.TestSamples;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.nn.train.NetworkSession;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.train.TrainingLoop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GcnetModelTest {
    private static final GcnetConfig SMALL_VIDEOS = BaselineTesting.smallGcnet().toBuilder().ungroupedIds(UngroupedIds.REFUSE).build();

    /** Three videos of four segments each, with random training masks. */
    private static List<MultimodalSample> videos(DatasetSchema schema) {
        return BaselineTesting.inVideos(TestSamples.random(schema, 12, 7), 4);
    }

    private static float[][] predict(NetworkSession s, List<MultimodalSample> samples, List<SampleMask> masks, int batchSize) {
        return s.predict(samples, masks, batchSize);
    }

    @Test
    void utteranceVectorsAverageTheObservedFramesAndMissingMeansNoneObservedButSomeExist() {
        DatasetSchema schema = DatasetSchema.builder("tiny", Task.REGRESSION).labels("sentiment").labelRange(-3, 3)
                .modality(Modality.LANGUAGE, 3, 2).modality(Modality.AUDIO, 3, 1).modality(Modality.VISION, 3, 1).build();
        EnumMap<Modality, FrameSequence> first = new EnumMap<>(Modality.class);
        first.put(Modality.LANGUAGE, FrameSequence.allValid(3, 2, new float[] {1, 2, 3, 4, 5, 9}));
        first.put(Modality.AUDIO, FrameSequence.withLength(3, 1, new float[] {1, 2, 0}, 2));
        first.put(Modality.VISION, FrameSequence.withLength(3, 1, new float[] {4, 0, 0}, 1));
        EnumMap<Modality, FrameSequence> second = new EnumMap<>(Modality.class); // no vision at all
        second.put(Modality.LANGUAGE, FrameSequence.allValid(3, 2, new float[] {1, 1, 1, 1, 1, 1}));
        second.put(Modality.AUDIO, FrameSequence.allValid(3, 1, new float[] {2, 2, 2}));
        List<MultimodalSample> samples = List.of(new MultimodalSample("v[0]", first, new float[] {1}),
                new MultimodalSample("v[1]", second, new float[] {0}));
        // first: language frame 2 dropped, audio missing, vision kept; second: complete
        SampleMask dropped = new SampleMask(Map.of(Modality.LANGUAGE, new boolean[] {true, true, false},
                Modality.VISION, new boolean[] {true, false, false}));
        GcnetModel model = (GcnetModel) SMALL_VIDEOS.build(schema);
        BatchBuilder builder = new BatchBuilder(schema);
        try (NDManager m = NDManager.newBaseManager()) {
            ModalityInputs view = builder.inputs(m, samples, List.of(dropped, SampleMask.complete(samples.get(1))));
            ModalityInputs complete = builder.inputs(m, samples, BatchBuilder.completeMasks(samples));
            // order audio, language (2), vision; first view: audio none observed = 0, language (1+3)/2, (2+4)/2, vision 4
            assertArrayEquals(new float[] {0, 2, 3, 4, 2, 1, 1, 0}, model.utteranceVectors(view).toFloatArray(), 1e-6f);
            // complete: audio over its 2 valid frames (1+2)/2, language over 3 frames (1+3+5)/3, (2+4+9)/3
            assertArrayEquals(new float[] {1.5f, 3, 5, 4, 2, 1, 1, 0}, model.utteranceVectors(complete).toFloatArray(), 1e-6f);
            // missing: the first segment's audio; the second's vision does not exist, so there is nothing to reconstruct
            assertArrayEquals(new float[] {1, 0, 0, 0, 0, 0}, model.missingModalities(view, complete).toFloatArray());
        }
    }

    @Test
    void predictionsDependOnTheirConversationOnlyNotOnBatchingOrOrder() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> samples = videos(schema);
        List<SampleMask> masks = BaselineTesting.randomMasks(samples, 2);
        try (NetworkSession s = NetworkSession.create(SMALL_VIDEOS, schema, Device.cpu(), 4)) {
            float[][] together = predict(s, samples, masks, 64);
            float[][] oneConversationPerBatch = predict(s, samples, masks, 1);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < samples.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new java.util.Random(3));
            List<MultimodalSample> shuffled = new ArrayList<>();
            List<SampleMask> shuffledMasks = new ArrayList<>();
            order.forEach(i -> {
                shuffled.add(samples.get(i));
                shuffledMasks.add(masks.get(i));
            });
            float[][] inShuffledOrder = predict(s, shuffled, shuffledMasks, 2);
            for (int k = 0; k < order.size(); k++) {
                int i = order.get(k);
                assertArrayEquals(together[i], oneConversationPerBatch[i], 1e-5f, "sample " + i + ", one conversation per batch");
                assertArrayEquals(together[i], inShuffledOrder[k], 1e-5f, "sample " + i + ", rows shuffled");
            }

            // the graph reads the conversation: a segment predicted alone differs from the same segment among its video's
            float[][] alone = predict(s, samples.subList(1, 2), masks.subList(1, 2), 64);
            assertTrue(Math.abs(alone[0][0] - together[1][0]) > 1e-4, "alone " + alone[0][0] + ", in its video " + together[1][0]);
            // changing segment 0 of video 0 changes its video's predictions, not the other videos'
            List<SampleMask> otherMasks = new ArrayList<>(masks);
            otherMasks.set(0, new SampleMask(Map.of()));
            float[][] changed = predict(s, samples, otherMasks, 64);
            assertTrue(Math.abs(changed[1][0] - together[1][0]) > 1e-5, "a neighbour's input reaches segment 1");
            for (int i = 4; i < 12; i++) {
                assertArrayEquals(together[i], changed[i], 1e-6f, "sample " + i + " of another video");
            }
        }
    }

    @Test
    void batchesHoldWholeConversationsAndCountConversations() {
        GcnetModel model = (GcnetModel) SMALL_VIDEOS.build(TestSamples.schema(Task.REGRESSION, 4));
        List<int[]> plan = model.batches(List.of("a[0]", "b[0]", "a[1]", "c[0]", "b[1]"), 2);
        assertEquals(2, plan.size());
        assertArrayEquals(new int[] {0, 2, 1, 4}, plan.get(0));
        assertArrayEquals(new int[] {3}, plan.get(1));
        // the synthetic presets' ids, by the default setting: runs of 20 consecutive indices per split
        GcnetModel byDefault = (GcnetModel) new GcnetConfig().build(TestSamples.schema(Task.REGRESSION, 4));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            ids.add("mosi-aligned/train/" + String.format("%06d", i));
        }
        assertEquals(List.of(20, 20, 5), byDefault.batches(ids, 1).stream().map(b -> b.length).toList());
    }

    @Test
    void idsWithoutConversationsStopTrainingWithAClearMessage() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> train = TestSamples.random(schema, 8, 1); // ids s1-0 ... s1-7
        TrainingConfig cfg = TrainingConfig.builder().batchSize(4).epochs(1).device(DeviceChoice.CPU).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TrainingLoop(SMALL_VIDEOS, cfg, TrainingListener.SILENT).train(schema, train, train, 1));
        assertTrue(e.getMessage().contains("id 's1-") && e.getMessage().contains("names no conversation"), e.getMessage());
    }

    @Test
    void predictionNeedsTheRowsIds() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> samples = videos(schema);
        try (NetworkSession s = NetworkSession.create(SMALL_VIDEOS, schema, Device.cpu(), 4); NDManager m = s.manager().newSubManager()) {
            ModalityInputs in = s.batchBuilder().inputs(m, samples, BatchBuilder.completeMasks(samples));
            EnumMap<Modality, ai.djl.ndarray.NDArray> f = new EnumMap<>(Modality.class);
            EnumMap<Modality, ai.djl.ndarray.NDArray> v = new EnumMap<>(Modality.class);
            for (Modality mod : in.modalities()) {
                f.put(mod, in.features(mod));
                if (in.valid(mod) != null) {
                    v.put(mod, in.valid(mod));
                }
            }
            ModalityInputs anonymous = new ModalityInputs(f, v, Map.of());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.model().predict(s.parameterStore(), anonymous));
            assertTrue(e.getMessage().contains("these inputs carry none"), e.getMessage());
        }
    }

    @Test
    void theReconstructionLossSeesOnlyWhatAViewDropped() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> samples = videos(schema);
        try (NetworkSession s = NetworkSession.create(SMALL_VIDEOS, schema, Device.cpu(), 4); NDManager m = s.manager().newSubManager()) {
            var complete = BaselineTesting.loss(s, m, samples, BatchBuilder.completeMasks(samples), 0, false);
            assertEquals(0f, complete.parts().get("reconstruction").getFloat(), "nothing dropped, nothing to reconstruct");
            List<SampleMask> withoutAudio = new ArrayList<>();
            for (MultimodalSample x : samples) {
                boolean[] all = new boolean[4];
                java.util.Arrays.fill(all, true);
                withoutAudio.add(new SampleMask(Map.of(Modality.LANGUAGE, all, Modality.VISION, all)));
            }
            var dropped = BaselineTesting.loss(s, m, samples, withoutAudio, 0, false);
            assertTrue(dropped.parts().get("reconstruction").getFloat() > 0, dropped.parts().toString());
        }
    }

    /**
     * GcSafetyTest trains GCNet for two steps only (its batch of 8 counts conversations); this run takes 18
     * steps with random missing views, so that the reconstruction loss takes part, under the collector's stress.
     */
    @Test
    void garbageCollectionDuringManyStepsChangesNothing() {
        DatasetSchema schema = TestSamples.schema(Task.REGRESSION, 4);
        List<MultimodalSample> train = BaselineTesting.inVideos(TestSamples.random(schema, 36, 3), 3);
        List<MultimodalSample> valid = BaselineTesting.inVideos(TestSamples.random(schema, 9, 4), 3);
        TrainingConfig cfg = TrainingConfig.builder().batchSize(2).epochs(3).learningRate(3e-3).device(DeviceChoice.CPU).build();
        TrainingLoop loop = new TrainingLoop(SMALL_VIDEOS, cfg, TrainingListener.SILENT);
        var plain = loop.train(schema, train, valid, 5);
        var stressed = io.github.umdf.nn.testing.GcStress.during(() -> loop.train(schema, train, valid, 5));
        plain.network().close();
        stressed.network().close();
        assertEquals(plain.history().stream().map(h -> h.trainLoss().get("total")).toList(),
                stressed.history().stream().map(h -> h.trainLoss().get("total")).toList());
        assertEquals(plain.history().stream().map(h -> h.validLoss()).toList(), stressed.history().stream().map(h -> h.validLoss()).toList());
    }

    @Test
    void registryDefaultsFollowTheOriginal() {
        var family = ModelRegistry.get("gcnet");
        assertEquals(1, ((GcnetConfig) family.defaultSpec(PaperDataset.MOSI)).speakers());
        assertEquals(2, ((GcnetConfig) family.defaultSpec(PaperDataset.IEMOCAP)).speakers());
        assertEquals(new GcnetConfig(), family.defaultSpec(PaperDataset.MOSI));
        TrainingConfig t = family.defaultTraining(PaperDataset.MOSI);
        assertEquals(32, t.batchSize());
        assertEquals(1e-3, t.learningRate());
        assertEquals(1e-5, t.weightDecay());
        assertEquals(100, t.epochs());
        assertEquals(0, t.earlyStoppingPatience());
        assertEquals(MissingnessConfig.defaults().subsetDistribution(), t.missingness().subsetDistribution());
        assertEquals(UngroupedIds.SYNTHETIC_RUNS, new GcnetConfig().ungroupedIds());
    }
}
