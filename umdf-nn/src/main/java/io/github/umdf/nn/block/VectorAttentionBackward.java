package io.github.umdf.nn.block;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The backward pass of {@link VectorAttention}, for {@link TrainingAttention}: given the attention's
 * inputs, its output {@code O}, the log-sum-exp {@code L} of every query's scores (saved by the forward
 * pass) and the gradient {@code dO} of the output, the gradients of the queries, keys and values. Only
 * {@link TrainingAttention} touches this class, after checking that the module is present.
 *
 * <p>Per head, with {@code p_ij = exp(q_i . k_j - L_i)} recomputed rather than stored (as
 * FlashAttention does): {@code D_i = dO_i . O_i}, {@code dS_ij = p_ij (dO_i . v_j - D_i)},
 * {@code dq_i = sum_j dS_ij k_j}, {@code dk_j = sum_i dS_ij q_i}, {@code dv_j = sum_i p_ij dO_i}. The
 * gradients are computed in two passes, each without any reduction across vector lanes (which the
 * Vector API performs in order, one lane after another): {@code dk} and {@code dv} with keys in the
 * lanes and queries in the inner loop, then {@code dq} with queries in the lanes and keys in the inner
 * loop, as in the forward pass. {@code p} and {@code dS} are computed in both. Masked keys get
 * zero gradients; so does every key and query of a head without any kept key.
 *
 * <p>Layouts are the forward pass's: queries and {@code O}, {@code dO}, {@code dq} {@code (B, Tq, H*dh)};
 * keys-values and their gradient {@code (B, Tk, 2*H*dh)}; {@code L} {@code (B, H, Tq)}. Each sample is
 * computed by one thread in a fixed order, so the result does not depend on the number of threads.
 */
final class VectorAttentionBackward {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** Channels of a small head, held in registers (smaller heads are padded with zeros). */
    private static final int GROUP = 4;

    private final int tq;
    private final int tk;
    private final int heads;
    private final int dh;
    private final int dim;
    /** Channels per key and query in the per-head arrays: {@code dh}, or 4 for smaller heads (zero padded). */
    private final int width;
    /** Queries per channel in {@link #qT}, {@link #gT}: {@code tq} rounded up to whole vectors. */
    private final int stride;
    /** Keys per channel in {@link #kT}, {@link #vT}: {@code tk} rounded up to whole vectors. */
    private final int keyStride;
    private final float[] qRows;
    private final float[] kvRows;
    private final float[] oRows;
    private final float[] gRows;
    private final float[] lseRows;
    private final float[] dqRows;
    private final float[] dkvRows;
    private final int[] kept;
    /** One head's queries and output gradients, row by row ({@code tq x width}) and transposed ({@code width x stride}). */
    private final float[] qh;
    private final float[] gh;
    private final float[] qT;
    private final float[] gT;
    /** One head's log-sum-exps and {@code D = dO . O}, per query (lanes past {@code tq} stay 0). */
    private final float[] lT;
    private final float[] dT;
    /** One head's kept keys and values, row by row ({@code n x width}) and transposed ({@code width x keyStride}). */
    private final float[] kh;
    private final float[] vh;
    private final float[] kT;
    private final float[] vT;
    /** Accumulators, {@code 2 width} vectors: the general (more than 4 channels) paths' running sums, every path's results. */
    private final float[] acc;

