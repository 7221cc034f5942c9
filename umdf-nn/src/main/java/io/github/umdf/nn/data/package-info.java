/**
 * The multimodal data model, free of DJL: per sample and named modality a dense {@code T x d}
 * float sequence with per-frame validity ({@link io.github.umdf.nn.data.FrameSequence},
 * {@link io.github.umdf.nn.data.MultimodalSample}); a data set with train/valid/test splits, its
 * {@link io.github.umdf.nn.data.DatasetSchema} (modality shapes, task, labels), where it came from
 * ({@link io.github.umdf.nn.data.DataOrigin}) and what loading changed
 * ({@link io.github.umdf.nn.data.LoadReport}). {@link io.github.umdf.nn.data.DatasetReaders} reads any
 * supported file; the sub-packages hold the readers (pickle, csd, csv, npz, mosi) and the synthetic
 * presets (synth). Validation errors are {@link io.github.umdf.nn.data.InvalidDataException}s naming
 * file, split, field, expected and found.
 */
package io.github.umdf.nn.data;
