package io.github.umdf.nn.block;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.nio.FloatBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The inference kernel of {@link InferenceAttention}: {@code softmax(q k^T) v} per head, for heads of
 * a few channels, written with the Java Vector API (module {@code jdk.incubator.vector}). Only
 * {@link InferenceAttention} touches this class, after checking that the module is present.
 *
 * <p>Why: with 40 features and 10 heads a head has 4 channels, and PyTorch's flash-attention kernel
 * then spends its time in matrix products with an inner dimension of 4 and in per-row softmax
 * bookkeeping. Here the lanes of a vector are queries: for each kept key, a head's scores for
 * {@code LANES} queries are 4 multiply-adds with the key's channels broadcast, then one exponential
 * and 4 multiply-adds with the value's channels, with no reduction across lanes and no attention map
 * in memory (one block of {@code Tk x LANES} scores, in the L1 cache).
 *
 * <p>Layouts are the projections' own, so no transposition is materialised: queries
 * {@code (B, Tq, H*dh)} already scaled, keys and values {@code (B, Tk, 2*H*dh)} (keys in the first
 * half of the last axis, values in the second, as {@link CrossmodalAttention}'s key-value projection
 * writes them), key mask {@code (B, Tk)} of zeros and ones or none, output {@code (B, Tq, H*dh)}.
 * Masked keys are left out rather than given a large negative score; a sample without any kept key
 * gets zeros (the caller zeroes those samples' outputs anyway, SPEC D2).
 *
 * <p>Each sample is computed by one thread with a fixed order of operations, so the result does not
 * depend on the number of threads. {@code exp} is Cephes' single-precision polynomial (relative error
 * below 2e-7 on the range used here, which is {@code x <= 0}).
 */
final class VectorAttention {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Channels of a head held in registers at once. */
    private static final int GROUP = 4;

    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** Below this exp underflows; arguments are clamped to it (exp(-87.3) ~ 1e-38, next to a weight of 1). */
    private static final float EXP_MIN_ARG = -87.3f;
    /** 1.5 * 2^23: adding it rounds to an integer held in the low bits of the mantissa. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = Float.floatToRawIntBits(ROUND);

    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private final int tq;
    private final int tk;
    private final int heads;
    private final int dh;
    private final int dim;
    /** Channels per key in {@link #kh} and {@link #vh}: {@code dh}, or 4 for smaller heads (zero padded). */
    private final int width;
    /** Queries per channel in {@link #qT}: {@code tq} rounded up to whole vectors. */
    private final int stride;
    private final float[] qRows;
    private final float[] kvRows;
    private final float[] outRows;
    private final int[] kept;
    private final float[] qT;
    private final float[] kh;
    private final float[] vh;
    private final float[] scores;
    private final float[] acc;
    /** Per lane of the last block: the maximum score and the sum of exponentials (for {@link #lseRows}). */
    private final float[] blockMax;
    private final float[] blockSum;
    /** The log-sum-exp of one sample's scores, {@code (heads, tq)}: what the backward pass needs. */
    private final float[] lseRows;

    private VectorAttention(int tq, int tk, int heads, int dh) {
        this.tq = tq;
        this.tk = tk;
        this.heads = heads;
        this.dh = dh;
        this.dim = heads * dh;
        this.width = Math.max(dh, GROUP);
        this.stride = (tq + LANES - 1) / LANES * LANES;
        this.qRows = new float[tq * dim];
        this.kvRows = new float[tk * 2 * dim];
        this.outRows = new float[tq * dim];
        this.kept = new int[tk];
        this.qT = new float[width * stride]; // lanes past tq, and channels past dh, stay 0
        this.kh = new float[tk * width];
        this.vh = new float[tk * width];
        this.scores = new float[tk * LANES];
        this.acc = new float[width * LANES];
        this.blockMax = new float[LANES];
        this.blockSum = new float[LANES];
        this.lseRows = new float[heads * tq];
    }

    /** The vector width in floats on this machine. */
    static int lanes() {
        return LANES;
    }

