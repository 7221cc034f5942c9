package io.github.umdf.baselines;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.github.umdf.baselines.cubemlp.CubeMlpConfig;
import io.github.umdf.baselines.gcnet.GcnetConfig;
import io.github.umdf.baselines.gcnet.UngroupedIds;
import io.github.umdf.baselines.mctn.MctnConfig;
import io.github.umdf.baselines.selfmm.SelfMmConfig;
import io.github.umdf.baselines.smil.SmilConfig;
import io.github.umdf.baselines.transm.TransmConfig;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.mosi.MosiSegment;
import io.github.umdf.nn.missing.MissingnessConfig;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.nn.missing.TrainingViewSampler;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.ops.Engines;
import io.github.umdf.nn.train.BatchBuilder;
import io.github.umdf.nn.train.NetworkSession;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/** Small specifications of every baseline and helpers the baseline tests share. */
public final class BaselineTesting {
    private BaselineTesting() {
    }

    /** MCTN with small widths and no dropout. */
    public static MctnConfig smallMctn() {
        return MctnConfig.builder().hiddenDim(8).regressionHiddenDim(6).build();
    }

    /** TransM with small widths, one layer per stack and no dropout. */
    public static TransmConfig smallTransm() {
        return TransmConfig.builder().gruUnits(6).modelDim(8).heads(2).encoderLayers(1).decoderLayers(1).textVisionFfnDim(12)
                .textAudioFfnDim(10).noDropout().build();
    }

    /** Self-MM with small widths and no dropout. */
    public static SelfMmConfig smallSelfMm() {
        return SelfMmConfig.builder().textSubnet(8, 10, 0f).audioSubnet(4, 4, 0f).visionSubnet(5, 6, 0f).headDims(12, 6, 4, 5)
                .noDropout().build();
    }

    /** SMIL with small widths, 3 centres and a large inner learning rate (its effect visible in few steps). */
    public static SmilConfig smallSmil() {
        return SmilConfig.builder().featureDim(5).fusionDim(6).clusters(3).innerLearningRate(0.1).kmeansRestarts(2).build();
    }

    /**
     * GCNet with small widths and no dropout; the test samples' ids ({@code s3-5}) name no video, so they
     * are cut into pseudo-conversations of three consecutive indices, which gives the graph edges to build.
     */
    public static GcnetConfig smallGcnet() {
        return GcnetConfig.builder().hiddenDim(6).dropout(0f).ungroupedIds(UngroupedIds.INDEX_RUNS).pseudoConversationLength(3).build();
    }

    /**
     * CubeMLP with small widths (16, two GRU layers kept), mixing blocks T -> ceil(T/2) -> ceil(T/5), the
     * original's dropouts (0.1): with less width or without dropout it fits the noise modalities of
     * {@code LearningTest}'s 160 samples before the planted signal.
     */
    public static CubeMlpConfig smallCubeMlp() {
        return CubeMlpConfig.builder().extractors(16, 2).firstBlock(2, 16).secondBlock(5, 8).build();
    }

    /** The small specifications of every baseline. */
    public static List<ModelSpec> smallSpecs() {
        return List.of(smallMctn(), smallTransm(), smallSelfMm(), smallSmil(), smallGcnet(), smallCubeMlp());
    }

