/**
 * CMU-MOSI assembled from the real CMU-MultimodalSDK files with offline featurizers.
 *
 * <p>People who cannot get the MMSA or MulT pickles can still get the SDK's computational
 * sequences: the opinion-segment labels, the forced-aligned words and the standard folds. This
 * package turns those into a {@link io.github.umdf.nn.data.MultimodalDataset} named {@code mosi-sdk}
 * that the rest of the project trains and evaluates on like any other: 1284 / 229 / 686 labelled
 * segments, sentiment regression in {@code [-3, 3]}, a language and an audio modality on one
 * word-aligned time axis of 50 frames, and no vision at all (the schema lacks it, so the conditions
 * that need vision are not applicable rather than evaluated on zeros).
 *
 * <p>The features are computed from the transcript and its timing, deterministically:
 * <ul>
 *   <li>language: any {@link io.github.umdf.nn.data.text.TextEncoder}. Here the dependency-free one,
 *       {@link io.github.umdf.nn.data.mosi.HashedTextEncoder} over
 *       {@link io.github.umdf.nn.data.mosi.LanguageFeaturizer}: per word a hashed embedding of the
 *       word and its character 3-grams ({@link io.github.umdf.nn.data.mosi.HashedWordEmbedding})
 *       plus eleven columns from the VADER sentiment lexicon ({@link io.github.umdf.nn.data.mosi.VaderLexicon})
 *       and VADER's rules ({@link io.github.umdf.nn.data.mosi.VaderRules}: negation, boosters, "but").
 *       Pretrained ones: GloVe ({@link io.github.umdf.nn.data.text.GloveEncoder}) and MiniLM
 *       ({@code umdf-text});</li>
 *   <li>{@link io.github.umdf.nn.data.mosi.ProsodyFeaturizer}: per word its duration, the pauses around
 *       it, the local speech rate, speaker-relative lengthening and position, read off the forced
 *       alignment. This is the "audio" modality, and it is word timing, not acoustics.</li>
 * </ul>
 *
 * <p>{@link io.github.umdf.nn.data.mosi.MosiSdkBuilder} reads the files (via
 * {@link io.github.umdf.nn.data.csd.CsdReader}), orders and names the segments
 * ({@link io.github.umdf.nn.data.mosi.MosiSegment}, ids {@code <video>[<index>]}), aligns words by
 * interval midpoint with the MOSI word-offset fix ({@link io.github.umdf.nn.data.csd.IntervalAligner}),
 * splits by {@link io.github.umdf.nn.data.mosi.StandardFolds}, featurizes, truncates
 * ({@link io.github.umdf.nn.data.mosi.Truncation}) and pads, and records every file hash, setting and
 * count in the data set's origin and load report. {@code umdf data mosi-sdk} is its command line and
 * writes the result as a {@code .npz} archive ({@link io.github.umdf.nn.data.npz.UmdfArchive}).
 */
package io.github.umdf.nn.data.mosi;
