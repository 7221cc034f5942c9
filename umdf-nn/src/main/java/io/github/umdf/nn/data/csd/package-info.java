/**
 * CMU-MultimodalSDK computational sequences ({@code .csd}, HDF5): {@link io.github.umdf.nn.data.csd.CsdReader}
 * reads one through jHDF into a {@link io.github.umdf.nn.data.csd.CsdSequence} (per video, intervals in
 * seconds with numeric features or word tokens, plus metadata), and
 * {@link io.github.umdf.nn.data.csd.IntervalAligner} assigns the rows of one sequence (words, frames) to
 * the labelled segments of another by interval midpoint, with an explicit option for the MOSI
 * word-file quirk (each word stored one row after its interval).
 */
package io.github.umdf.nn.data.csd;
