/**
 * Reading any supported data file by its format: {@link io.github.umdf.nn.data.io.DatasetReaders}
 * recognises a {@code .npz} archive, an MMSA or MulT pickle, or an utterance CSV and hands it to the
 * reader of its sub-package. It sits above the readers, so the plain data model does not depend on them.
 */
package io.github.umdf.nn.data.io;
