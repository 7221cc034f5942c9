package io.github.umdf.nn.data.synth;

import io.github.umdf.nn.data.Modality;

import java.util.Set;

/**
 * The signal planted in the synthetic presets: how labels depend on per-sample latent factors and
 * how frames reveal those factors. Every constant of the generator is here; tests rely on them.
 *
 * <h2>Sentiment (mosi-*, mosei-*)</h2>
 *
 * Per sample, independent standard normal latents: evidence {@code s_l, s_a, s_v}, an interaction
 * pair {@code z_a, z_v} and noise {@code eps}.
 *
 * <pre>
 * y*  = 1.0 s_l + 0.6 s_a + 0.5 s_v + 0.6 z_a z_v + 0.3 eps          Var(y*) = 2.06
 * y   = rint(5 clip(1.1 y*, -3, 3)) / 5                                 (multiples of 0.2 in [-3, 3])
 * </pre>
 *
 * {@code rint} rounds half to even. The labels spread like MOSI's (on 22,856 draws: std 1.49, 5.1%
 * of them exactly 0, 6.7% at +-3). Three-class presets map
 * {@code y < -0.7 -> negative (0)}, {@code -0.7 <= y <= 0.7 -> neutral (1)},
 * {@code y > 0.7 -> positive (2)}: 32.8% / 34.7% / 32.6%.
 *
 * <p>Share of {@code Var(y*)} explained by the best predictor that knows the latents of a set of
 * modalities ({@link #explainedShare(Set)}; {@code E[z_a z_v | z_a] = 0}, so the interaction needs
 * both audio and vision):
 *
 * <pre>
 * {l} 48.5%   {a} 17.5%   {v} 12.1%   {l,a} 66.0%   {l,v} 60.7%   {a,v} 47.1%   {l,a,v} 95.6%
 * </pre>
 *
 * Language is strongest, every modality adds its own part, the interaction (17.5%) is revealed by
 * audio and vision together only, and the noise (4.4%) caps what complete data can achieve. For
 * the rounded, clipped labels {@code y} the squared correlation with that predictor is within two
 * points (22,856 draws: 48.7, 17.1, 12.5, 66.0, 60.7, 45.5, 93.8%). What features reveal is less:
 * on mosi-aligned (seed 42, first 1000 training samples, validation MAE, ridge on mean-pooled
 * valid frames with lambda by 5-fold cross-validation) language alone gives 0.93, audio 1.17,
 * vision 1.10, all three 0.74, all three plus audio x vision products 0.63, the training mean 1.16.
 *
 * <h2>Emotions (iemocap-aligned)</h2>
 *
 * Per sample and emotion {@code k} in (neutral, happy, sad, angry): evidence {@code s_{m,k}} for
 * each modality, the pair {@code z_a, z_v} and noise {@code eps_k}, all independent N(0, 1):
 *
 * <pre>
 * e_k = 1.0 s_{l,k} + 0.6 s_{a,k} + 0.5 s_{v,k} + 0.6 z_a z_v [k = angry] + 0.3 eps_k + b_k
 * b   = (0.37, 0.04, -0.17, -0.25)
 * </pre>
 *
 * The sample's one emotion is {@code argmax_k e_k} (target: one-hot over the four labels, as in
 * MulT's IEMOCAP); the biases give prevalences of about 35%, 25%, 20%, 20% (4,453 draws: 35.9,
 * 25.8, 19.6, 18.8%).
 *
 * <h2>Frames</h2>
 *
 * For each (preset, seed) a fixed world per modality {@code m} with {@code d_m} features: orthonormal
 * directions {@code u_{m,k}} (one per evidence component) and {@code w_m} (for {@code z_m}, audio and
 * vision only), per-feature scales {@code a_{m,j}} log-uniform in [0.5, 1.5] and offsets
 * {@code b_{m,j}} uniform in [-1, 1]. A sample has {@code L_m} valid frames (end padding): aligned
 * presets draw one length uniformly from {@code {max(8, T/4), ..., T}} for all modalities, unaligned
 * presets draw each modality's length from {@code {T_m/4, ..., T_m}} (integer division). Each valid
 * frame is salient with probability {@code rho = 0.4} ({@code c_t = 1}; at least one salient frame
 * per sequence), and
 *
 * <pre>
 * x_{t,j} = a_{m,j} (n_{t,j} + c_t g_m (sum_k s_{m,k} u_{m,k,j} + z_m w_{m,j})) + b_{m,j}    n_{t,j} ~ N(0, 1)
 * g_m     = G_m sqrt(50 / max(50, T_m))      G_l = 2.5, G_a = 1.5, G_v = 1.2
 * </pre>
 *
 * Padding frames are zeros with validity false. Language has the highest signal-to-noise ratio
 * along its direction; long unaligned sequences get a gain scaled by {@code sqrt(50 / T_m)} so that
 * mean pooling over their frames is about as informative as over 50 aligned frames. Because the
 * signal sits on salient frames, dropping frames loses information (intra-modality missingness
 * hurts) and dropping a modality loses its part of the label (inter-modality missingness hurts).
 */
public final class PlantedSignal {
    private PlantedSignal() {
    }

