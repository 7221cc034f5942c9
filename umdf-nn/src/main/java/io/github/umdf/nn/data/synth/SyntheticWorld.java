package io.github.umdf.nn.data.synth;

import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.random.KeyedRandom;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fixed part of a synthetic data set, one per (preset signal key, seed): per modality the
 * orthonormal directions {@code u_{m,k}} and {@code w_m}, the per-feature scales and offsets
 * ({@link PlantedSignal}). Drawn from the stream keyed by
 * {@code ("synthetic-world", signalKey, seed, modality)}.
 */
final class SyntheticWorld {
    /** Directions per modality: rows 0..K-1 are {@code u_{m,k}}, row K (audio, vision) is {@code w_m}. */
    final EnumMap<Modality, double[][]> directions = new EnumMap<>(Modality.class);
    final EnumMap<Modality, double[]> scales = new EnumMap<>(Modality.class);
    final EnumMap<Modality, double[]> offsets = new EnumMap<>(Modality.class);

    SyntheticWorld(String signalKey, long seed, Map<Modality, ModalityShape> shapes, int evidencePerModality) {
        for (Map.Entry<Modality, ModalityShape> e : shapes.entrySet()) {
            Modality m = e.getKey();
            int d = e.getValue().dim();
            int count = evidencePerModality + (m == Modality.LANGUAGE ? 0 : 1);
            if (d < count) {
                throw new IllegalArgumentException("Modality " + m.key() + " needs at least " + count + " features for its "
                        + count + " directions, found d=" + d);
            }
            SplittableRandom r = KeyedRandom.of("synthetic-world", signalKey, seed, m.key());
            GaussianStream g = new GaussianStream(r);
            double[][] dirs = new double[count][d];
            for (int k = 0; k < count; k++) {
                for (int j = 0; j < d; j++) {
                    dirs[k][j] = g.next();
                }
                for (int i = 0; i < k; i++) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += dirs[k][j] * dirs[i][j];
                    }
                    for (int j = 0; j < d; j++) {
                        dirs[k][j] -= dot * dirs[i][j];
                    }
                }
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    norm += dirs[k][j] * dirs[k][j];
                }
                norm = Math.sqrt(norm);
                for (int j = 0; j < d; j++) {
                    dirs[k][j] /= norm;
                }
            }
            double[] scale = new double[d];
            double[] offset = new double[d];
            double lo = StrictMath.log(PlantedSignal.SCALE_MIN);
            double hi = StrictMath.log(PlantedSignal.SCALE_MAX);
            for (int j = 0; j < d; j++) {
                scale[j] = StrictMath.exp(lo + (hi - lo) * r.nextDouble());
                offset[j] = PlantedSignal.OFFSET * (2 * r.nextDouble() - 1);
            }
            directions.put(m, dirs);
            scales.put(m, scale);
            offsets.put(m, offset);
        }
    }
}
