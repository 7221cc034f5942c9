/**
 * The multimodal data model, free of DJL: per sample and named modality a dense {@code T x d}
 * float sequence with per-frame validity ({@link io.github.umdf.nn.data.FrameSequence},
 * {@link io.github.umdf.nn.data.MultimodalSample}); a data set with train/valid/test splits, its
 * {@link io.github.umdf.nn.data.DatasetSchema} (modality shapes, task, labels), where it came from
 * ({@link io.github.umdf.nn.data.DataOrigin}) and what loading changed
 * ({@link io.github.umdf.nn.data.LoadReport}). The sub-packages hold the readers (pickle, csd, csv, npz, mosi) and the synthetic
 * presets (synth), and {@code data.io} reads any supported file by its format. Validation errors are {@link io.github.umdf.nn.data.InvalidDataException}s naming
 * file, split, field, expected and found.
 */
package io.github.umdf.nn.data;
