package io.github.umdf.nn.data.synth;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planted signal is learnable and every part of it matters: closed-form ridge regressions on
 * mean-pooled valid frames of mosi-aligned, trained on the first 1000 training samples (the train
 * split at scale 0.778) with lambda chosen by 5-fold cross-validation on them, scored by MAE on
 * the whole validation split (229 samples).
 */
class PlantedSignalRidgeTest {
    static final long SEED = 42L;
    private static final double[] LAMBDAS = {10, 100, 1000, 10000};
    private static final Map<String, Double> MAE = new LinkedHashMap<>();
    private static SyntheticGenerator generator;
    private static List<MultimodalSample> train;
    private static List<MultimodalSample> valid;

    @BeforeAll
    static void fitAll() {
        generator = SyntheticPresets.generator("mosi-aligned", SEED);
        train = generator.split(SplitName.TRAIN, 1000);
        valid = generator.split(SplitName.VALID, 229);
        double[] ytr = labels(train);
        double[] yva = labels(valid);
        Map<String, List<Modality>> sets = new LinkedHashMap<>();
        sets.put("l", List.of(Modality.LANGUAGE));
        sets.put("a", List.of(Modality.AUDIO));
        sets.put("v", List.of(Modality.VISION));
        sets.put("lav", List.of(Modality.LANGUAGE, Modality.AUDIO, Modality.VISION));
        for (Map.Entry<String, List<Modality>> e : sets.entrySet()) {
            Ridge r = Ridge.fitCv(features(train, e.getValue(), false), ytr, LAMBDAS, 5);
            MAE.put(e.getKey(), r.mae(features(valid, e.getValue(), false), yva));
        }
        List<Modality> all = sets.get("lav");
        Ridge r = Ridge.fitCv(features(train, all, true), ytr, LAMBDAS, 5);
        MAE.put("lav+a*v", r.mae(features(valid, all, true), yva));
        double mean = 0;
        for (double y : ytr) {
            mean += y / ytr.length;
        }
        double s = 0;
        for (double y : yva) {
            s += Math.abs(y - mean);
        }
        MAE.put("constant", s / yva.length);
        System.out.println("mosi-aligned ridge validation MAE by feature set (seed " + SEED + "): " + MAE);
    }

    private static double[] labels(List<MultimodalSample> samples) {
        return samples.stream().mapToDouble(s -> s.target(0)).toArray();
    }

    /** Mean over valid frames. */
    static double[] pooled(FrameSequence seq) {
        double[] out = new double[seq.dim()];
        int n = 0;
        for (int t = 0; t < seq.length(); t++) {
            if (seq.isValid(t)) {
                n++;
                for (int j = 0; j < seq.dim(); j++) {
                    out[j] += seq.get(t, j);
                }
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] /= Math.max(1, n);
        }
        return out;
    }

    /** Pooled features of the modalities, plus all audio x vision products when asked. */
    static double[][] features(List<MultimodalSample> samples, List<Modality> mods, boolean products) {
        double[][] x = new double[samples.size()][];
        for (int i = 0; i < samples.size(); i++) {
            MultimodalSample s = samples.get(i);
            List<Double> row = new ArrayList<>();
            EnumMap<Modality, double[]> pooled = new EnumMap<>(Modality.class);
            for (Modality m : mods) {
                double[] p = pooled(s.require(m));
                pooled.put(m, p);
                for (double v : p) {
                    row.add(v);
                }
            }
            if (products) {
                for (double a : pooled.get(Modality.AUDIO)) {
                    for (double v : pooled.get(Modality.VISION)) {
                        row.add(a * v);
                    }
                }
            }
            x[i] = row.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return x;
    }

    @Test
    void languageIsTheStrongestSingleModality() {
        assertTrue(MAE.get("l") < MAE.get("a"), MAE::toString);
        assertTrue(MAE.get("l") < MAE.get("v"), MAE::toString);
    }

    @Test
    void languageBeatsTheConstant() {
        assertTrue(MAE.get("l") < MAE.get("constant") - 0.1, MAE::toString);
    }

    /** Each modality's pooled frames reveal its own evidence {@code s_m}: ridge from features to s_m. */
    @Test
    void pooledFeaturesRecoverEachModalitysEvidence() {
        for (Modality m : Modality.values()) {
            double[] str = new double[train.size()];
            for (int i = 0; i < str.length; i++) {
                str[i] = generator.latents(SplitName.TRAIN, i).evidence(m)[0];
            }
            Ridge r = Ridge.fitCv(features(train, List.of(m), false), str, LAMBDAS, 5);
            double[][] x = features(valid, List.of(m), false);
            double[] pred = new double[valid.size()];
            double[] truth = new double[valid.size()];
            for (int i = 0; i < pred.length; i++) {
                pred[i] = r.predict(x[i]);
                truth[i] = generator.latents(SplitName.VALID, i).evidence(m)[0];
            }
            double c = correlation(pred, truth);
            assertTrue(c > 0.8, m + ": correlation of predicted and planted evidence " + c);
        }
    }

    static double correlation(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i] / n;
            mb += b[i] / n;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    @Test
    void allModalitiesBeatLanguageAlone() {
        assertTrue(MAE.get("lav") < MAE.get("l") - 0.1, MAE::toString);
    }

    /** Pooled audio x vision products reveal {@code z_a z_v}, which neither modality reveals alone. */
    @Test
    void theAudioVisionInteractionAddsInformation() {
        assertTrue(MAE.get("lav+a*v") < MAE.get("lav") - 0.03, MAE::toString);
    }
}