    /**
     * Computes the attention of every sample, split over {@code threads} threads by sample.
     *
     * @param q       {@code (batch, tq, heads*dh)}, already scaled
     * @param kv      {@code (batch, tk, 2*heads*dh)}
     * @param keyMask {@code (batch, tk)} of 0 (ignore) and 1 (attend), or {@code null}
     * @param out     {@code (batch, tq, heads*dh)}, written
     */
    static void attend(FloatBuffer q, FloatBuffer kv, FloatBuffer keyMask, FloatBuffer out,
                       int batch, int tq, int tk, int heads, int dh, int threads) {
        attend(q, kv, keyMask, out, null, batch, tq, tk, heads, dh, threads);
    }

    /**
     * As {@link #attend(FloatBuffer, FloatBuffer, FloatBuffer, FloatBuffer, int, int, int, int, int, int)},
     * and also writes the log-sum-exp of every query's scores when {@code lse} is not null.
     *
     * @param lse {@code (batch, heads, tq)}, written ({@code +inf} for a head without any kept key), or {@code null}
     */
    static void attend(FloatBuffer q, FloatBuffer kv, FloatBuffer keyMask, FloatBuffer out, FloatBuffer lse,
                       int batch, int tq, int tk, int heads, int dh, int threads) {
        forEachPart(batch, threads, (from, to) -> new VectorAttention(tq, tk, heads, dh).run(q, kv, keyMask, out, lse, from, to));
    }

    /** A range of samples {@code [from, to)}. */
    interface Part {
        void run(int from, int to);
    }

    /**
     * Splits the samples {@code [0, batch)} into at most {@code threads} contiguous parts and runs them on a
     * pool of that many threads. Each sample is computed by exactly one part, so results never depend on the split.
     */
    static void forEachPart(int batch, int threads, Part part) {
        int parts = Math.max(1, Math.min(threads, batch));
        if (parts == 1) {
            part.run(0, batch);
            return;
        }
        pool(threads).submit(() -> IntStream.range(0, parts).parallel().forEach(p ->
                part.run((int) ((long) batch * p / parts), (int) ((long) batch * (p + 1) / parts)))).join();
    }

    /** One pool per thread count, kept: its idle workers end by themselves, and a caller never meets a pool shut down. */
    private static ForkJoinPool pool(int parallelism) {
        return POOLS.computeIfAbsent(parallelism, ForkJoinPool::new);
    }

    private void run(FloatBuffer q, FloatBuffer kv, FloatBuffer keyMask, FloatBuffer out, FloatBuffer lse, int from, int to) {
        for (int b = from; b < to; b++) {
            q.get(b * tq * dim, qRows, 0, tq * dim);
            kv.get(b * tk * 2 * dim, kvRows, 0, tk * 2 * dim);
            int n = 0;
            for (int j = 0; j < tk; j++) {
                if (keyMask == null || keyMask.get(b * tk + j) != 0f) {
                    kept[n++] = j;
                }
            }
            for (int h = 0; h < heads; h++) {
                head(h, n);
            }
            out.put(b * tq * dim, outRows, 0, tq * dim);
            if (lse != null) {
                lse.put(b * heads * tq, lseRows, 0, heads * tq);
            }
        }
    }