    private VectorAttentionBackward(int tq, int tk, int heads, int dh) {
        this.tq = tq;
        this.tk = tk;
        this.heads = heads;
        this.dh = dh;
        this.dim = heads * dh;
        this.width = Math.max(dh, GROUP);
        this.stride = (tq + LANES - 1) / LANES * LANES;
        this.keyStride = (tk + LANES - 1) / LANES * LANES;
        this.qRows = new float[tq * dim];
        this.kvRows = new float[tk * 2 * dim];
        this.oRows = new float[tq * dim];
        this.gRows = new float[tq * dim];
        this.lseRows = new float[heads * tq];
        this.dqRows = new float[tq * dim];
        this.dkvRows = new float[tk * 2 * dim];
        this.kept = new int[tk];
        this.qh = new float[tq * width]; // channels past dh stay 0
        this.gh = new float[tq * width];
        this.qT = new float[width * stride]; // channels past dh and lanes past tq stay 0
        this.gT = new float[width * stride];
        this.lT = new float[stride];
        this.dT = new float[stride];
        this.kh = new float[tk * width];
        this.vh = new float[tk * width];
        this.kT = new float[width * keyStride];
        this.vT = new float[width * keyStride];
        this.acc = new float[2 * width * LANES];
    }

    /**
     * Computes the gradients of every sample, split over {@code threads} threads by sample.
     *
     * @param q       {@code (batch, tq, heads*dh)}, the scaled queries the forward pass read
     * @param kv      {@code (batch, tk, 2*heads*dh)}
     * @param keyMask {@code (batch, tk)} of 0 and 1, or {@code null}
     * @param out     the forward output {@code (batch, tq, heads*dh)}
     * @param lse     the forward log-sum-exps {@code (batch, heads, tq)}
     * @param grad    the gradient of the output {@code (batch, tq, heads*dh)}
     * @param dq      written: the gradient of {@code q}
     * @param dkv     written: the gradient of {@code kv}
     */
    static void backward(FloatBuffer q, FloatBuffer kv, FloatBuffer keyMask, FloatBuffer out, FloatBuffer lse,
                         FloatBuffer grad, FloatBuffer dq, FloatBuffer dkv, int batch, int tq, int tk, int heads, int dh,
                         int threads) {
        VectorAttention.forEachPart(batch, threads, (from, to) -> new VectorAttentionBackward(tq, tk, heads, dh)
                .run(q, kv, keyMask, out, lse, grad, dq, dkv, from, to));
    }

    private void run(FloatBuffer q, FloatBuffer kv, FloatBuffer keyMask, FloatBuffer out, FloatBuffer lse, FloatBuffer grad,
                     FloatBuffer dq, FloatBuffer dkv, int from, int to) {
        for (int b = from; b < to; b++) {
            q.get(b * tq * dim, qRows, 0, tq * dim);
            kv.get(b * tk * 2 * dim, kvRows, 0, tk * 2 * dim);
            out.get(b * tq * dim, oRows, 0, tq * dim);
            grad.get(b * tq * dim, gRows, 0, tq * dim);
            lse.get(b * heads * tq, lseRows, 0, heads * tq);
            int n = 0;
            for (int j = 0; j < tk; j++) {
                if (keyMask == null || keyMask.get(b * tk + j) != 0f) {
                    kept[n++] = j;
                }
            }
            Arrays.fill(dqRows, 0f);
            Arrays.fill(dkvRows, 0f);
            if (n > 0) {
                for (int h = 0; h < heads; h++) {
                    head(h, n);
                }
            }
            dq.put(b * tq * dim, dqRows, 0, tq * dim);
            dkv.put(b * tk * 2 * dim, dkvRows, 0, tk * 2 * dim);
        }
    }

