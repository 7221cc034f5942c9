/**
 * Tribuo data sources over the project's data model: {@link io.github.umdf.tribuo.data.MultimodalDataSource}
 * serves one split of a {@link io.github.umdf.nn.data.MultimodalDataset} as
 * {@link io.github.umdf.tribuo.MultimodalExample}s, {@link io.github.umdf.tribuo.data.MultimodalDataSources}
 * builds the three splits for each reader (MMSA and MulT pickles, the {@code .npz} archive,
 * utterance CSV files, synthetic presets).
 *
 * <p>As with Tribuo's file-backed sources ({@code IDXDataSource}, {@code CSVDataSource}), the
 * provenance records the file's path, SHA-256 and modification time, plus the format, the split
 * and the preprocessing steps the reader applied, so that a model's provenance says exactly which
 * bytes it was trained on.
 */
package io.github.umdf.tribuo.data;
