package io.github.umdf.nn.data.synth;

import java.util.SplittableRandom;

/**
 * Standard normal draws that are bit-for-bit the same on every JVM, and fast: the 128-layer
 * ziggurat ZIGNOR of J. A. Doornik, "An Improved Ziggurat Method to Generate Normal Random
 * Samples" (2005), on {@link SplittableRandom} (SplitMix64, specified). Each attempt takes one
 * {@code nextLong}: its top 53 bits give the uniform, its low 7 bits the layer (independent bits,
 * as Doornik requires). The tables are computed with {@link StrictMath} (fdlibm) and the rare wedge
 * and tail paths use {@code StrictMath.exp/log}, so nothing depends on platform intrinsics.
 * {@code SplittableRandom.nextGaussian} is avoided because its algorithm is not part of the JDK's
 * contract.
 */
final class GaussianStream {
    private static final int LAYERS = 128;
    private static final double R = 3.442619855899;
    private static final double V = 9.91256303526217e-3;
    private static final double[] X = new double[LAYERS + 1];
    private static final double[] RATIO = new double[LAYERS];
    private static final double TWO_POW_M53 = 0x1.0p-53;

    static {
        double f = StrictMath.exp(-0.5 * R * R);
        X[0] = V / f;
        X[1] = R;
        X[LAYERS] = 0;
        for (int i = 2; i < LAYERS; i++) {
            X[i] = Math.sqrt(-2 * StrictMath.log(V / X[i - 1] + f));
            f = StrictMath.exp(-0.5 * X[i] * X[i]);
        }
        for (int i = 0; i < LAYERS; i++) {
            RATIO[i] = X[i + 1] / X[i];
        }
    }

    private final SplittableRandom random;

    GaussianStream(SplittableRandom random) {
        this.random = random;
    }

    /** The next N(0, 1) draw. */
    double next() {
        for (;;) {
            long bits = random.nextLong();
            double u = 2 * ((bits >>> 11) * TWO_POW_M53) - 1;
            int i = (int) (bits & (LAYERS - 1));
            if (Math.abs(u) < RATIO[i]) {
                return u * X[i];
            }
            if (i == 0) {
                return tail(u < 0);
            }
            double x = u * X[i];
            double f0 = StrictMath.exp(-0.5 * (X[i] * X[i] - x * x));
            double f1 = StrictMath.exp(-0.5 * (X[i + 1] * X[i + 1] - x * x));
            if (f1 + random.nextDouble() * (f0 - f1) < 1.0) {
                return x;
            }
        }
    }

    /** A draw from the normal tail beyond {@code R} (Marsaglia's method). */
    private double tail(boolean negative) {
        double x;
        double y;
        do {
            x = StrictMath.log(1 - random.nextDouble()) / R;
            y = StrictMath.log(1 - random.nextDouble());
        } while (-2 * y < x * x);
        return negative ? x - R : R - x;
    }
}
