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
 * Reads the pickles of MulT (yaohungt/Multimodal-Transformer: {@code mosi_data.pkl},
 * {@code mosei_senti_data.pkl}, {@code iemocap_data.pkl} and their {@code *_noalign.pkl} variants)
 * into a {@link MultimodalDataset}.
 *
 * <p>The file is a dict with keys {@code train}, {@code valid} and {@code test}; each is a dict of
 * fields ({@code N} samples):
 * <ul>
 *   <li>{@code text}: (N, T, 300) GloVe features, read as {@link Modality#LANGUAGE}; {@code audio}:
 *       (N, Ta, da) COVAREP, read as {@link Modality#AUDIO}; {@code vision}: (N, Tv, dv) Facet, read
 *       as {@link Modality#VISION};</li>
 *   <li>{@code labels}: either (N, 1, 1) (also accepted: (N, 1) and (N,)) sentiment in [-3, 3] for
 *       MOSI and MOSEI, giving {@link Task#REGRESSION} with the label {@code sentiment}; or (N, 4, 2)
 *       one-hot pairs for IEMOCAP in the order neutral, happy, sad, angry, giving
 *       {@link Task#MULTI_LABEL} with those four labels, where label k is present when
 *       {@code argmax(labels[i, k, :]) == 1} (pairs that are not one-hot are counted in the load report).
 *       The task is detected from the label shape, which must agree across splits;</li>
 *   <li>{@code id} (optional): (N,), (N, 2) or (N, 3) arrays of str or bytes (video id, start, end),
 *       whose parts are joined with '_'. Missing ids become {@code <split>_<index>} and duplicates
 *       {@code <id>#<split>_<index>}, both counted;</li>
 *   <li>any other field is ignored and noted in the load report.</li>
 * </ul>
 *
 * <p>Conventions. MulT stores no lengths: a frame is padding when all its features are zero (after
 * NaN and +/-inf have been set to 0 and counted); padding frames are counted per split and modality.
 * Modalities are addressed by name (MulT's own code orders them vision, audio, text). Every problem is
 * an {@link InvalidDataException} naming the file, split and field, what was expected and what was
 * found; shapes must agree within a split (same N) and across splits (same T and d).
 */
public final class MultPickleReader extends PickleFormatReader {
    /** The {@link io.github.umdf.nn.data.DataOrigin} format name. */
    public static final String FORMAT = "mult-pickle";
    /** The IEMOCAP label names, in the order of the (N, 4, 2) label array. */
    public static final List<String> IEMOCAP_LABELS = List.of("neutral", "happy", "sad", "angry");
    /** The regression label name for MOSI and MOSEI. */
    public static final String SENTIMENT = "sentiment";

    private static final Map<Modality, String> FIELDS = Map.of(Modality.LANGUAGE, "text", Modality.AUDIO, "audio",
            Modality.VISION, "vision");
    private static final String LABEL_FIELD = "labels";
    private static final String ID_FIELD = "id";

    /** A reader. It holds no state; one instance may read many files. */
    public MultPickleReader() {
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
        a.step("fields: text -> language, audio -> audio, vision -> vision");
        Map<SplitName, Map<String, Object>> splits = a.splits(root);
        // The label shape of the first split decides the task; the others must agree.
        SplitName first = SplitName.TRAIN;
        NumpyArray firstLabels = a.array(first, splits.get(first), LABEL_FIELD);
        boolean iemocap = isIemocap(firstLabels);
        if (!iemocap) {
            checkRegressionShape(a, first, firstLabels);
        }
        Set<String> ignored = new TreeSet<>();
        for (Map.Entry<SplitName, Map<String, Object>> e : splits.entrySet()) {
            readSplit(a, e.getKey(), e.getValue(), iemocap, firstLabels);
            ignored.addAll(e.getValue().keySet());
        }
        if (!ignored.isEmpty()) {
            a.report().note("ignored fields " + ignored);
        }
        a.step("validity: a frame whose features are all zero is padding (MulT stores no lengths)");
        if (iemocap) {
            a.step("labels: (N, 4, 2) one-hot pairs -> multi-label neutral, happy, sad, angry; present = argmax of the pair is 1");
            return a.finish(datasetName, Task.MULTI_LABEL, IEMOCAP_LABELS, null);
        }
        a.step("labels: " + withN(firstLabels)
                + " -> sentiment in [-3, 3]");
        return a.finish(datasetName, Task.REGRESSION, List.of(SENTIMENT), new double[] {-3.0, 3.0});
    }

    /** The shape with N for axis 0: {@code (N, 1, 1)}. */
    private static String withN(NumpyArray y) {
        StringBuilder sb = new StringBuilder("(N");
        for (int i = 1; i < y.ndim(); i++) {
            sb.append(", ").append(y.dim(i));
        }
        return sb.append(y.ndim() == 1 ? ",)" : ")").toString();
    }

    private static boolean isIemocap(NumpyArray y) {
        return y.ndim() == 3 && y.dim(1) == IEMOCAP_LABELS.size() && y.dim(2) == 2;
    }

    private static void checkRegressionShape(PickleDatasetAssembler a, SplitName split, NumpyArray y) {
        boolean ok = y.ndim() >= 1 && y.ndim() <= 3 && y.size() == y.dim(0);
        if (!ok) {
            throw a.error(split, LABEL_FIELD, "labels of shape (N, 1, 1) (MOSI/MOSEI sentiment) or (N, 4, 2) "
                    + "(IEMOCAP neutral, happy, sad, angry one-hot pairs)", PickleValues.describe(y));
        }
    }

    private static void readSplit(PickleDatasetAssembler a, SplitName split, Map<String, Object> fields, boolean iemocap,
                                  NumpyArray firstLabels) {
        NumpyArray y = a.array(split, fields, LABEL_FIELD);
        if (!y.isNumeric() || y.ndim() != firstLabels.ndim() || (iemocap != isIemocap(y))
                || (y.ndim() > 1 && y.dim(1) != firstLabels.dim(1))) {
            throw a.error(split, LABEL_FIELD, "labels of shape " + withN(firstLabels) + " as in split 'train'", PickleValues.describe(y));
        }
        float[][] targets = iemocap ? iemocapTargets(a, split, y)
                : a.regressionTargets(split, LABEL_FIELD, y, -3.0, 3.0);
        int n = targets.length;
        PickleDatasetAssembler.SplitData data = a.split(split, n);
        data.targets = targets;
        fields.remove(LABEL_FIELD);
        data.rawIds = a.ids(split, fields, ID_FIELD, n);
        fields.remove(ID_FIELD);
        for (Modality m : Modality.values()) {
            String field = FIELDS.get(m);
            NumpyArray x = a.features(split, m, field, a.array(split, fields, field), n);
            a.frames(split, m, x, PickleDatasetAssembler.nonZeroFrames());
            fields.remove(field);
        }
    }

    private static float[][] iemocapTargets(PickleDatasetAssembler a, SplitName split, NumpyArray y) {
        int n = y.dim(0);
        int k = IEMOCAP_LABELS.size();
        float[][] out = new float[n][k];
        long notOneHot = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                double absent = y.getDouble((i * k + j) * 2);
                double present = y.getDouble((i * k + j) * 2 + 1);
                if (!Double.isFinite(absent) || !Double.isFinite(present)) {
                    throw a.error(split, LABEL_FIELD, "finite one-hot pairs", "[" + absent + ", " + present + "] for label '"
                            + IEMOCAP_LABELS.get(j) + "' at sample " + i);
                }
                // argmax, ties to index 0 as numpy.argmax does
                out[i][j] = present > absent ? 1f : 0f;
                if (!((absent == 1 && present == 0) || (absent == 0 && present == 1))) {
                    notOneHot++;
                }
            }
        }
        if (notOneHot > 0) {
            a.report().count(split.key() + ": label pairs not one-hot (argmax taken)", notOneHot);
        }
        return out;
    }
}
