/**
 * NumPy {@code .npy} and {@code .npz} files without NumPy, and the project's data-set archive.
 *
 * <p>{@link io.github.umdf.nn.data.npz.NpyHeader} parses and writes the {@code .npy} header (format
 * versions 1.0, 2.0 and 3.0 on read, 1.0 or 2.0 on write, byte-identical to {@code numpy.save});
 * {@link io.github.umdf.nn.data.npz.NpyReader} and {@link io.github.umdf.nn.data.npz.NpyWriter}
 * stream array elements in chunks, so that a 1 GB feature array never needs a second copy, and
 * read or write a small array whole as a {@link io.github.umdf.nn.data.numpy.NumpyArray}.
 * {@link io.github.umdf.nn.data.npz.NpzReader} reads {@code numpy.savez} archives (stored or
 * deflated, ZIP64) and {@link io.github.umdf.nn.data.npz.NpzWriter} writes archives whose bytes
 * depend on their content only. Object arrays are refused everywhere: they are pickles, and loading
 * data never runs code from it.
 *
 * <p>{@link io.github.umdf.nn.data.npz.UmdfArchive} stores a whole
 * {@link io.github.umdf.nn.data.MultimodalDataset} in one {@code .npz} file that Python opens with
 * {@code numpy.load(path, allow_pickle=False)}; its Javadoc is the format's specification.
 */
package io.github.umdf.nn.data.npz;
