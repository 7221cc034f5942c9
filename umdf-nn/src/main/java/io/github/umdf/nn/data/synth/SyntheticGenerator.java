package io.github.umdf.nn.data.synth;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.LoadReport;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.random.KeyedRandom;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Turns a {@link SyntheticPreset} and a seed into data, deterministically: every sample is a pure
 * function of (preset, seed, split, index), so the same arguments give identical data on every
 * machine, a scaled data set is a prefix of the full one, and samples may be generated in parallel.
 *
 * <p>Random streams ({@link KeyedRandom}), with {@code key} the preset's
 * {@linkplain SyntheticPreset#signalKey() signal key}:
 * <ul>
 *   <li>{@code ("synthetic-world", key, seed, m)}: the world of modality {@code m} (directions, then
 *       per-feature scale and offset pairs);</li>
 *   <li>{@code ("synthetic", key, seed, split, index, "latent")}: the latents in this order
 *       (sentiment: {@code s_l, s_a, s_v, z_a, z_v, eps}; emotions: {@code s_{l,0..3}, s_{a,0..3},
 *       s_{v,0..3}, z_a, z_v, eps_{0..3}}), then the valid length (aligned) or the lengths of
 *       language, audio, vision (unaligned);</li>
 *   <li>{@code ("synthetic", key, seed, split, index, m)}: the salient flags of the valid frames of
 *       {@code m} (then the fallback salient frame, if none), then the frame noise, frame after frame.</li>
 * </ul>
 * Normal draws use Marsaglia's polar method ({@code GaussianStream}). The equations are in
 * {@link PlantedSignal}. Sample ids are {@code <preset>/<split>/<index, 6 digits>}.
 */
public final class SyntheticGenerator {
    /** Version of the generation procedure, recorded in the data set's origin. */
    public static final String VERSION = "1";

    private final SyntheticPreset preset;
    private final long seed;
    private final DatasetSchema schema;
    private final SyntheticWorld world;

    /** A generator for a preset and a seed. */
    public SyntheticGenerator(SyntheticPreset preset, long seed) {
        this.preset = preset;
        this.seed = seed;
        this.schema = preset.schema();
        this.world = new SyntheticWorld(preset.signalKey(), seed, schema.shapes(), preset.evidencePerModality());
    }

    /** The preset. */
    public SyntheticPreset preset() {
        return preset;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** The id of a sample: {@code mosi-aligned/train/000042}. */
    public static String sampleId(String preset, SplitName split, int index) {
        return preset + "/" + split.key() + "/" + String.format(Locale.ROOT, "%06d", index);
    }

    private void checkIndex(SplitName split, int index) {
        if (index < 0 || index >= preset.fullSize(split)) {
            throw new IndexOutOfBoundsException("Expected a " + split.key() + " index of preset '" + preset.name() + "' in [0, "
                    + preset.fullSize(split) + "), found " + index);
        }
    }

    /** The latent factors of a sample (cheap: no frames are generated). */
    public SyntheticLatents latents(SplitName split, int index) {
        checkIndex(split, index);
        SplittableRandom r = KeyedRandom.of("synthetic", preset.signalKey(), seed, split.key(), index, "latent");
        GaussianStream g = new GaussianStream(r);
        int k = preset.evidencePerModality();
        double[][] s = new double[Modality.values().length][k];
        for (Modality m : Modality.values()) {
            for (int j = 0; j < k; j++) {
                s[m.ordinal()][j] = g.next();
            }
        }
        double za = g.next();
        double zv = g.next();
        double[] eps = new double[k];
        for (int j = 0; j < k; j++) {
            eps[j] = g.next();
        }
        EnumMap<Modality, Integer> lengths = new EnumMap<>(Modality.class);
        if (preset.alignedLengths()) {
            int t = schema.shapes().values().iterator().next().length();
            int lo = Math.min(t, Math.max(PlantedSignal.MIN_ALIGNED_LENGTH, t / 4));
            int len = lo + r.nextInt(t - lo + 1);
            for (Modality m : schema.modalities()) {
                lengths.put(m, len);
            }
        } else {
            for (Modality m : schema.modalities()) {
                int t = schema.shape(m).length();
                int lo = Math.max(1, t / 4);
                lengths.put(m, lo + r.nextInt(t - lo + 1));
            }
        }
        return new SyntheticLatents(s, za, zv, eps, lengths);
    }

    /** The target of a sample from its latents. */
    float[] target(SyntheticLatents lat) {
        switch (preset.labels()) {
            case SENTIMENT:
                return new float[] {PlantedSignal.label(lat.rawScore())};
            case SENTIMENT_3CLASS:
                return new float[] {PlantedSignal.sentimentClass(PlantedSignal.label(lat.rawScore()))};
            case EMOTIONS: {
                float[] t = new float[schema.labelNames().size()];
                t[PlantedSignal.emotion(lat.emotionScores())] = 1f;
                return t;
            }
            default:
                throw new IllegalStateException();
        }
    }

    /** One sample. */
    public MultimodalSample sample(SplitName split, int index) {
        SyntheticLatents lat = latents(split, index);
        EnumMap<Modality, FrameSequence> seqs = new EnumMap<>(Modality.class);
        for (Modality m : schema.modalities()) {
            seqs.put(m, frames(split, index, m, lat));
        }
        return new MultimodalSample(sampleId(preset.name(), split, index), seqs, target(lat));
    }

    private FrameSequence frames(SplitName split, int index, Modality m, SyntheticLatents lat) {
        ModalityShape shape = schema.shape(m);
        int t = shape.length();
        int d = shape.dim();
        int len = lat.validLength(m);
        SplittableRandom r = KeyedRandom.of("synthetic", preset.signalKey(), seed, split.key(), index, m.key());
        boolean[] salient = new boolean[len];
        boolean any = false;
        for (int i = 0; i < len; i++) {
            salient[i] = r.nextDouble() < PlantedSignal.SALIENT_RATE;
            any |= salient[i];
        }
        if (!any && len > 0) {
            salient[r.nextInt(len)] = true;
        }
        double[][] dirs = world.directions.get(m);
        double[] scale = world.scales.get(m);
        double[] offset = world.offsets.get(m);
        double[] ev = lat.evidenceMatrix()[m.ordinal()];
        double gain = PlantedSignal.gain(m, t);
        double[] signal = new double[d];
        for (int k = 0; k < ev.length; k++) {
            for (int j = 0; j < d; j++) {
                signal[j] += ev[k] * dirs[k][j];
            }
        }
        if (m != Modality.LANGUAGE) {
            double z = lat.interaction(m);
            for (int j = 0; j < d; j++) {
                signal[j] += z * dirs[ev.length][j];
            }
        }
        for (int j = 0; j < d; j++) {
            signal[j] *= gain;
        }
        GaussianStream g = new GaussianStream(r);
        float[] values = new float[t * d];
        double sigma = PlantedSignal.FRAME_NOISE;
        for (int i = 0; i < len; i++) {
            int base = i * d;
            if (salient[i]) {
                for (int j = 0; j < d; j++) {
                    values[base + j] = (float) (scale[j] * (sigma * g.next() + signal[j]) + offset[j]);
                }
            } else {
                for (int j = 0; j < d; j++) {
                    values[base + j] = (float) (scale[j] * (sigma * g.next()) + offset[j]);
                }
            }
        }
        return FrameSequence.withLength(t, d, values, len);
    }

    /** The first {@code count} samples of a split, generated in parallel (the result does not depend on it). */
    public List<MultimodalSample> split(SplitName split, int count) {
        if (count < 0 || count > preset.fullSize(split)) {
            throw new IllegalArgumentException("Expected a " + split.key() + " sample count of preset '" + preset.name() + "' in [0, "
                    + preset.fullSize(split) + "], found " + count);
        }
        MultimodalSample[] out = new MultimodalSample[count];
        IntStream.range(0, count).parallel().forEach(i -> out[i] = sample(split, i));
        return Arrays.asList(out);
    }

    /** The data set at a scale in (0, 1] ({@link SyntheticPreset#splitSize}). */
    public MultimodalDataset generate(double scale) {
        SyntheticPreset.checkScale(scale);
        EnumMap<SplitName, List<MultimodalSample>> splits = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            splits.put(s, split(s, preset.splitSize(s, scale)));
        }
        return new MultimodalDataset(schema, splits, origin(scale), new LoadReport());
    }

    /**
     * The origin of generated data: location {@code synthetic:<preset>}, no hash, format
     * {@code synthetic}, parameters preset, seed, scale and generatorVersion, no preprocessing.
     */
    public DataOrigin origin(double scale) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("preset", preset.name());
        p.put("seed", Long.toString(seed));
        p.put("scale", Double.toString(scale));
        p.put("generatorVersion", VERSION);
        return new DataOrigin("synthetic:" + preset.name(), "", null, "synthetic", List.of(), p);
    }
}