    /** Weight of the language evidence in {@code y*} and {@code e_k}. */
    public static final double BETA_LANGUAGE = 1.0;
    /** Weight of the audio evidence. */
    public static final double BETA_AUDIO = 0.6;
    /** Weight of the vision evidence. */
    public static final double BETA_VISION = 0.5;
    /** Weight of the audio-vision interaction {@code z_a z_v}. */
    public static final double INTERACTION = 0.6;
    /** Weight of the label noise {@code eps}. */
    public static final double NOISE = 0.3;
    /** Scale {@code c} from {@code y*} to the label. */
    public static final double LABEL_SCALE = 1.1;
    /** Labels are multiples of this step. */
    public static final double LABEL_STEP = 0.2;
    private static final double STEPS_PER_UNIT = 5.0;
    /** Label bound: labels lie in {@code [-LABEL_BOUND, LABEL_BOUND]}. */
    public static final double LABEL_BOUND = 3.0;
    /** Three-class presets: {@code |y| <= NEUTRAL_BAND} is neutral. */
    public static final double NEUTRAL_BAND = 0.7;
    /** Emotion biases {@code b_k} for neutral, happy, sad, angry. */
    private static final double[] EMOTION_BIAS = {0.37, 0.04, -0.17, -0.25};
    /** The emotion whose score carries the interaction: angry. */
    public static final int INTERACTION_EMOTION = 3;
    /** Probability that a valid frame is salient. */
    public static final double SALIENT_RATE = 0.4;
    /** Frame noise standard deviation (before the per-feature scale). */
    public static final double FRAME_NOISE = 1.0;
    /** Sequence length at which the gains apply unscaled. */
    public static final int REFERENCE_LENGTH = 50;
    /** Shortest valid length of aligned presets. */
    public static final int MIN_ALIGNED_LENGTH = 8;
    /** Range of the per-feature scales (log-uniform). */
    public static final double SCALE_MIN = 0.5;
    /** Upper end of the per-feature scales. */
    public static final double SCALE_MAX = 1.5;
    /** Per-feature offsets are uniform in {@code [-OFFSET, OFFSET]}. */
    public static final double OFFSET = 1.0;

    /** The weight {@code beta_m} of a modality's evidence. */
    public static double weight(Modality m) {
        switch (m) {
            case LANGUAGE: return BETA_LANGUAGE;
            case AUDIO: return BETA_AUDIO;
            case VISION: return BETA_VISION;
            default: throw new IllegalStateException();
        }
    }

    /** The gain {@code G_m} at the reference length. */
    public static double baseGain(Modality m) {
        switch (m) {
            case LANGUAGE: return 2.5;
            case AUDIO: return 1.5;
            case VISION: return 1.2;
            default: throw new IllegalStateException();
        }
    }

    /** The gain {@code g_m} for sequences of {@code length} frames. */
    public static double gain(Modality m, int length) {
        return baseGain(m) * Math.sqrt((double) REFERENCE_LENGTH / Math.max(REFERENCE_LENGTH, length));
    }

    /** {@code Var(y*) = 1.0^2 + 0.6^2 + 0.5^2 + 0.6^2 + 0.3^2 = 2.06}. */
    public static double rawScoreVariance() {
        return BETA_LANGUAGE * BETA_LANGUAGE + BETA_AUDIO * BETA_AUDIO + BETA_VISION * BETA_VISION + INTERACTION * INTERACTION
                + NOISE * NOISE;
    }

    /**
     * Share of {@code Var(y*)} explained by {@code E[y* | latents of the available modalities]}:
     * {@code (sum_{m in S} beta_m^2 + [a, v in S] 0.6^2) / 2.06}.
     */
    public static double explainedShare(Set<Modality> available) {
        double v = 0;
        for (Modality m : available) {
            v += weight(m) * weight(m);
        }
        if (available.contains(Modality.AUDIO) && available.contains(Modality.VISION)) {
            v += INTERACTION * INTERACTION;
        }
        return v / rawScoreVariance();
    }

    /** {@code y*} of sentiment latents. */
    public static double rawScore(double sl, double sa, double sv, double za, double zv, double eps) {
        return BETA_LANGUAGE * sl + BETA_AUDIO * sa + BETA_VISION * sv + INTERACTION * za * zv + NOISE * eps;
    }

    /** The label {@code y = rint(5 clip(1.1 y*, -3, 3)) / 5}. */
    public static float label(double rawScore) {
        double c = Math.max(-LABEL_BOUND, Math.min(LABEL_BOUND, LABEL_SCALE * rawScore));
        return (float) (Math.rint(c * STEPS_PER_UNIT) / STEPS_PER_UNIT);
    }

    /** The three-class index of a label: 0 negative, 1 neutral, 2 positive. */
    public static int sentimentClass(float label) {
        return label < -NEUTRAL_BAND ? 0 : label > NEUTRAL_BAND ? 2 : 1;
    }

    /**
     * The emotion scores {@code e_k}.
     *
     * @param s   evidence {@code s[m.ordinal()][k]}
     * @param eps noise per emotion
     */
    public static double[] emotionScores(double[][] s, double za, double zv, double[] eps) {
        double[] e = new double[EMOTION_BIAS.length];
        for (int k = 0; k < e.length; k++) {
            e[k] = BETA_LANGUAGE * s[0][k] + BETA_AUDIO * s[1][k] + BETA_VISION * s[2][k] + NOISE * eps[k] + EMOTION_BIAS[k];
            if (k == INTERACTION_EMOTION) {
                e[k] += INTERACTION * za * zv;
            }
        }
        return e;
    }

    /** {@code argmax_k e_k} (first index on ties). */
    public static int emotion(double[] scores) {
        int best = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[best]) {
                best = k;
            }
        }
        return best;
    }
}