    /** Head {@code h} of one sample: channels {@code [h*dh, (h+1)*dh)}, {@code n} kept keys. */
    private void head(int h, int n) {
        int off = h * dh;
        if (n == 0) {
            for (int i = 0; i < tq; i++) {
                for (int c = 0; c < dh; c++) {
                    outRows[i * dim + off + c] = 0f;
                }
                lseRows[h * tq + i] = Float.POSITIVE_INFINITY;
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            int row = kept[j] * 2 * dim + off;
            System.arraycopy(kvRows, row, kh, j * width, dh);
            System.arraycopy(kvRows, row + dim, vh, j * width, dh);
        }
        for (int i = 0; i < tq; i++) {
            for (int c = 0; c < dh; c++) {
                qT[c * stride + i] = qRows[i * dim + off + c];
            }
        }
        for (int i0 = 0; i0 < tq; i0 += LANES) {
            if (width == GROUP) {
                smallHeadBlock(i0, n);
            } else {
                block(i0, n);
            }
            int rows = Math.min(LANES, tq - i0);
            for (int r = 0; r < rows; r++) {
                int o = (i0 + r) * dim + off;
                for (int c = 0; c < dh; c++) {
                    outRows[o + c] = acc[c * LANES + r];
                }
            }
            for (int r = 0; r < rows; r++) { // also without a caller for them, see weightedValues
                lseRows[h * tq + i0 + r] = blockMax[r] + (float) Math.log(blockSum[r]);
            }
        }
    }

    /**
     * Queries {@code [i0, i0 + LANES)} of a head of at most 4 channels (padded with zeros to 4) into
     * {@link #acc}: scores and their maximum in one pass, then exponentials, their sum and the weighted
     * values in a second, all channels in registers.
     */
    private void smallHeadBlock(int i0, int n) {
        FloatVector q0 = FloatVector.fromArray(SPECIES, qT, i0);
        FloatVector q1 = FloatVector.fromArray(SPECIES, qT, stride + i0);
        FloatVector q2 = FloatVector.fromArray(SPECIES, qT, 2 * stride + i0);
        FloatVector q3 = FloatVector.fromArray(SPECIES, qT, 3 * stride + i0);
        FloatVector max = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < n; j++) {
            int k = j * GROUP;
            FloatVector s = q0.mul(kh[k]);
            s = q1.fma(FloatVector.broadcast(SPECIES, kh[k + 1]), s);
            s = q2.fma(FloatVector.broadcast(SPECIES, kh[k + 2]), s);
            s = q3.fma(FloatVector.broadcast(SPECIES, kh[k + 3]), s);
            s.intoArray(scores, j * LANES);
            max = max.max(s);
        }
        weightedValues(n, max, false);
    }

