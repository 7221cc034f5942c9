package io.github.umdf.tribuo.data;

import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.csv.UtteranceCsvReader;
import io.github.umdf.nn.data.io.DatasetReaders;
import io.github.umdf.nn.data.npz.UmdfArchive;
import io.github.umdf.nn.data.pickle.MmsaPickleReader;
import io.github.umdf.nn.data.pickle.MultPickleReader;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.tribuo.output.OutputAdapter;
import org.tribuo.Output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Tribuo data sources for every reader of {@code umdf-nn}: MMSA pickles ({@code aligned_50.pkl}),
 * MulT pickles ({@code mosi_data.pkl}, {@code iemocap_data.pkl}), the project's {@code .npz}
 * archive ({@link UmdfArchive}), utterance-level CSV files, and the synthetic presets. Each factory
 * reads the data once and returns its three splits ({@link DataSplits}); each split's provenance
 * records the file's path, SHA-256, modification time, format and preprocessing steps (for
 * synthetic data: preset, seed and scale).
 *
 * <p>Targets: a {@code Regressor} per label name ({@code sentiment}) for regression data, a
 * {@code Label} by class name for single-label data, a {@code MultiLabel} of the labels present for
 * multi-label data (IEMOCAP); the adapter's task must match the data set's.
 */
public final class MultimodalDataSources {
    private MultimodalDataSources() {
    }

    /** The splits of an already loaded data set. */
    public static <T extends Output<T>> DataSplits<T> of(MultimodalDataset dataset, OutputAdapter<T> adapter) {
        return new DataSplits<>(dataset, adapter);
    }

    /** An MMSA pickle ({@code aligned_50.pkl}, {@code unaligned_50.pkl}); regression on {@code sentiment}. */
    public static <T extends Output<T>> DataSplits<T> mmsaPickle(Path file, OutputAdapter<T> adapter) throws IOException {
        return of(new MmsaPickleReader().read(file), adapter);
    }

    /** A MulT pickle ({@code mosi_data.pkl}, {@code mosei_senti_data.pkl}, {@code iemocap_data.pkl}, {@code *_noalign.pkl}). */
    public static <T extends Output<T>> DataSplits<T> multPickle(Path file, OutputAdapter<T> adapter) throws IOException {
        return of(new MultPickleReader().read(file), adapter);
    }

    /** The project's data-set archive ({@code .npz}, written by {@link UmdfArchive#write}). */
    public static <T extends Output<T>> DataSplits<T> umdfArchive(Path file, OutputAdapter<T> adapter) throws IOException {
        return of(UmdfArchive.read(file), adapter);
    }

    /** An utterance-level CSV file, read with the given reader settings (task, label columns, class names). */
    public static <T extends Output<T>> DataSplits<T> utteranceCsv(Path file, UtteranceCsvReader reader, OutputAdapter<T> adapter)
            throws IOException {
        return of(reader.read(file), adapter);
    }

    /**
     * A synthetic preset ({@code mosi-aligned}, {@code iemocap-aligned} ...).
     *
     * @param preset a preset name of {@link SyntheticPresets}
     * @param seed   the generator seed
     * @param scale  in (0, 1]: every split shrinks to {@code max(ceil(scale * N), 8)} samples
     */
    public static <T extends Output<T>> DataSplits<T> synthetic(String preset, long seed, double scale, OutputAdapter<T> adapter) {
        return of(SyntheticPresets.generate(preset, seed, scale), adapter);
    }

    /**
     * A data file in any supported format, chosen by {@link DatasetReaders} from its extension:
     * {@code .npz} (the project's archive), {@code .pkl} (MMSA or MulT pickle, told apart by the label
     * field), {@code .csv} (an utterance table with the reader's default columns).
     */
    public static <T extends Output<T>> DataSplits<T> read(Path file, OutputAdapter<T> adapter) throws IOException {
        return of(DatasetReaders.read(file), adapter);
    }
}
