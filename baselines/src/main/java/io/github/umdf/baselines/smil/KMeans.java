package io.github.umdf.baselines.smil;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K-means on rows of features (Lloyd's algorithm from k-means++ seeds, the best of several restarts),
 * what SMIL's {@code get_sound_mean_kmean.py} runs with scikit-learn's {@code KMeans(n_clusters=10,
 * random_state=0)} on the training features of the modality that can be missing. A pure function of
 * the points, the settings and the random stream: the same key gives the same centres.
 *
 * <p>Like scikit-learn: k-means++ seeding, Lloyd iterations until the squared movement of the centres
 * is at most {@code tolerance} times the mean per-feature variance of the points (or the iteration
 * limit), an empty cluster moved to the point farthest from its centre, and the restart with the
 * smallest inertia kept. Unlike it: plain k-means++ (one candidate per seed, scikit-learn draws
 * {@code 2 + ln k} and keeps the best), and fewer distinct points than clusters are not an error: the
 * distinct points, in order of first occurrence, are the centres, repeated cyclically up to {@code k}
 * (a repeated centre only splits its weight in SMIL's mixture).
 */
public final class KMeans {
    private KMeans() {
    }

    /**
     * The {@code k} centres of {@code points}.
     *
     * @param points     {@code n} rows of {@code d} features, {@code n >= 1}
     * @param k          number of clusters
     * @param restarts   number of seedings; the best inertia wins
     * @param iterations most Lloyd iterations per seeding
     * @param tolerance  relative convergence tolerance (scikit-learn's {@code tol})
     * @param random     the stream of the seedings
     * @return {@code k} rows of {@code d} features
     */
    public static float[][] fit(float[][] points, int k, int restarts, int iterations, double tolerance, SplittableRandom random) {
        if (points.length == 0) {
            throw new IllegalArgumentException("K-means needs at least one point, got none");
        }
        if (k < 1 || restarts < 1 || iterations < 1 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("Expected k, restarts and iterations >= 1 and tolerance >= 0, found " + k + ", " + restarts
                    + ", " + iterations + ", " + tolerance);
        }
        int d = points[0].length;
        for (float[] p : points) {
            if (p.length != d) {
                throw new IllegalArgumentException("Expected " + d + " features in every point, found " + p.length);
            }
        }
        List<float[]> distinct = distinct(points, k + 1);
        if (distinct.size() <= k) {
            float[][] out = new float[k][];
            for (int c = 0; c < k; c++) {
                out[c] = distinct.get(c % distinct.size()).clone();
            }
            return out;
        }
        double threshold = tolerance * meanVariance(points);
        double[][] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int r = 0; r < restarts; r++) {
            double[][] centres = lloyd(points, seed(points, k, random), iterations, threshold);
            double inertia = inertia(points, centres);
            if (inertia < bestInertia) {
                bestInertia = inertia;
                best = centres;
            }
        }
        float[][] out = new float[k][d];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                out[c][j] = (float) best[c][j];
            }
        }
        return out;
    }

    /** The first {@code limit} distinct points, in order of first occurrence. */
    private static List<float[]> distinct(float[][] points, int limit) {
        List<float[]> out = new ArrayList<>();
        for (float[] p : points) {
            boolean seen = false;
            for (float[] q : out) {
                if (Arrays.equals(p, q)) {
                    seen = true;
                    break;
                }
            }
            if (!seen) {
                out.add(p);
                if (out.size() == limit) {
                    break;
                }
            }
        }
        return out;
    }

    /** k-means++: the first centre uniformly, each next one with probability proportional to the squared distance to the nearest. */
    private static double[][] seed(float[][] points, int k, SplittableRandom random) {
        int n = points.length;
        double[][] centres = new double[k][];
        centres[0] = toDouble(points[random.nextInt(n)]);
        double[] nearest = new double[n];
        for (int i = 0; i < n; i++) {
            nearest[i] = distance(points[i], centres[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double v : nearest) {
                total += v;
            }
            int chosen = n - 1;
            double u = random.nextDouble() * total;
            for (int i = 0; i < n; i++) {
                u -= nearest[i];
                if (u < 0) {
                    chosen = i;
                    break;
                }
            }
            centres[c] = toDouble(points[chosen]);
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], distance(points[i], centres[c]));
            }
        }
        return centres;
    }

    private static double[][] lloyd(float[][] points, double[][] centres, int iterations, double threshold) {
        int n = points.length;
        int k = centres.length;
        int d = points[0].length;
        int[] label = new int[n];
        for (int it = 0; it < iterations; it++) {
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            double[] own = new double[n];
            for (int i = 0; i < n; i++) {
                label[i] = nearestCentre(points[i], centres);
                own[i] = distance(points[i], centres[label[i]]);
                counts[label[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[label[i]][j] += points[i][j];
                }
            }
            double[][] next = new double[k][d];
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    int far = 0;
                    for (int i = 1; i < n; i++) {
                        if (own[i] > own[far]) {
                            far = i;
                        }
                    }
                    next[c] = toDouble(points[far]);
                    own[far] = 0; // a second empty cluster takes the next farthest point
                } else {
                    for (int j = 0; j < d; j++) {
                        next[c][j] = sums[c][j] / counts[c];
                    }
                }
            }
            double shift = 0;
            for (int c = 0; c < k; c++) {
                for (int j = 0; j < d; j++) {
                    double delta = next[c][j] - centres[c][j];
                    shift += delta * delta;
                }
            }
            centres = next;
            if (shift <= threshold) {
                break;
            }
        }
        return centres;
    }

    private static int nearestCentre(float[] p, double[][] centres) {
        int best = 0;
        double bestDistance = distance(p, centres[0]);
        for (int c = 1; c < centres.length; c++) {
            double dist = distance(p, centres[c]);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }

    private static double inertia(float[][] points, double[][] centres) {
        double sum = 0;
        for (float[] p : points) {
            sum += distance(p, centres[nearestCentre(p, centres)]);
        }
        return sum;
    }

    private static double meanVariance(float[][] points) {
        int n = points.length;
        int d = points[0].length;
        double total = 0;
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (float[] p : points) {
                mean += p[j];
            }
            mean /= n;
            double var = 0;
            for (float[] p : points) {
                var += (p[j] - mean) * (p[j] - mean);
            }
            total += var / n;
        }
        return total / d;
    }

    /** Squared Euclidean distance. */
    private static double distance(float[] p, double[] c) {
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            double delta = p[j] - c[j];
            sum += delta * delta;
        }
        return sum;
    }

    private static double[] toDouble(float[] p) {
        double[] out = new double[p.length];
        for (int j = 0; j < p.length; j++) {
            out[j] = p[j];
        }
        return out;
    }
}
