/**
 * NumPy arrays in memory, whichever file they come from: {@link io.github.umdf.nn.data.numpy.NumpyArray}
 * (dtype, shape and elements in C order) and {@link io.github.umdf.nn.data.numpy.NumpyDtype} (the
 * element types, parsed from a {@code .npy} header's {@code descr} or a pickled
 * {@code numpy.dtype}). Numeric elements stay in NumPy's own byte layout
 * ({@link io.github.umdf.nn.data.numpy.RawBytes}, chunked beyond 2 GB), so that neither a
 * {@code .npy} file nor a pickle is copied a second time on load.
 *
 * <p>The readers build on this package: {@code data.npz} streams {@code .npy}/{@code .npz} files and
 * reads small arrays whole into it, {@code data.pickle} unpickles MMSA and MulT files into it.
 * It depends on nothing above {@code io.github.umdf.nn.data}.
 */
package io.github.umdf.nn.data.numpy;