    /** Head {@code h} of one sample with {@code n > 0} kept keys. */
    private void head(int h, int n) {
        int off = h * dh;
        Arrays.fill(kT, 0f); // keys past n stay 0 in the last block
        Arrays.fill(vT, 0f);
        for (int j = 0; j < n; j++) {
            int row = kept[j] * 2 * dim + off;
            for (int c = 0; c < dh; c++) {
                float k = kvRows[row + c];
                float v = kvRows[row + dim + c];
                kh[j * width + c] = k;
                vh[j * width + c] = v;
                kT[c * keyStride + j] = k;
                vT[c * keyStride + j] = v;
            }
        }
        for (int i = 0; i < tq; i++) {
            float d = 0f;
            for (int c = 0; c < dh; c++) {
                int x = i * dim + off + c;
                qh[i * width + c] = qRows[x];
                gh[i * width + c] = gRows[x];
                qT[c * stride + i] = qRows[x];
                gT[c * stride + i] = gRows[x];
                d += gRows[x] * oRows[x];
            }
            dT[i] = d;
            lT[i] = lseRows[h * tq + i];
        }
        for (int j0 = 0; j0 < n; j0 += LANES) {
            if (width == GROUP) {
                smallKeyBlock(j0, n, off);
            } else {
                keyBlock(j0, n, off);
            }
        }
        for (int i0 = 0; i0 < tq; i0 += LANES) {
            if (width == GROUP) {
                smallQueryBlock(i0, n, off);
            } else {
                queryBlock(i0, n, off);
            }
        }
    }

    /**
     * {@code dk} and {@code dv} of kept keys {@code [j0, j0 + LANES)} of a head of at most 4 channels, in registers,
     * over every query. Lanes past {@code n} hold zero keys and values; what they compute is not written.
     */
    private void smallKeyBlock(int j0, int n, int off) {
        FloatVector k0 = FloatVector.fromArray(SPECIES, kT, j0);
        FloatVector k1 = FloatVector.fromArray(SPECIES, kT, keyStride + j0);
        FloatVector k2 = FloatVector.fromArray(SPECIES, kT, 2 * keyStride + j0);
        FloatVector k3 = FloatVector.fromArray(SPECIES, kT, 3 * keyStride + j0);
        FloatVector v0 = FloatVector.fromArray(SPECIES, vT, j0);
        FloatVector v1 = FloatVector.fromArray(SPECIES, vT, keyStride + j0);
        FloatVector v2 = FloatVector.fromArray(SPECIES, vT, 2 * keyStride + j0);
        FloatVector v3 = FloatVector.fromArray(SPECIES, vT, 3 * keyStride + j0);
        FloatVector dk0 = FloatVector.zero(SPECIES);
        FloatVector dk1 = dk0;
        FloatVector dk2 = dk0;
        FloatVector dk3 = dk0;
        FloatVector dv0 = dk0;
        FloatVector dv1 = dk0;
        FloatVector dv2 = dk0;
        FloatVector dv3 = dk0;
        for (int i = 0; i < tq; i++) {
            int x = i * GROUP;
            FloatVector q0 = FloatVector.broadcast(SPECIES, qh[x]);
            FloatVector q1 = FloatVector.broadcast(SPECIES, qh[x + 1]);
            FloatVector q2 = FloatVector.broadcast(SPECIES, qh[x + 2]);
            FloatVector q3 = FloatVector.broadcast(SPECIES, qh[x + 3]);
            FloatVector g0 = FloatVector.broadcast(SPECIES, gh[x]);
            FloatVector g1 = FloatVector.broadcast(SPECIES, gh[x + 1]);
            FloatVector g2 = FloatVector.broadcast(SPECIES, gh[x + 2]);
            FloatVector g3 = FloatVector.broadcast(SPECIES, gh[x + 3]);
            FloatVector s = k3.fma(q3, k2.fma(q2, k1.fma(q1, k0.mul(q0))));
            FloatVector dp = v3.fma(g3, v2.fma(g2, v1.fma(g1, v0.mul(g0))));
            FloatVector p = VectorAttention.exp(s.sub(lT[i]));
            FloatVector ds = p.mul(dp.sub(dT[i]));
            dk0 = ds.fma(q0, dk0);
            dk1 = ds.fma(q1, dk1);
            dk2 = ds.fma(q2, dk2);
            dk3 = ds.fma(q3, dk3);
            dv0 = p.fma(g0, dv0);
            dv1 = p.fma(g1, dv1);
            dv2 = p.fma(g2, dv2);
            dv3 = p.fma(g3, dv3);
        }
        dk0.intoArray(acc, 0);
        dk1.intoArray(acc, LANES);
        dk2.intoArray(acc, 2 * LANES);
        dk3.intoArray(acc, 3 * LANES);
        dv0.intoArray(acc, GROUP * LANES);
        dv1.intoArray(acc, (GROUP + 1) * LANES);
        dv2.intoArray(acc, (GROUP + 2) * LANES);
        dv3.intoArray(acc, (GROUP + 3) * LANES);
        scatter(j0, Math.min(LANES, n - j0), off, GROUP);
    }

