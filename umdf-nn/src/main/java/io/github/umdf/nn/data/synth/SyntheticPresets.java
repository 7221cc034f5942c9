package io.github.umdf.nn.data.synth;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one registry of synthetic presets (SPEC section 5): data shaped like the real benchmarks, with
 * the signal of {@link PlantedSignal}. Split sizes at scale 1 are the real data sets'.
 *
 * <pre>
 * preset               task          language  audio     vision    train/valid/test
 * mosi-aligned         regression    (50,300)  (50,5)    (50,20)   1284/229/686
 * mosi-unaligned       regression    (50,300)  (375,5)   (500,20)  1284/229/686
 * mosei-aligned        regression    (50,300)  (50,74)   (50,35)   16326/1871/4659
 * mosei-unaligned      regression    (50,300)  (500,74)  (500,35)  16326/1871/4659
 * iemocap-aligned      multi-label   (50,300)  (50,74)   (50,35)   2717/798/938
 * mosi-aligned-3class  single-label  (50,300)  (50,5)    (50,20)   1284/229/686
 * </pre>
 *
 * Shapes are (T, d). Regression labels are sentiment in [-3, 3]; {@code iemocap-aligned} has the
 * labels neutral, happy, sad, angry (exactly one present per sample); {@code mosi-aligned-3class}
 * has the classes negative, neutral, positive of {@code mosi-aligned}'s labels, with identical
 * features.
 */
public final class SyntheticPresets {
    private static final Map<String, SyntheticPreset> PRESETS = new LinkedHashMap<>();

    static {
        register(sentiment("mosi-aligned", "CMU-MOSI, word-aligned (MulT aligned_50 / MMSA aligned_50)", true,
                50, 5, 50, 20, 1284, 229, 686));
        register(sentiment("mosi-unaligned", "CMU-MOSI, unaligned (MulT mosi_data_noalign)", false,
                375, 5, 500, 20, 1284, 229, 686));
        register(sentiment("mosei-aligned", "CMU-MOSEI, word-aligned", true,
                50, 74, 50, 35, 16326, 1871, 4659));
        register(sentiment("mosei-unaligned", "CMU-MOSEI, unaligned", false,
                500, 74, 500, 35, 16326, 1871, 4659));
        register(new SyntheticPreset("iemocap-aligned", "IEMOCAP four emotions, word-aligned (MulT iemocap_data)",
                SyntheticPreset.Labels.EMOTIONS, true, "iemocap-aligned",
                DatasetSchema.builder("iemocap-aligned", Task.MULTI_LABEL).labels("neutral", "happy", "sad", "angry")
                        .modality(Modality.LANGUAGE, 50, 300).modality(Modality.AUDIO, 50, 74).modality(Modality.VISION, 50, 35)
                        .build(), 2717, 798, 938));
        register(new SyntheticPreset("mosi-aligned-3class", "mosi-aligned's features with its labels binned into three classes",
                SyntheticPreset.Labels.SENTIMENT_3CLASS, true, "mosi-aligned",
                DatasetSchema.builder("mosi-aligned-3class", Task.SINGLE_LABEL).labels("negative", "neutral", "positive")
                        .modality(Modality.LANGUAGE, 50, 300).modality(Modality.AUDIO, 50, 5).modality(Modality.VISION, 50, 20)
                        .build(), 1284, 229, 686));
    }

    private SyntheticPresets() {
    }

    private static SyntheticPreset sentiment(String name, String description, boolean aligned, int audioT, int audioD,
                                             int visionT, int visionD, int train, int valid, int test) {
        DatasetSchema schema = DatasetSchema.builder(name, Task.REGRESSION).labels("sentiment")
                .labelRange(-PlantedSignal.LABEL_BOUND, PlantedSignal.LABEL_BOUND)
                .modality(Modality.LANGUAGE, 50, 300).modality(Modality.AUDIO, audioT, audioD).modality(Modality.VISION, visionT, visionD)
                .build();
        return new SyntheticPreset(name, description, SyntheticPreset.Labels.SENTIMENT, aligned, name, schema, train, valid, test);
    }

    private static void register(SyntheticPreset p) {
        if (PRESETS.putIfAbsent(p.name(), p) != null) {
            throw new IllegalStateException("Synthetic preset '" + p.name() + "' registered twice");
        }
    }

    /** The preset names, in registration order. */
    public static List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(PRESETS.keySet()));
    }

    /** All presets, in registration order. */
    public static List<SyntheticPreset> all() {
        return Collections.unmodifiableList(new ArrayList<>(PRESETS.values()));
    }

    /**
     * A preset by name.
     *
     * @throws IllegalArgumentException naming the valid presets
     */
    public static SyntheticPreset get(String name) {
        SyntheticPreset p = PRESETS.get(name);
        if (p == null) {
            throw new IllegalArgumentException("Unknown synthetic preset '" + name + "'; expected one of " + String.join(", ", names()));
        }
        return p;
    }

    /** The split sizes of a preset at a scale, without generating. */
    public static Map<SplitName, Integer> splitSizes(String preset, double scale) {
        return get(preset).splitSizes(scale);
    }

    /** A generator for a preset and seed. */
    public static SyntheticGenerator generator(String preset, long seed) {
        return new SyntheticGenerator(get(preset), seed);
    }

    /**
     * Generates a data set. The same (preset, seed, scale) gives identical data; a smaller scale
     * gives a prefix of every split.
     *
     * @param preset a registered preset name
     * @param seed   the world and sample seed
     * @param scale  in (0, 1]: every split shrinks to {@code max(ceil(scale * N), 8)}
     */
    public static MultimodalDataset generate(String preset, long seed, double scale) {
        return generator(preset, seed).generate(scale);
    }
}
