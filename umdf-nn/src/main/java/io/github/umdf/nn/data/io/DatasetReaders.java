package io.github.umdf.nn.data.io;

import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.csv.UtteranceCsvReader;
import io.github.umdf.nn.data.npz.UmdfArchive;
import io.github.umdf.nn.data.pickle.PickleDatasets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a data set file of any supported format, chosen by its extension:
 * <ul>
 *   <li>{@code .npz}: the project's archive ({@link UmdfArchive}), written by {@code umdf data synth}
 *       and {@code umdf data mosi-sdk};</li>
 *   <li>{@code .pkl}, {@code .pickle}: MMSA ({@code aligned_50.pkl}, {@code unaligned_50.pkl}) or MulT
 *       ({@code mosi_data.pkl}, {@code iemocap_data.pkl}, ...) pickles, told apart by their label field;</li>
 *   <li>{@code .csv}: an utterance-level table with {@link UtteranceCsvReader}'s default conventions
 *       (columns {@code id}, {@code split}, {@code label}, features {@code language_0 ...}).</li>
 * </ul>
 * A CMU-MultimodalSDK {@code .csd} file holds one computational sequence, not a data set: assemble
 * one with {@code umdf data mosi-sdk} (or the {@code data.csd} API).
 */
public final class DatasetReaders {
    private DatasetReaders() {
    }

    /** Reads a data set file. */
    public static MultimodalDataset read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such data file");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npz")) {
            return UmdfArchive.read(file);
        }
        if (name.endsWith(".pkl") || name.endsWith(".pickle")) {
            return PickleDatasets.read(file);
        }
        if (name.endsWith(".csv")) {
            return UtteranceCsvReader.builder().build().read(file);
        }
        if (name.endsWith(".csd")) {
            throw new InvalidDataException(file + ": a .csd file holds one computational sequence, not a data set; "
                    + "assemble CMU-MOSI with 'umdf data mosi-sdk --labels ... --words ... --folds ...'");
        }
        throw new InvalidDataException(file + ": unsupported data file; expected .npz (umdf data synth / mosi-sdk), "
                + ".pkl (MMSA or MulT pickle) or .csv (utterance table)");
    }
}