    /** As {@link #smallKeyBlock} for a head of more than 4 channels, the accumulators in {@link #acc}. */
    private void keyBlock(int j0, int n, int off) {
        Arrays.fill(acc, 0f);
        for (int i = 0; i < tq; i++) {
            int x = i * width;
            FloatVector s = FloatVector.fromArray(SPECIES, kT, j0).mul(qh[x]);
            FloatVector dp = FloatVector.fromArray(SPECIES, vT, j0).mul(gh[x]);
            for (int c = 1; c < dh; c++) {
                s = FloatVector.fromArray(SPECIES, kT, c * keyStride + j0).fma(FloatVector.broadcast(SPECIES, qh[x + c]), s);
                dp = FloatVector.fromArray(SPECIES, vT, c * keyStride + j0).fma(FloatVector.broadcast(SPECIES, gh[x + c]), dp);
            }
            FloatVector p = VectorAttention.exp(s.sub(lT[i]));
            FloatVector ds = p.mul(dp.sub(dT[i]));
            for (int c = 0; c < dh; c++) {
                int a = c * LANES;
                int b = (dh + c) * LANES;
                ds.fma(FloatVector.broadcast(SPECIES, qh[x + c]), FloatVector.fromArray(SPECIES, acc, a)).intoArray(acc, a);
                p.fma(FloatVector.broadcast(SPECIES, gh[x + c]), FloatVector.fromArray(SPECIES, acc, b)).intoArray(acc, b);
            }
        }
        scatter(j0, Math.min(LANES, n - j0), off, dh);
    }

    /**
     * The gradients of kept keys {@code [j0, j0 + count)} from {@link #acc} into {@link #dkvRows}: channel {@code c}'s
     * {@code dk} in vector {@code c} of {@link #acc}, its {@code dv} in vector {@code dvFirst + c}. Scalar code with no
     * vector argument: a vector passed to a method that the JIT does not inline is boxed on the heap, which is the
     * garbage this class must not make (the JIT leaves calls out once a method is large, "NodeCountInliningCutoff").
     */
    private void scatter(int j0, int count, int off, int dvFirst) {
        for (int r = 0; r < count; r++) {
            int row = kept[j0 + r] * 2 * dim + off;
            for (int c = 0; c < dh; c++) {
                dkvRows[row + c] = acc[c * LANES + r];
                dkvRows[row + dim + c] = acc[(dvFirst + c) * LANES + r];
            }
        }
    }

