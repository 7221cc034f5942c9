package io.github.umdf.nn.data.synth;

/**
 * Closed-form ridge regression on standardized features with an unpenalized intercept, in plain
 * double arrays: {@code beta = (Z'Z + lambda I)^-1 Z'(y - mean y)}, solved by Cholesky. Lambda is
 * chosen by k-fold cross-validation on the training data only.
 */
final class Ridge {
    private final double[] mean;
    private final double[] std;
    private final double[] beta;
    private final double intercept;
    private final double lambda;

    private Ridge(double[] mean, double[] std, double[] beta, double intercept, double lambda) {
        this.mean = mean;
        this.std = std;
        this.beta = beta;
        this.intercept = intercept;
        this.lambda = lambda;
    }

    /** Sufficient statistics of the rows {@code [0, n)} outside {@code [skipLo, skipHi)}. */
    private static final class Gram {
        final double[] mean;
        final double[] std;
        final double ym;
        final double[][] a;
        final double[] b;

        Gram(double[][] x, double[] y, int skipLo, int skipHi) {
            int p = x[0].length;
            int n = x.length - (skipHi - skipLo);
            mean = new double[p];
            std = new double[p];
            double yMean = 0;
            for (int i = 0; i < x.length; i++) {
                if (i >= skipLo && i < skipHi) {
                    continue;
                }
                yMean += y[i] / n;
                for (int j = 0; j < p; j++) {
                    mean[j] += x[i][j] / n;
                }
            }
            ym = yMean;
            a = new double[p][p];
            b = new double[p];
            double[] z = new double[p];
            for (int i = 0; i < x.length; i++) {
                if (i >= skipLo && i < skipHi) {
                    continue;
                }
                for (int j = 0; j < p; j++) {
                    z[j] = x[i][j] - mean[j];
                }
                for (int j = 0; j < p; j++) {
                    b[j] += z[j] * (y[i] - ym);
                    double zj = z[j];
                    double[] aj = a[j];
                    for (int k = 0; k <= j; k++) {
                        aj[k] += zj * z[k];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                std[j] = Math.sqrt(a[j][j] / n) + 1e-12;
            }
        }

        /** Solves the standardized ridge system for one lambda. */
        Ridge solve(double lambda) {
            int p = b.length;
            double[][] l = new double[p][p];
            for (int j = 0; j < p; j++) {
                for (int k = 0; k <= j; k++) {
                    l[j][k] = a[j][k] / (std[j] * std[k]);
                }
                l[j][j] += lambda;
            }
            for (int j = 0; j < p; j++) {
                double s = l[j][j];
                for (int k = 0; k < j; k++) {
                    s -= l[j][k] * l[j][k];
                }
                l[j][j] = Math.sqrt(s);
                for (int i = j + 1; i < p; i++) {
                    double t = l[i][j];
                    for (int k = 0; k < j; k++) {
                        t -= l[i][k] * l[j][k];
                    }
                    l[i][j] = t / l[j][j];
                }
            }
            double[] w = new double[p];
            for (int i = 0; i < p; i++) {
                double t = b[i] / std[i];
                for (int k = 0; k < i; k++) {
                    t -= l[i][k] * w[k];
                }
                w[i] = t / l[i][i];
            }
            double[] beta = new double[p];
            for (int i = p - 1; i >= 0; i--) {
                double t = w[i];
                for (int k = i + 1; k < p; k++) {
                    t -= l[k][i] * beta[k];
                }
                beta[i] = t / l[i][i];
            }
            return new Ridge(mean, std, beta, ym, lambda);
        }
    }

    /** Fits with a given lambda. */
    static Ridge fit(double[][] x, double[] y, double lambda) {
        return new Gram(x, y, 0, 0).solve(lambda);
    }

    /**
     * Picks lambda from {@code lambdas} by k-fold cross-validated MAE on the training data only
     * (contiguous folds; synthetic samples are exchangeable), then refits on all of it.
     */
    static Ridge fitCv(double[][] x, double[] y, double[] lambdas, int folds) {
        int n = x.length;
        double[] err = new double[lambdas.length];
        for (int f = 0; f < folds; f++) {
            int lo = f * n / folds;
            int hi = (f + 1) * n / folds;
            Gram g = new Gram(x, y, lo, hi);
            for (int li = 0; li < lambdas.length; li++) {
                Ridge r = g.solve(lambdas[li]);
                for (int i = lo; i < hi; i++) {
                    err[li] += Math.abs(r.predict(x[i]) - y[i]);
                }
            }
        }
        int best = 0;
        for (int li = 1; li < lambdas.length; li++) {
            if (err[li] < err[best]) {
                best = li;
            }
        }
        return fit(x, y, lambdas[best]);
    }

    /** The lambda used. */
    double lambda() {
        return lambda;
    }

    double predict(double[] row) {
        double s = intercept;
        for (int j = 0; j < beta.length; j++) {
            s += beta[j] * (row[j] - mean[j]) / std[j];
        }
        return s;
    }

    double mae(double[][] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += Math.abs(predict(x[i]) - y[i]);
        }
        return s / x.length;
    }
}
