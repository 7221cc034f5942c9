package io.github.umdf.tools.cli;

import io.github.umdf.nn.data.mosi.MosiSdkAssembly;
import io.github.umdf.nn.data.mosi.MosiSdkBuilder;
import io.github.umdf.nn.data.mosi.MosiSdkOptions;
import io.github.umdf.nn.data.mosi.Truncation;
import io.github.umdf.nn.data.npz.UmdfArchive;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code umdf data mosi-sdk}: assembles CMU-MOSI from the CMU-MultimodalSDK files with the offline
 * featurizer ({@link MosiSdkBuilder}) and writes it as a {@code .npz} archive ({@link UmdfArchive}).
 * Prints the archive's path on standard output and the summary (split sizes, load report) on
 * standard error, like {@code umdf data synth}.
 */
@Command(name = "mosi-sdk", mixinStandardHelpOptions = true,
        description = {"Assemble CMU-MOSI from the SDK label and word files and the standard folds",
                "into a .npz archive: 1284/229/686 segments, sentiment in [-3, 3], no vision.",
                "Language: hashed word + character 3-gram embedding, VADER lexicon and rules.",
                "Audio: word-timing prosody (durations, pauses, speech rate) from the alignment.",
                "Columns and choices: README, section \"CMU-MOSI from the SDK files\"."})
final class MosiSdkCommand implements Callable<Integer> {
    @Option(names = "--labels", required = true, paramLabel = "CSD", description = "The segment labels, CMU_MOSI_Opinion_Labels.csd.")
    Path labels;

    @Option(names = "--words", required = true, paramLabel = "CSD",
            description = "The timestamped words, CMU_MOSI_ModifiedTimestampedWords.csd.")
    Path words;

    @Option(names = "--folds", required = true, paramLabel = "JSON", description = "The standard folds, standard_folds.json.")
    Path folds;

    @Option(names = "--lexicon", paramLabel = "FILE",
            description = "The VADER lexicon, vader_lexicon.txt (without it the lexicon columns are 0).")
    Path lexicon;

    @Option(names = "--max-words", paramLabel = "T", defaultValue = "" + MosiSdkOptions.DEFAULT_MAX_WORDS,
            description = "Frames per sample (default: ${DEFAULT-VALUE}).")
    int maxWords;

    @Option(names = "--truncation", paramLabel = "SIDE", defaultValue = "keep-last",
            description = "Words kept from longer segments: keep-last or keep-first (default: ${DEFAULT-VALUE}).")
    String truncation;

    @Option(names = "--out", required = true, paramLabel = "FILE.npz", description = "The archive to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        MosiSdkOptions options = MosiSdkOptions.defaults().withMaxWords(maxWords).withTruncation(Truncation.parse(truncation));
        MosiSdkAssembly assembly = new MosiSdkBuilder(labels, words, folds).lexicon(lexicon).options(options).assemble();
        UmdfArchive.write(assembly.dataset(), out);
        assembly.summary().forEach(System.err::println);
        System.out.println(out.toAbsolutePath());
        return 0;
    }
}
