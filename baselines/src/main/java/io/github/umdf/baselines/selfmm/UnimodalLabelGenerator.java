package io.github.umdf.baselines.selfmm;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Self-MM's unimodal label generation module (ULGM; thuiar/MMSA {@code trains/multiTask/SELF_MM.py},
 * {@code update_labels}, {@code update_features}, {@code update_centers}), as plain Java state keyed
 * by training sample id. After each training batch:
 * <ol>
 *   <li>from the label epoch on (the first epoch is warm-up), for each sample of the batch and each
 *       modality s, with the class centres of the previous batch:
 *       <pre>
 *   δ_f = (‖F_f − C_f⁻‖ − ‖F_f − C_f⁺‖) / (‖F_f − C_f⁺‖ + 1e-8),   δ_s likewise,   α = δ_s / (δ_f + 1e-8)
 *   ŷ_s = clamp(½ α y_M + ½ (y_M + δ_s − δ_f), −H, H)
 *   y_s ← (n − 1)/(n + 1) · y_s + 2/(n + 1) · ŷ_s                  n = the 1-based epoch
 *       </pre></li>
 *   <li>the batch's features {@code F_f, F_s} replace the stored ones of its samples;</li>
 *   <li>the centres are recomputed from every stored feature: {@code C⁺} the mean over samples whose
 *       label (y_M for the fusion, y_s for modality s) is positive ({@code > 0}, or {@code >= 0}
 *       without {@code excludeZero}), {@code C⁻} over negative labels.</li>
 * </ol>
 * Unimodal labels start as the true label {@code y_M}. Only samples passed to {@link #update} (the
 * training batches) are ever stored. With several regression outputs each output has its own labels
 * and centres. A class without any sample has no centre and leaves the labels of that output
 * unchanged (the original's mean of an empty set is NaN).
 */
public final class UnimodalLabelGenerator {
    /** The key of the fusion features. */
    public static final String FUSION = "fusion";
    private static final double MIN = 1e-8;

    private final List<String> modalities;
    private final int outputs;
    private final double bound;
    private final int startEpoch;
    private final boolean excludeZero;
    private final Map<String, float[]> trueLabels = new HashMap<>();
    private final Map<String, Map<String, float[]>> labels = new HashMap<>();
    private final Map<String, Map<String, float[]>> features = new HashMap<>();
    private final Map<String, double[][]> positive = new HashMap<>();
    private final Map<String, double[][]> negative = new HashMap<>();

    /**
     * @param modalities  keys of the unimodal features and labels ({@code language}, {@code audio}, ...)
     * @param outputs     labels per sample
     * @param bound       H, the bound of generated labels
     * @param startEpoch  0-based epoch of the first update
     * @param excludeZero whether a zero label belongs to neither class (MMSA) or to the positive one
     */
    public UnimodalLabelGenerator(List<String> modalities, int outputs, double bound, int startEpoch, boolean excludeZero) {
        this.modalities = List.copyOf(modalities);
        this.outputs = outputs;
        this.bound = bound;
        this.startEpoch = startEpoch;
        this.excludeZero = excludeZero;
        for (String m : modalities) {
            labels.put(m, new HashMap<>());
        }
    }

    /** The unimodal label of a sample, or {@code trueLabel} before the sample was seen. */
    public float[] label(String modality, String id, float[] trueLabel) {
        float[] y = labels.get(modality).get(id);
        return y != null ? y : trueLabel;
    }

    /** A copy of a modality's labels by sample id. */
    public Map<String, float[]> labels(String modality) {
        Map<String, float[]> out = new LinkedHashMap<>();
        labels.get(modality).forEach((id, y) -> out.put(id, y.clone()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Updates labels, stored features and centres with one training batch.
     *
     * @param epoch         0-based epoch
     * @param ids           sample ids, in row order
     * @param batchLabels   true labels {@code y_M}, {@code [B][outputs]}
     * @param batchFeatures per key ({@link #FUSION} and each modality) the features {@code [B][D]}
     */
    public void update(int epoch, List<String> ids, float[][] batchLabels, Map<String, float[][]> batchFeatures) {
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            trueLabels.put(id, batchLabels[i].clone());
            for (String m : modalities) {
                if (!labels.get(m).containsKey(id)) {
                    labels.get(m).put(id, batchLabels[i].clone());
                }
            }
        }
        if (epoch >= startEpoch && !positive.isEmpty()) {
            generate(epoch + 1, ids, batchFeatures);
        }
        batchFeatures.forEach((key, f) -> {
            Map<String, float[]> stored = features.computeIfAbsent(key, k -> new HashMap<>());
            for (int i = 0; i < ids.size(); i++) {
                stored.put(ids.get(i), f[i].clone());
            }
        });
        features.keySet().forEach(this::recomputeCentres);
    }

    private void generate(int n, List<String> ids, Map<String, float[][]> batchFeatures) {
        double keep = (n - 1.0) / (n + 1.0);
        double take = 2.0 / (n + 1.0);
        for (int i = 0; i < ids.size(); i++) {
            float[] yM = trueLabels.get(ids.get(i));
            for (int k = 0; k < outputs; k++) {
                double deltaF = delta(FUSION, k, batchFeatures.get(FUSION)[i]);
                if (Double.isNaN(deltaF)) {
                    continue;
                }
                for (String m : modalities) {
                    double deltaS = delta(m, k, batchFeatures.get(m)[i]);
                    if (Double.isNaN(deltaS)) {
                        continue;
                    }
                    double alpha = deltaS / (deltaF + MIN);
                    double generated = 0.5 * alpha * yM[k] + 0.5 * (yM[k] + deltaS - deltaF);
                    generated = Math.max(-bound, Math.min(bound, generated));
                    float[] ys = labels.get(m).get(ids.get(i));
                    ys[k] = (float) (keep * ys[k] + take * generated);
                }
            }
        }
    }

    /** {@code (d⁻ − d⁺) / (d⁺ + 1e-8)} of a feature to the centres of one output, NaN without both centres. */
    private double delta(String key, int k, float[] f) {
        double[][] pos = positive.get(key);
        double[][] neg = negative.get(key);
        if (pos == null || pos[k] == null || neg[k] == null) {
            return Double.NaN;
        }
        double dp = distance(f, pos[k]);
        double dn = distance(f, neg[k]);
        return (dn - dp) / (dp + MIN);
    }

    private static double distance(float[] f, double[] c) {
        double s = 0;
        for (int j = 0; j < f.length; j++) {
            double d = f[j] - c[j];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    private void recomputeCentres(String key) {
        Map<String, float[]> stored = features.get(key);
        Map<String, float[]> keyLabels = key.equals(FUSION) ? trueLabels : labels.get(key);
        double[][] pos = new double[outputs][];
        double[][] neg = new double[outputs][];
        for (int k = 0; k < outputs; k++) {
            int np = 0;
            int nn = 0;
            double[] sp = null;
            double[] sn = null;
            for (Map.Entry<String, float[]> e : stored.entrySet()) {
                float y = keyLabels.get(e.getKey())[k];
                float[] f = e.getValue();
                if (y < 0) {
                    sn = accumulate(sn, f);
                    nn++;
                } else if (y > 0 || (!excludeZero && y == 0)) {
                    sp = accumulate(sp, f);
                    np++;
                }
            }
            pos[k] = scaled(sp, np);
            neg[k] = scaled(sn, nn);
        }
        positive.put(key, pos);
        negative.put(key, neg);
    }

    private static double[] accumulate(double[] sum, float[] f) {
        double[] s = sum != null ? sum : new double[f.length];
        for (int j = 0; j < f.length; j++) {
            s[j] += f[j];
        }
        return s;
    }

    private static double[] scaled(double[] sum, int n) {
        if (sum == null) {
            return null;
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= n;
        }
        return sum;
    }
}
