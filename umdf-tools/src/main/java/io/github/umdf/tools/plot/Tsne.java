package io.github.umdf.tools.plot;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Exact t-SNE (van der Maaten and Hinton, "Visualizing Data using t-SNE", JMLR 2008), as in the
 * authors' reference {@code tsne.py} and scikit-learn's {@code method='exact'}:
 * <ol>
 *   <li>squared Euclidean distances in the input space (no PCA pre-reduction);</li>
 *   <li>per point, a Gaussian conditional distribution whose precision is found by binary search
 *       so that its perplexity {@code 2^H} (H in bits; here e^H with H in nats) matches the
 *       target (tolerance 1e-5 on H, at most 100 steps);</li>
 *   <li>symmetrised joint {@code P = (P_cond + P_cond^T) / 2N}, floored at 1e-12;</li>
 *   <li>Student-t (one degree of freedom) joint {@code Q} in the 2-D embedding;</li>
 *   <li>gradient {@code 4 sum_j (p_ij - q_ij)(y_i - y_j) / (1 + |y_i - y_j|^2)}, descended with
 *       momentum 0.5 and early exaggeration (P times 12) for the first 250 iterations, momentum
 *       0.8 afterwards, per-coordinate gains (+0.2 when the gradient changes sign against the
 *       update, x0.8 otherwise, floor 0.01) and a fixed learning rate (200 by default);</li>
 *   <li>initial {@code Y ~ N(0, 1e-4^2)} from {@link SplittableRandom} seeded with the
 *       configured seed; the embedding is re-centred after every step.</li>
 * </ol>
 * Same input and seed give the same embedding, bit for bit (single-threaded, fixed summation
 * order). Time and memory are O(N^2): at the default cap of 2000 points, two N x N double matrices
 * (64 MB) while P is calibrated and one afterwards, about 2 s for P and 1.5 s per 100 iterations on
 * one core, some 20 s for the default 1000 iterations. Inputs with more rows than {@link Builder#optMaxPoints(int)} are
 * subsampled deterministically (a seeded shuffle, rows kept in input order) and the result says
 * so; MOSI's 686 test samples fit, MOSEI's 4659 do not.
 */
public final class Tsne {

    private final double perplexity;
    private final int iterations;
    private final double learningRate;
    private final double earlyExaggeration;
    private final int exaggerationIterations;
    private final int maxPoints;
    private final long seed;

    private Tsne(Builder b) {
        this.perplexity = b.perplexity;
        this.iterations = b.iterations;
        this.learningRate = b.learningRate;
        this.earlyExaggeration = b.earlyExaggeration;
        this.exaggerationIterations = b.exaggerationIterations;
        this.maxPoints = b.maxPoints;
        this.seed = b.seed;
    }

    /** A builder with the defaults of the reference implementation. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Embeds the rows of {@code x} in two dimensions.
     *
     * @param x {@code [point][feature]}, finite, all rows of one length
     * @throws IllegalArgumentException for ragged or non-finite input, fewer than 2 rows, or a
     *                                  perplexity not below the number of embedded points
     */
    public TsneResult fit(double[][] x) {
        int total = checkInput(x);
        SplittableRandom random = new SplittableRandom(seed);
        SplittableRandom subsampleRandom = random.split();
        SplittableRandom initRandom = random.split();
        int[] indices = total > maxPoints ? subsample(total, maxPoints, subsampleRandom) : identity(total);
        int n = indices.length;
        if (!(perplexity < n)) {
            throw new IllegalArgumentException("perplexity " + perplexity + " must be below the number of points, "
                    + n + "; lower it with optPerplexity");
        }
        double[] p = jointProbabilities(squaredDistances(x, indices), n);
        double[] y = new double[2 * n]; // (N, 2) row-major
        for (int k = 0; k < y.length; k++) {
            y[k] = 1e-4 * initRandom.nextGaussian();
        }
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1.0);
        double[] grad = new double[2 * n];
        double[] attraction = new double[2 * n];
        double[] repulsion = new double[2 * n];
        for (int it = 0; it < iterations; it++) {
            boolean early = it < exaggerationIterations;
            double momentum = early ? 0.5 : 0.8;
            gradient(p, y, n, early ? earlyExaggeration : 1.0, grad, attraction, repulsion);
            for (int k = 0; k < y.length; k++) {
                boolean sameSign = (grad[k] > 0) == (update[k] > 0);
                gains[k] = Math.max(0.01, sameSign ? gains[k] * 0.8 : gains[k] + 0.2);
                update[k] = momentum * update[k] - learningRate * gains[k] * grad[k];
                y[k] += update[k];
            }
            center(y, n);
        }
        double[][] embedding = new double[n][];
        for (int i = 0; i < n; i++) {
            embedding[i] = new double[] {y[2 * i], y[2 * i + 1]};
        }
        return new TsneResult(embedding, indices, total > maxPoints, klDivergence(p, y, n));
    }

    /**
     * The t-SNE gradient in one pass over the pairs i &lt; j. With {@code w_ij = 1 / (1 + |y_i - y_j|^2)}
     * and {@code Z = sum_{i != j} w_ij}, {@code q_ij = w_ij / Z} and
     * {@code dC/dy_i = 4 (sum_j e p_ij w_ij (y_i - y_j) - (1 / Z) sum_j w_ij^2 (y_i - y_j))}: the attraction
     * and the unnormalised repulsion are accumulated together with Z, then combined.
     */
    private static void gradient(double[] p, double[] y, int n, double exaggeration, double[] grad,
                                 double[] attraction, double[] repulsion) {
        Arrays.fill(attraction, 0.0);
        Arrays.fill(repulsion, 0.0);
        double z = 0;
        for (int i = 0; i < n; i++) {
            double yi0 = y[2 * i];
            double yi1 = y[2 * i + 1];
            int row = i * n;
            double ax = 0;
            double ay = 0;
            double rx = 0;
            double ry = 0;
            for (int j = i + 1; j < n; j++) {
                double dx = yi0 - y[2 * j];
                double dy = yi1 - y[2 * j + 1];
                double w = 1.0 / (1.0 + dx * dx + dy * dy);
                z += w;
                double a = p[row + j] * w;
                double b = w * w;
                ax += a * dx;
                ay += a * dy;
                rx += b * dx;
                ry += b * dy;
                attraction[2 * j] -= a * dx;
                attraction[2 * j + 1] -= a * dy;
                repulsion[2 * j] -= b * dx;
                repulsion[2 * j + 1] -= b * dy;
            }
            attraction[2 * i] += ax;
            attraction[2 * i + 1] += ay;
            repulsion[2 * i] += rx;
            repulsion[2 * i + 1] += ry;
        }
        z *= 2; // both (i, j) and (j, i)
        for (int k = 0; k < grad.length; k++) {
            grad[k] = 4 * (exaggeration * attraction[k] - repulsion[k] / z);
        }
    }

    private static int checkInput(double[][] x) {
        if (x == null || x.length < 2) {
            throw new IllegalArgumentException("expected at least 2 points to embed, got "
                    + (x == null ? "null" : x.length));
        }
        int d = x[0] == null ? 0 : x[0].length;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != d || d == 0) {
                throw new IllegalArgumentException("expected " + Math.max(d, 1) + "+ features in every row, got "
                        + (x[i] == null ? "null" : x[i].length) + " in row " + i);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("x[" + i + "][" + j + "] is " + x[i][j] + "; expected finite values");
                }
            }
        }
        return x.length;
    }

    /** {@code keep} distinct rows of {@code total}, chosen by a partial Fisher-Yates shuffle, in ascending order. */
    static int[] subsample(int total, int keep, SplittableRandom random) {
        int[] all = identity(total);
        for (int i = 0; i < keep; i++) {
            int j = i + random.nextInt(total - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        int[] out = Arrays.copyOf(all, keep);
        Arrays.sort(out);
        return out;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static double[] squaredDistances(double[][] x, int[] indices) {
        int n = indices.length;
        double[] dist = new double[n * n];
        for (int i = 0; i < n; i++) {
            double[] a = x[indices[i]];
            for (int j = i + 1; j < n; j++) {
                double[] b = x[indices[j]];
                double s = 0;
                for (int k = 0; k < a.length; k++) {
                    double diff = a[k] - b[k];
                    s += diff * diff;
                }
                dist[i * n + j] = s;
                dist[j * n + i] = s;
            }
        }
        return dist;
    }

    /** Conditional Gaussians calibrated to the perplexity, symmetrised into a joint P (in place of the distances). */
    private double[] jointProbabilities(double[] dist, int n) {
        double target = Math.log(perplexity);
        double[] cond = new double[n * n];
        double[] row = new double[n];
        for (int i = 0; i < n; i++) {
            int base = i * n;
            double minD = Double.POSITIVE_INFINITY;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    minD = Math.min(minD, dist[base + j]);
                }
            }
            double beta = 1.0;
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            double sum = 0;
            for (int step = 0; step < 100; step++) {
                // shifted by the nearest distance for stability; H is invariant to the shift
                sum = 0;
                double weighted = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i) {
                        row[j] = 0;
                        continue;
                    }
                    double shifted = dist[base + j] - minD;
                    row[j] = Math.exp(-shifted * beta);
                    sum += row[j];
                    weighted += shifted * row[j];
                }
                double entropy = Math.log(sum) + beta * weighted / sum;
                double diff = entropy - target;
                if (Math.abs(diff) < 1e-5) {
                    break;
                }
                if (diff > 0) {
                    lo = beta;
                    beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
                } else {
                    hi = beta;
                    beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
                }
            }
            for (int j = 0; j < n; j++) {
                cond[base + j] = row[j] / sum;
            }
        }
        double[] p = dist; // reuse the distance buffer
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double v = i == j ? 0.0 : Math.max((cond[i * n + j] + cond[j * n + i]) / (2.0 * n), 1e-12);
                p[i * n + j] = v;
                p[j * n + i] = v;
            }
        }
        return p;
    }

    /** KL(P || Q) of an embedding, in nats; Q floored at 1e-12 as P is. */
    private static double klDivergence(double[] p, double[] y, int n) {
        double z = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                z += 2 * studentT(y, i, j);
            }
        }
        double kl = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double q = Math.max(studentT(y, i, j) / z, 1e-12);
                kl += 2 * p[i * n + j] * Math.log(p[i * n + j] / q);
            }
        }
        return kl;
    }

    private static double studentT(double[] y, int i, int j) {
        double dx = y[2 * i] - y[2 * j];
        double dy = y[2 * i + 1] - y[2 * j + 1];
        return 1.0 / (1.0 + dx * dx + dy * dy);
    }

    private static void center(double[] y, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += y[2 * i];
            my += y[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            y[2 * i] -= mx;
            y[2 * i + 1] -= my;
        }
    }

    /** Settings of {@link Tsne}; every one optional, defaults as in the reference implementation. */
    public static final class Builder {
        private double perplexity = 30.0;
        private int iterations = 1000;
        private double learningRate = 200.0;
        private double earlyExaggeration = 12.0;
        private int exaggerationIterations = 250;
        private int maxPoints = 2000;
        private long seed = 42L;

        private Builder() {
        }

        /** Target perplexity, the effective number of neighbours (30); must be below the number of points. */
        public Builder optPerplexity(double perplexity) {
            if (!(perplexity >= 1) || Double.isInfinite(perplexity)) {
                throw new IllegalArgumentException("expected a perplexity >= 1, got " + perplexity);
            }
            this.perplexity = perplexity;
            return this;
        }

        /** Gradient steps in total, exaggerated ones included (1000). */
        public Builder optIterations(int iterations) {
            if (iterations < 1) {
                throw new IllegalArgumentException("expected at least 1 iteration, got " + iterations);
            }
            this.iterations = iterations;
            return this;
        }

        /** Step size (200). */
        public Builder optLearningRate(double learningRate) {
            if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
                throw new IllegalArgumentException("expected a positive learning rate, got " + learningRate);
            }
            this.learningRate = learningRate;
            return this;
        }

        /** Factor on P during the first iterations (12) and how many iterations it lasts (250); momentum is 0.5 then. */
        public Builder optEarlyExaggeration(double factor, int iterations) {
            if (!(factor >= 1) || Double.isInfinite(factor) || iterations < 0) {
                throw new IllegalArgumentException("expected an exaggeration factor >= 1 and iterations >= 0, got "
                        + factor + " and " + iterations);
            }
            this.earlyExaggeration = factor;
            this.exaggerationIterations = iterations;
            return this;
        }

        /** Largest number of points embedded; larger inputs are subsampled deterministically (2000). */
        public Builder optMaxPoints(int maxPoints) {
            if (maxPoints < 2) {
                throw new IllegalArgumentException("expected a cap of at least 2 points, got " + maxPoints);
            }
            this.maxPoints = maxPoints;
            return this;
        }

        /** Seed of the initial embedding and of the subsample (42). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The configured t-SNE. */
        public Tsne build() {
            return new Tsne(this);
        }
    }
}