    /**
     * {@code dq} of queries {@code [i0, i0 + LANES)} of a head of at most 4 channels, in registers, over every kept
     * key. Lanes past {@code tq} have zero queries, output gradients, {@code L} and {@code D}; they are not written.
     */
    private void smallQueryBlock(int i0, int n, int off) {
        FloatVector q0 = FloatVector.fromArray(SPECIES, qT, i0);
        FloatVector q1 = FloatVector.fromArray(SPECIES, qT, stride + i0);
        FloatVector q2 = FloatVector.fromArray(SPECIES, qT, 2 * stride + i0);
        FloatVector q3 = FloatVector.fromArray(SPECIES, qT, 3 * stride + i0);
        FloatVector g0 = FloatVector.fromArray(SPECIES, gT, i0);
        FloatVector g1 = FloatVector.fromArray(SPECIES, gT, stride + i0);
        FloatVector g2 = FloatVector.fromArray(SPECIES, gT, 2 * stride + i0);
        FloatVector g3 = FloatVector.fromArray(SPECIES, gT, 3 * stride + i0);
        FloatVector lse = FloatVector.fromArray(SPECIES, lT, i0);
        FloatVector d = FloatVector.fromArray(SPECIES, dT, i0);
        FloatVector dq0 = FloatVector.zero(SPECIES);
        FloatVector dq1 = dq0;
        FloatVector dq2 = dq0;
        FloatVector dq3 = dq0;
        for (int j = 0; j < n; j++) {
            int x = j * GROUP;
            FloatVector k0 = FloatVector.broadcast(SPECIES, kh[x]);
            FloatVector k1 = FloatVector.broadcast(SPECIES, kh[x + 1]);
            FloatVector k2 = FloatVector.broadcast(SPECIES, kh[x + 2]);
            FloatVector k3 = FloatVector.broadcast(SPECIES, kh[x + 3]);
            FloatVector s = q3.fma(k3, q2.fma(k2, q1.fma(k1, q0.mul(k0))));
            FloatVector dp = g3.fma(FloatVector.broadcast(SPECIES, vh[x + 3]), g2.fma(FloatVector.broadcast(SPECIES, vh[x + 2]),
                    g1.fma(FloatVector.broadcast(SPECIES, vh[x + 1]), g0.mul(vh[x]))));
            FloatVector ds = VectorAttention.exp(s.sub(lse)).mul(dp.sub(d));
            dq0 = ds.fma(k0, dq0);
            dq1 = ds.fma(k1, dq1);
            dq2 = ds.fma(k2, dq2);
            dq3 = ds.fma(k3, dq3);
        }
        dq0.intoArray(acc, 0);
        dq1.intoArray(acc, LANES);
        dq2.intoArray(acc, 2 * LANES);
        dq3.intoArray(acc, 3 * LANES);
        gather(i0, Math.min(LANES, tq - i0), off);
    }

    /** As {@link #smallQueryBlock} for a head of more than 4 channels, the accumulators in {@link #acc}. */
    private void queryBlock(int i0, int n, int off) {
        FloatVector lse = FloatVector.fromArray(SPECIES, lT, i0);
        FloatVector d = FloatVector.fromArray(SPECIES, dT, i0);
        Arrays.fill(acc, 0, dh * LANES, 0f);
        for (int j = 0; j < n; j++) {
            int x = j * width;
            FloatVector s = FloatVector.fromArray(SPECIES, qT, i0).mul(kh[x]);
            FloatVector dp = FloatVector.fromArray(SPECIES, gT, i0).mul(vh[x]);
            for (int c = 1; c < dh; c++) {
                s = FloatVector.fromArray(SPECIES, qT, c * stride + i0).fma(FloatVector.broadcast(SPECIES, kh[x + c]), s);
                dp = FloatVector.fromArray(SPECIES, gT, c * stride + i0).fma(FloatVector.broadcast(SPECIES, vh[x + c]), dp);
            }
            FloatVector ds = VectorAttention.exp(s.sub(lse)).mul(dp.sub(d));
            for (int c = 0; c < dh; c++) {
                int a = c * LANES;
                ds.fma(FloatVector.broadcast(SPECIES, kh[x + c]), FloatVector.fromArray(SPECIES, acc, a)).intoArray(acc, a);
            }
        }
        gather(i0, Math.min(LANES, tq - i0), off);
    }

    /** The gradients of queries {@code [i0, i0 + rows)} from {@link #acc} (channel {@code c} in vector {@code c}) into {@link #dqRows}; scalar, as {@link #scatter}. */
    private void gather(int i0, int rows, int off) {
        for (int r = 0; r < rows; r++) {
            int row = (i0 + r) * dim + off;
            for (int c = 0; c < dh; c++) {
                dqRows[row + c] = acc[c * LANES + r];
            }
        }
    }
}