    /**
     * Queries {@code [i0, i0 + LANES)} of a head of more than 4 channels into {@link #acc}: scores and their
     * maximum in one pass (the query channels read from {@link #qT}, in the L1 cache), exponentials with
     * their sum and the first 4 channels of the weighted values in a second, the other channels 4 at a time.
     */
    private void block(int i0, int n) {
        FloatVector max = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < n; j++) {
            int k = j * width;
            FloatVector s = FloatVector.fromArray(SPECIES, qT, i0).mul(kh[k]);
            for (int c = 1; c < dh; c++) {
                s = FloatVector.fromArray(SPECIES, qT, c * stride + i0).fma(FloatVector.broadcast(SPECIES, kh[k + c]), s);
            }
            s.intoArray(scores, j * LANES);
            max = max.max(s);
        }
        FloatVector inverse = weightedValues(n, max, true);
        for (int g = GROUP; g < dh; g += GROUP) {
            valueGroup(n, g, inverse);
        }
    }

    /**
     * The second pass over the {@code n} scores in {@link #scores}: {@code p = exp(s - max)}, their sum, and
     * channels 0-3 of {@code (p v) / sum} into {@link #acc}; with {@code keepWeights} {@code p} replaces the
     * scores (for the other channels).
     *
     * @return {@code 1 / sum}
     */
    private FloatVector weightedValues(int n, FloatVector max, boolean keepWeights) {
        FloatVector sum = FloatVector.zero(SPECIES);
        FloatVector a0 = sum;
        FloatVector a1 = sum;
        FloatVector a2 = sum;
        FloatVector a3 = sum;
        for (int j = 0; j < n; j++) {
            FloatVector p = exp(FloatVector.fromArray(SPECIES, scores, j * LANES).sub(max));
            sum = sum.add(p);
            if (keepWeights) {
                p.intoArray(scores, j * LANES);
            }
            int v = j * width;
            a0 = p.fma(FloatVector.broadcast(SPECIES, vh[v]), a0);
            a1 = p.fma(FloatVector.broadcast(SPECIES, vh[v + 1]), a1);
            a2 = p.fma(FloatVector.broadcast(SPECIES, vh[v + 2]), a2);
            a3 = p.fma(FloatVector.broadcast(SPECIES, vh[v + 3]), a3);
        }
        // stored whether or not the caller wants the log-sum-exps: a branch that training always takes and
        // inference never would make the JIT recompile this method when one follows the other, and the vector
        // code runs boxed (heap garbage) until it has
        max.intoArray(blockMax, 0);
        sum.intoArray(blockSum, 0);
        FloatVector inverse = FloatVector.broadcast(SPECIES, 1f).div(sum);
        a0.mul(inverse).intoArray(acc, 0);
        a1.mul(inverse).intoArray(acc, LANES);
        a2.mul(inverse).intoArray(acc, 2 * LANES);
        a3.mul(inverse).intoArray(acc, 3 * LANES);
        return inverse;
    }

    /** Channels {@code [g, g + 4)} of {@code (p v) / sum} into {@link #acc}; {@link #scores} holds {@code p}. */
    private void valueGroup(int n, int g, FloatVector inverse) {
        int w = Math.min(GROUP, dh - g);
        if (w == GROUP) {
            FloatVector a0 = FloatVector.zero(SPECIES);
            FloatVector a1 = a0;
            FloatVector a2 = a0;
            FloatVector a3 = a0;
            for (int j = 0; j < n; j++) {
                FloatVector p = FloatVector.fromArray(SPECIES, scores, j * LANES);
                int v = j * width + g;
                a0 = p.fma(FloatVector.broadcast(SPECIES, vh[v]), a0);
                a1 = p.fma(FloatVector.broadcast(SPECIES, vh[v + 1]), a1);
                a2 = p.fma(FloatVector.broadcast(SPECIES, vh[v + 2]), a2);
                a3 = p.fma(FloatVector.broadcast(SPECIES, vh[v + 3]), a3);
            }
            a0.mul(inverse).intoArray(acc, g * LANES);
            a1.mul(inverse).intoArray(acc, (g + 1) * LANES);
            a2.mul(inverse).intoArray(acc, (g + 2) * LANES);
            a3.mul(inverse).intoArray(acc, (g + 3) * LANES);
            return;
        }
        for (int c = 0; c < w; c++) {
            FloatVector a = FloatVector.zero(SPECIES);
            for (int j = 0; j < n; j++) {
                a = FloatVector.fromArray(SPECIES, scores, j * LANES).fma(FloatVector.broadcast(SPECIES, vh[j * width + g + c]), a);
            }
            a.mul(inverse).intoArray(acc, (g + c) * LANES);
        }
    }

    /**
     * {@code e^x} for {@code x <= 0} (Cephes {@code expf}): {@code x = n ln 2 + r} with {@code |r| <= ln 2 / 2},
     * a degree-5 polynomial for {@code e^r}, and {@code 2^n} built in the exponent bits.
     */
    static FloatVector exp(FloatVector x) {
        FloatVector a = x.max(EXP_MIN_ARG);
        FloatVector z = a.fma(FloatVector.broadcast(SPECIES, LOG2E), FloatVector.broadcast(SPECIES, ROUND));
        FloatVector n = z.sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HI), a);
        r = n.fma(FloatVector.broadcast(SPECIES, -LN2_LO), r);
        FloatVector y = r.fma(FloatVector.broadcast(SPECIES, 1.9875691500e-4f), FloatVector.broadcast(SPECIES, 1.3981999507e-3f));
        y = y.fma(r, FloatVector.broadcast(SPECIES, 8.3334519073e-3f));
        y = y.fma(r, FloatVector.broadcast(SPECIES, 4.1665795894e-2f));
        y = y.fma(r, FloatVector.broadcast(SPECIES, 1.6666665459e-1f));
        y = y.fma(r, FloatVector.broadcast(SPECIES, 5.0000001201e-1f));
        y = y.fma(r.mul(r), r).add(1f);
        IntVector twoToN = ((IntVector) z.reinterpretAsInts()).sub(ROUND_BITS - 127).lanewise(VectorOperators.LSHL, 23);
        return y.mul(twoToN.reinterpretAsFloats());
    }
}
