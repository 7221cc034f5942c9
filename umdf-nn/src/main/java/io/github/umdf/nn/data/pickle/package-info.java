/**
 * Readers for the Python pickles multimodal sentiment data is distributed in, without running any
 * code from them.
 *
 * <p>{@link io.github.umdf.nn.data.pickle.RestrictedUnpickler} loads a pickle while building only
 * dicts, lists, tuples, sets, strings, bytes, numbers and NumPy arrays
 * ({@link io.github.umdf.nn.data.numpy.NumpyArray}); every other global is refused before anything is
 * constructed ({@link io.github.umdf.nn.data.pickle.PickleRefusedException}). On top of it,
 * {@link io.github.umdf.nn.data.pickle.MmsaPickleReader} reads MMSA's {@code aligned_50.pkl} /
 * {@code unaligned_50.pkl} and {@link io.github.umdf.nn.data.pickle.MultPickleReader} reads MulT's
 * {@code mosi_data.pkl}, {@code mosei_senti_data.pkl}, {@code iemocap_data.pkl} and their unaligned
 * variants into a {@link io.github.umdf.nn.data.MultimodalDataset}, sharing one split-assembly helper:
 * shapes are validated within and across splits, NaN and infinite features are set to 0 and counted,
 * padding is flagged and counted, and errors name the file, split and field.
 */
package io.github.umdf.nn.data.pickle;