    /**
     * The samples renamed as segments of videos of {@code perVideo} consecutive samples, in CMU-MOSI's id
     * form {@code <video>[<index>]} ({@code s1-video0[2]}), as real data sets group their samples.
     */
    public static List<MultimodalSample> inVideos(List<MultimodalSample> samples, int perVideo) {
        List<MultimodalSample> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            MultimodalSample s = samples.get(i);
            EnumMap<Modality, FrameSequence> mods = new EnumMap<>(Modality.class);
            s.modalities().forEach(m -> mods.put(m, s.require(m)));
            float[] y = new float[s.targetSize()];
            for (int k = 0; k < y.length; k++) {
                y[k] = s.target(k);
            }
            String video = s.id().replaceAll("-\\d+$", "") + "-video" + i / perVideo;
            out.add(new MultimodalSample(MosiSegment.id(video, i % perVideo), mods, y));
        }
        return out;
    }

    /** Random training masks (modality subsets and frame drops), one per sample. */
    public static List<SampleMask> randomMasks(List<MultimodalSample> samples, long seed) {
        TrainingViewSampler sampler = new TrainingViewSampler(MissingnessConfig.defaults());
        List<SampleMask> masks = new ArrayList<>();
        for (MultimodalSample s : samples) {
            masks.add(sampler.views(seed, 0, s, 1)[0]);
        }
        return masks;
    }

    /** The batch context of samples. */
    public static BatchContext context(List<MultimodalSample> samples, int epoch) {
        List<String> ids = new ArrayList<>();
        samples.forEach(s -> ids.add(s.id()));
        return new BatchContext(ids, epoch, 0);
    }

    /**
     * The batch context of samples as the training loop gives it to the session's network: with the
     * complete inputs (arrays in {@code m}) when the network needs them.
     */
    public static BatchContext context(NetworkSession s, NDManager m, List<MultimodalSample> samples, int epoch) {
        List<String> ids = new ArrayList<>();
        samples.forEach(x -> ids.add(x.id()));
        ModalityInputs complete = s.model().needsCompleteInputs() ? s.batchBuilder().inputs(m, samples, BatchBuilder.completeMasks(samples))
                : null;
        return new BatchContext(ids, epoch, 0, complete);
    }

    /**
     * The training loss ({@code loss}) of one batch (complete masks) before and after {@code steps} Adam
     * steps on that same batch, each step's gradients as the training loop takes them ({@code lossAndGradients}).
     */
    public static float[] lossBeforeAndAfter(ModelSpec spec, DatasetSchema schema, List<MultimodalSample> batch, int steps, float rate) {
        try (NetworkSession s = NetworkSession.create(spec, schema, Device.cpu(), 3)) {
            List<Parameter> parameters = new ArrayList<>();
            for (Pair<String, Parameter> p : s.model().block().getParameters()) {
                parameters.add(p.getValue());
            }
            Optimizer adam = Adam.builder().optLearningRateTracker(Tracker.fixed(rate)).build();
            float before = Float.NaN;
            float after = Float.NaN;
            for (int i = 0; i <= steps; i++) {
                try (NDManager step = s.manager().newSubManager()) {
                    ModalityInputs in = s.batchBuilder().inputs(step, batch, BatchBuilder.completeMasks(batch));
                    NDArray targets = s.batchBuilder().targets(step, batch);
                    float value = s.model().loss(s.parameterStore(), in, targets, context(s, step, batch, 0), true).total().getFloat();
                    if (i < steps) {
                        try (GradientCollector collector = Engines.engine().newGradientCollector()) {
                            s.model().lossAndGradients(collector, s.parameterStore(), in, targets, context(s, step, batch, 0));
                        }
                    }
                    if (i == 0) {
                        before = value;
                    }
                    after = value;
                    if (i < steps) {
                        for (Parameter p : parameters) {
                            if (!p.requiresGradient()) {
                                continue;
                            }
                            NDArray g = p.getArray().getGradient();
                            g.attach(step);
                            adam.update(p.getId(), p.getArray(), g);
                        }
                    }
                }
            }
            return new float[] {before, after};
        }
    }

    /** The loss of a batch of samples under masks, its arrays in {@code m}. */
    public static LossTerms loss(NetworkSession s, NDManager m, List<MultimodalSample> samples, List<SampleMask> masks, int epoch,
                                 boolean training) {
        ModalityInputs in = s.batchBuilder().inputs(m, samples, masks);
        return s.model().loss(s.parameterStore(), in, s.batchBuilder().targets(m, samples), context(s, m, samples, epoch), training);
    }

    /** Predictions of a session for samples under masks. */
    public static float[][] predict(NetworkSession s, List<MultimodalSample> samples, List<SampleMask> masks) {
        return s.predict(samples, masks, samples.size());
    }
}
