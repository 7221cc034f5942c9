package io.github.umdf.nn.data.pickle;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.data.numpy.NumpyArray;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the feature pickles of MMSA (thuiar/MMSA: {@code aligned_50.pkl}, {@code unaligned_50.pkl}
 * of MOSI, MOSEI and SIMS) into a {@link MultimodalDataset} for sentiment regression: task
 * {@link Task#REGRESSION}, one label {@code sentiment}, label range [-3, 3].
 *
 * <p>The file is a dict with keys {@code train}, {@code valid} and {@code test}; each is a dict of
 * fields ({@code N} samples):
 * <ul>
 *   <li>{@code text}: float array (N, T, d), BERT (d = 768) or GloVe (d = 300) features, read as
 *       {@link Modality#LANGUAGE};</li>
 *   <li>{@code text_bert} (optional): (N, 3, T) BERT token ids, attention mask and segment ids. Its
 *       attention mask (row 1) is the explicit validity of the language frames when its T equals the
 *       {@code text} T. It is not features: a file with {@code text_bert} but no {@code text} is
 *       refused with a message saying so;</li>
 *   <li>{@code audio}: (N, Ta, da), read as {@link Modality#AUDIO}; {@code vision}: (N, Tv, dv), read
 *       as {@link Modality#VISION};</li>
 *   <li>{@code audio_lengths}, {@code vision_lengths} (optional, unaligned files): the number of valid
 *       frames per sample, a NumPy integer array or a list of ints; frames beyond are padding. A length
 *       above T is an error;</li>
 *   <li>{@code regression_labels}: (N,) sentiment in [-3, 3];</li>
 *   <li>{@code id} (optional): (N,) object array of str, such as {@code 03bSnISJMiM$_$1};</li>
 *   <li>ignored and noted in the load report: {@code raw_text}, {@code classification_labels},
 *       {@code annotations} and any other field.</li>
 * </ul>
 *
 * <p>Conventions. NaN and +/-inf feature values (MMSA audio really holds -inf) are set to 0 and
 * counted per split and modality. Validity of frames: from the lengths fields or the BERT mask when
 * present; otherwise a frame is padding when all its features are zero (after the NaN/inf
 * replacement). Padding frames are counted in the {@link io.github.umdf.nn.data.LoadReport} per
 * split, modality and rule. Missing ids become {@code <split>_<index>} and duplicate ids
 * {@code <id>#<split>_<index>}, counted. Modalities are addressed by name, never position. Every
 * problem is an {@link InvalidDataException} naming the file, split and field, what was expected and
 * what was found; shapes must agree within a split (same N) and across splits (same T and d).
 *
 * <p>The whole pickle is unpickled into memory by the {@link RestrictedUnpickler}; each field's
 * array is released as soon as it has been cut into per-sample sequences.
 */
public final class MmsaPickleReader extends PickleFormatReader {
    /** The {@link io.github.umdf.nn.data.DataOrigin} format name. */
    public static final String FORMAT = "mmsa-pickle";
    /** The label name. */
    public static final String LABEL = "sentiment";
    /** Lower bound of MMSA regression labels. */
    public static final double LABEL_MIN = -3.0;
    /** Upper bound of MMSA regression labels. */
    public static final double LABEL_MAX = 3.0;

    /** Feature field per modality, in the order MMSA writes them. */
    private static final Map<Modality, String> FIELDS = Map.of(Modality.LANGUAGE, "text", Modality.AUDIO, "audio",
            Modality.VISION, "vision");
    private static final Map<Modality, String> LENGTH_FIELDS = Map.of(Modality.AUDIO, "audio_lengths",
            Modality.VISION, "vision_lengths");
    private static final String BERT_FIELD = "text_bert";
    private static final String LABEL_FIELD = "regression_labels";
    private static final String ID_FIELD = "id";

    /** A reader. It holds no state; one instance may read many files. */
    public MmsaPickleReader() {
    }

    /**
     * Builds the data set from an unpickled root object; consumes the root (fields are removed as converted).
     *
     * @param sha256 the file's SHA-256 if already computed, else null
     */
    @Override
    MultimodalDataset assemble(Object root, Path file, String datasetName, String sha256) {
        PickleDatasetAssembler a = new PickleDatasetAssembler(file, FORMAT);
        if (sha256 != null) {
            a.sha256(sha256);
        }
        a.parameter("dataset", datasetName);
        a.step("fields: text -> language, audio -> audio, vision -> vision; labels: regression_labels -> sentiment in [-3, 3]");
        Set<String> ignored = new TreeSet<>();
        for (Map.Entry<SplitName, Map<String, Object>> e : a.splits(root).entrySet()) {
            readSplit(a, e.getKey(), e.getValue());
            ignored.addAll(e.getValue().keySet());
        }
        if (!ignored.isEmpty()) {
            a.report().note("ignored fields " + ignored);
        }
        return a.finish(datasetName, Task.REGRESSION, List.of(LABEL), new double[] {LABEL_MIN, LABEL_MAX});
    }

    private static void readSplit(PickleDatasetAssembler a, SplitName split, Map<String, Object> fields) {
        float[][] targets = a.regressionTargets(split, LABEL_FIELD, a.array(split, fields, LABEL_FIELD), LABEL_MIN, LABEL_MAX);
        int n = targets.length;
        PickleDatasetAssembler.SplitData data = a.split(split, n);
        data.targets = targets;
        fields.remove(LABEL_FIELD);
        data.rawIds = a.ids(split, fields, ID_FIELD, n);
        fields.remove(ID_FIELD);

        if (!fields.containsKey(FIELDS.get(Modality.LANGUAGE)) && fields.containsKey(BERT_FIELD)) {
            throw a.error(split, "text", "text features (N, T, d) in a field 'text'",
                    "only 'text_bert' (N, 3, T: BERT token ids, attention mask, segment ids), which are not features; "
                            + "extract BERT features into 'text' first (MMSA's feature extraction does)");
        }
        for (Modality m : Modality.values()) {
            String field = FIELDS.get(m);
            NumpyArray x = a.features(split, m, field, a.array(split, fields, field), n);
            int t = x.dim(1);
            PickleDatasetAssembler.FrameValidity validity;
            if (m == Modality.LANGUAGE) {
                validity = languageValidity(a, split, fields, n, t);
            } else {
                String lengthField = LENGTH_FIELDS.get(m);
                int[] lengths = a.lengths(split, fields, lengthField, n, t);
                fields.remove(lengthField);
                if (lengths != null) {
                    validity = PickleDatasetAssembler.prefix(lengths, lengthField);
                    a.step(m.key() + " validity: the first " + lengthField + " frames");
                } else {
                    validity = PickleDatasetAssembler.nonZeroFrames();
                    a.step(m.key() + " validity: frames with a non-zero feature (no " + lengthField + ")");
                }
            }
            a.frames(split, m, x, validity);
            fields.remove(field);
        }
        fields.remove(BERT_FIELD);
    }

    private static PickleDatasetAssembler.FrameValidity languageValidity(PickleDatasetAssembler a, SplitName split,
                                                                         Map<String, Object> fields, int n, int t) {
        NumpyArray bert = a.optionalArray(split, fields, BERT_FIELD);
        if (bert != null) {
            if (bert.isNumeric() && bert.ndim() == 3 && bert.dim(0) == n && bert.dim(1) == 3 && bert.dim(2) == t && isZeroOne(bert)) {
                a.step("language validity: the attention mask of text_bert (row 1)");
                return PickleDatasetAssembler.mask(bert, 1, "text_bert attention mask 0");
            }
            a.report().note(split.key() + ": text_bert " + PickleValues.describe(bert) + " is not an (N=" + n + ", 3, T=" + t
                    + ") array with a 0/1 attention mask; language validity from non-zero frames instead");
        }
        a.step("language validity: frames with a non-zero feature (no usable text_bert mask)");
        return PickleDatasetAssembler.nonZeroFrames();
    }

    private static boolean isZeroOne(NumpyArray bert) {
        int t = bert.dim(2);
        for (int i = 0; i < bert.dim(0); i++) {
            for (int k = 0; k < t; k++) {
                double v = bert.getDouble((i * 3 + 1) * t + k);
                if (v != 0 && v != 1) {
                    return false;
                }
            }
        }
        return true;
    }
}
