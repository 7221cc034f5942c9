package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.InvalidDataException;
import io.github.umdf.nn.data.LoadReport;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.data.csd.CsdReader;
import io.github.umdf.nn.data.csd.CsdSequence;
import io.github.umdf.nn.data.csd.IntervalAligner;
import io.github.umdf.nn.data.text.TextEncoder;
import io.github.umdf.nn.data.text.TextEncoding;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Assembles CMU-MOSI (Zadeh et al. 2016) from the CMU-MultimodalSDK files people can get: the
 * opinion-segment labels ({@code CMU_MOSI_Opinion_Labels.csd}), the forced-aligned words
 * ({@code CMU_MOSI_ModifiedTimestampedWords.csd}) and the standard folds
 * ({@code standard_folds.json}). Language frames come from a {@link TextEncoder}: by default
 * {@link HashedTextEncoder} ({@link LanguageFeaturizer}'s hashed word embedding plus VADER lexicon and
 * rule columns; optional lexicon file), or any other set with {@link #text(TextEncoder)} (GloVe,
 * {@link io.github.umdf.nn.data.text.GloveEncoder}; MiniLM, in {@code umdf-text}). Audio frames are
 * {@link ProsodyFeaturizer}'s word-timing prosody. The SDK files hold no visual features, so vision is
 * absent from the schema: conditions that need it are not applicable.
 *
 * <p>Assembly, in order:
 * <ol>
 *   <li>each video's labelled segments are ordered by start time (stable) and get the id
 *       {@code <video>[<index>]}, index 0-based in that order ({@link MosiSegment});</li>
 *   <li>videos get their split from the folds; labelled videos in no fold are left out, fold videos
 *       absent from the label file have no segments, labelled videos absent from the word file keep
 *       their segments without words: all counted in the {@link LoadReport}, with the ids in its
 *       notes, and logged;</li>
 *   <li>words are assigned to segments by interval midpoint with the MOSI word-offset fix
 *       ({@link IntervalAligner#byMidpoint()}{@code .shiftWordsByOne(true)}); silence tokens
 *       {@code sp} are not words, their time counts in the pauses. Labelled segments may overlap (94
 *       MOSI segments start before an earlier one of their video ends); a word whose midpoint lies in
 *       two segments belongs to both (196 MOSI words), counted;</li>
 *   <li>per word one language frame and one audio frame (shared time axis, aligned); the text encoder
 *       receives every segment's whole transcript at once (contextual encoders see the words that
 *       truncation drops); segments longer
 *       than {@code T} keep their last (or first, {@link Truncation}) {@code T} words, counted; frames
 *       are end-padded to {@code T};</li>
 *   <li>segments without words (two in MOSI) are kept as samples whose language and audio have no
 *       valid frame, so the split sizes stay the standard 1284 / 229 / 686; the network sees them as
 *       missing everything.</li>
 * </ol>
 * Splits are ordered by video id, then segment index. Labels are the segment's sentiment in
 * {@code [-3, 3]} ({@link Task#REGRESSION}, label {@value #LABEL}). The data set's {@link DataOrigin}
 * is the label file (path, SHA-256, modification time) with the word and folds files' paths and
 * SHA-256, the text encoder ({@code text}: its name, artifact coordinates or file SHA-256, settings,
 * and its vocabulary counts in {@code textCoverage}), the options and the featurizer version in its
 * parameters, and the steps above in its preprocessing. The load report holds only deterministic facts, so that writing the data set with
 * {@link io.github.umdf.nn.data.npz.UmdfArchive} gives the same bytes every time.
 *
 * <p>Usage: {@code new MosiSdkBuilder(labels, words, folds).lexicon(vader).build()} (hashed features), or
 * {@code new MosiSdkBuilder(labels, words, folds).text(encoder).build()}. A builder may be reused; it
 * reads the files on every call.
 */
public final class MosiSdkBuilder {
    private static final Logger LOG = Logger.getLogger(MosiSdkBuilder.class.getName());

    /** The data set name. */
    public static final String NAME = "mosi-sdk";
    /** The {@link DataOrigin#format()}: the main input is a computational sequence. */
    public static final String FORMAT = "csd";
    /** The label name. */
    public static final String LABEL = "sentiment";
    /**
     * The name of the featurizer recorded in the origin with the hashed language features; with another
     * text encoder it is {@code <encoder>-prosody}.
     */
    public static final String FEATURIZER = "hash3gram-vader-prosody";
    /**
     * The featurizer version recorded in the origin; raised whenever a column's value changes for the
     * same inputs and options.
     */
    public static final int FEATURIZER_VERSION = 1;

    private static final IntervalAligner ALIGNER = IntervalAligner.byMidpoint().shiftWordsByOne(true);

    private final Path labels;
    private final Path words;
    private final Path folds;
    private Path lexicon;
    private TextEncoder text;
    private MosiSdkOptions options = MosiSdkOptions.defaults();

    /**
     * @param labels the opinion-segment labels, {@code CMU_MOSI_Opinion_Labels.csd}
     * @param words  the timestamped words, {@code CMU_MOSI_ModifiedTimestampedWords.csd}
     * @param folds  the standard folds, {@code standard_folds.json} ({@link StandardFolds})
     */
    public MosiSdkBuilder(Path labels, Path words, Path folds) {
        this.labels = Objects.requireNonNull(labels, "labels");
        this.words = Objects.requireNonNull(words, "words");
        this.folds = Objects.requireNonNull(folds, "folds");
    }

    /**
     * Uses a VADER lexicon file ({@code vader_lexicon.txt}) in the default hashed language features;
     * {@code null} for none (lexicon columns zero). Only with the default text encoder.
     */
    public MosiSdkBuilder lexicon(Path vaderLexicon) {
        this.lexicon = vaderLexicon;
        return this;
    }

    /**
     * Uses a text encoder for the language frames instead of the default {@link HashedTextEncoder}
     * (built from the options' hash settings and {@link #lexicon(Path)}); {@code null} for the default.
     * The caller keeps ownership (and closes it if it holds native resources).
     */
    public MosiSdkBuilder text(TextEncoder encoder) {
        this.text = encoder;
        return this;
    }

    /** Sets the options (default {@link MosiSdkOptions#defaults()}). */
    public MosiSdkBuilder options(MosiSdkOptions opts) {
        this.options = Objects.requireNonNull(opts, "options");
        return this;
    }

    /** The options in use. */
    public MosiSdkOptions options() {
        return options;
    }

    /**
     * Reads the files and builds the data set.
     *
     * @throws InvalidDataException naming the file and what is wrong with it
     * @throws IOException          if a file cannot be read
     */
    public MultimodalDataset build() throws IOException {
        return assemble().dataset();
    }

    /**
     * Reads the files and builds the data set together with its segments (words, timing) for inspection.
     *
     * @throws InvalidDataException naming the file and what is wrong with it
     * @throws IOException          if a file cannot be read
     */
    public MosiSdkAssembly assemble() throws IOException {
        long t0 = System.nanoTime();
        CsdReader reader = new CsdReader();
        CsdSequence labelSeq = reader.read(labels);
        CsdSequence wordSeq = reader.read(words);
        checkLabels(labelSeq);
        checkWords(wordSeq);
        StandardFolds standardFolds = StandardFolds.read(folds);
        if (text != null && lexicon != null) {
            throw new IllegalStateException("A VADER lexicon (" + lexicon + ") is used by the hashed language features only; found text encoder '"
                    + text.name() + "': drop the lexicon or use the hashed encoder");
        }
        TextEncoder language = text != null ? text : HashedTextEncoder.read(options.hashDim(), options.hashSeed(), lexicon);
        LoadReport report = new LoadReport();

        Stats stats = new Stats();
        List<MosiSegment> segments = segments(labelSeq, wordSeq, standardFolds, report, stats);

        List<List<String>> transcripts = new ArrayList<>(segments.size());
        for (MosiSegment seg : segments) {
            transcripts.add(seg.words());
            stats.tokens += seg.wordCount();
        }
        long e0 = System.nanoTime();
        TextEncoding encoding = language.encode(transcripts);
        long encodeMs = (System.nanoTime() - e0) / 1_000_000;
        encoding.check(language.name(), transcripts, language.dim());
        ProsodyFeaturizer prosody = new ProsodyFeaturizer();
        EnumMap<SplitName, List<MultimodalSample>> splits = new EnumMap<>(SplitName.class);
        for (SplitName s : SplitName.values()) {
            splits.put(s, new ArrayList<>());
        }
        for (int i = 0; i < segments.size(); i++) {
            MosiSegment seg = segments.get(i);
            splits.get(seg.split()).add(sample(seg, encoding.frames().get(i), language.dim(), prosody, report, stats));
        }
        fillReport(report, stats, encoding);

        int t = options.maxWords();
        DatasetSchema schema = DatasetSchema.builder(NAME, Task.REGRESSION).labels(LABEL).labelRange(-3, 3)
                .modality(Modality.LANGUAGE, t, language.dim()).modality(Modality.AUDIO, t, prosody.dim()).build();
        DataOrigin origin = DataOrigin.ofFile(labels, FORMAT, steps(language), parameters(language, encoding, prosody, splits));
        MultimodalDataset ds = new MultimodalDataset(schema, splits, origin, report);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.info(() -> String.format(Locale.ROOT, "Assembled %s in %d ms (text encoder %s: %d ms): train %d, valid %d, test %d; "
                        + "%d segments without words, %d truncated to %d words; %s", NAME, ms, language.name(), encodeMs,
                splits.get(SplitName.TRAIN).size(), splits.get(SplitName.VALID).size(), splits.get(SplitName.TEST).size(),
                stats.empty, stats.truncated, t, encoding.summary()));
        LOG.fine(() -> "Load report of " + NAME + ":\n  " + String.join("\n  ", report.lines()));
        return new MosiSdkAssembly(ds, segments);
    }

    /** Counters filled while assembling. */
    private static final class Stats {
        long empty;
        long truncated;
        long wordsDropped;
        long tokens;
        long outside;
        long inSeveral;
        long unpaired;
        long segmentsWithoutWordFile;
        long overlapping;
    }

    private void checkLabels(CsdSequence seq) {
        for (String id : seq.videoIds()) {
            CsdSequence.Video v = seq.video(id);
            if (v.isText() || (v.size() > 0 && v.featureDim() != 1)) {
                throw InvalidDataException.of(labels, null, seq.name() + "/data/" + id + "/features",
                        "one sentiment value per segment, shape (k, 1)",
                        v.isText() ? "strings (is this the word file?)" : "shape (" + v.size() + ", " + v.featureDim() + ")");
            }
        }
    }

    private void checkWords(CsdSequence seq) {
        for (String id : seq.videoIds()) {
            if (!seq.video(id).isText()) {
                throw InvalidDataException.of(words, null, seq.name() + "/data/" + id + "/features", "one word string per row",
                        "numbers (is this the label file?)");
            }
        }
    }

    /** Reconciles folds and files, then aligns words to segments, split by split. */
    private List<MosiSegment> segments(CsdSequence labelSeq, CsdSequence wordSeq, StandardFolds standardFolds, LoadReport report,
                                       Stats stats) {
        Set<String> labelled = new TreeSet<>(labelSeq.videoIds());
        List<String> inNoFold = new ArrayList<>();
        long segmentsInNoFold = 0;
        for (String id : labelled) {
            if (standardFolds.splitOf(id).isEmpty()) {
                inNoFold.add(id);
                segmentsInNoFold += labelSeq.video(id).size();
            }
        }
        List<String> foldWithoutLabels = new ArrayList<>();
        List<String> withoutWords = new ArrayList<>();
        for (SplitName s : SplitName.values()) {
            for (String id : new TreeSet<>(standardFolds.videos(s))) {
                if (!labelled.contains(id)) {
                    foldWithoutLabels.add(id);
                } else if (!wordSeq.has(id)) {
                    withoutWords.add(id);
                }
            }
        }
        List<String> wordsWithoutLabels = new ArrayList<>();
        for (String id : wordSeq.videoIds()) {
            if (!labelled.contains(id)) {
                wordsWithoutLabels.add(id);
            }
        }
        problem(report, "labelled videos in no fold (left out)", inNoFold, labels + " vs " + folds);
        report.count("labelled segments of videos in no fold (left out)", segmentsInNoFold);
        problem(report, "fold videos absent from the label file (no segments)", foldWithoutLabels, folds + " vs " + labels);
        problem(report, "labelled fold videos absent from the word file (segments kept without words)", withoutWords, words.toString());
        problem(report, "word-file videos without labels (unused)", wordsWithoutLabels, words.toString());

        List<MosiSegment> out = new ArrayList<>();
        for (SplitName split : SplitName.values()) {
            for (String id : new TreeSet<>(standardFolds.videos(split))) {
                if (labelled.contains(id)) {
                    video(id, split, labelSeq.video(id).sortedByStart(), wordSeq.has(id) ? wordSeq.video(id) : null, out, stats);
                }
            }
        }
        return out;
    }

    /** Counts a list of problem videos, notes their ids and logs a warning when there are any. */
    private static void problem(LoadReport report, String what, List<String> ids, String files) {
        report.count(what, ids.size());
        if (!ids.isEmpty()) {
            String line = what + ": " + ids.size() + " " + ids;
            report.note(line);
            LOG.warning(() -> files + ": " + line);
        }
    }

    private static void video(String id, SplitName split, CsdSequence.Video segs, CsdSequence.Video tokens, List<MosiSegment> out,
                              Stats stats) {
        MosiTranscript transcript = tokens == null ? MosiTranscript.empty() : MosiTranscript.of(tokens, ALIGNER.shiftsWordsByOne());
        IntervalAligner.Alignment alignment = tokens == null ? null : ALIGNER.align(segs, tokens);
        if (alignment != null) {
            stats.unpaired += alignment.unpairedCount();
        } else {
            stats.segmentsWithoutWordFile += segs.size();
        }
        int[] uses = new int[transcript.size()];
        double latestEnd = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < segs.size(); s++) {
            if (segs.start(s) < latestEnd) {
                stats.overlapping++;
            }
            latestEnd = Math.max(latestEnd, segs.end(s));
            List<TimedWord> ws = new ArrayList<>();
            if (alignment != null) {
                for (int row : alignment.rows(s)) {
                    int w = transcript.wordOfRow(row);
                    if (w >= 0) {
                        ws.add(transcript.word(w));
                        uses[w]++;
                    }
                }
            }
            out.add(new MosiSegment(id, s, split, segs.start(s), segs.end(s), segs.features(s)[0], ws, transcript.secondsPerLetter()));
        }
        for (int u : uses) {
            if (u == 0) {
                stats.outside++;
            } else if (u > 1) {
                stats.inSeveral++;
            }
        }
    }

    /** One segment's sample: its words' language frames (encoded) and audio frames, truncated to T and end-padded. */
    private MultimodalSample sample(MosiSegment seg, float[][] language, int languageDim, ProsodyFeaturizer prosody, LoadReport report,
                                    Stats stats) {
        int t = options.maxWords();
        int n = seg.wordCount();
        int kept = Math.min(n, t);
        int from = options.truncation() == Truncation.KEEP_LAST ? n - kept : 0;
        if (n == 0) {
            stats.empty++;
        } else if (n > t) {
            stats.truncated++;
            stats.wordsDropped += n - t;
        }
        Map<Modality, FrameSequence> mods = new EnumMap<>(Modality.class);
        mods.put(Modality.LANGUAGE, frames(language, from, kept, t, languageDim, seg.split(), Modality.LANGUAGE, report));
        mods.put(Modality.AUDIO, frames(prosody.features(seg), from, kept, t, prosody.dim(), seg.split(), Modality.AUDIO, report));
        return new MultimodalSample(seg.id(), mods, new float[] {seg.label()});
    }

    private static FrameSequence frames(float[][] rows, int from, int kept, int t, int dim, SplitName split, Modality m,
                                        LoadReport report) {
        float[] values = new float[t * dim];
        for (int i = 0; i < kept; i++) {
            System.arraycopy(rows[from + i], 0, values, i * dim, dim);
        }
        report.sanitize(split, m, values);
        return FrameSequence.withLength(t, dim, values, kept);
    }

    private void fillReport(LoadReport report, Stats stats, TextEncoding encoding) {
        int t = options.maxWords();
        String side = options.truncation() == Truncation.KEEP_LAST ? "last" : "first";
        report.count("segments without words (kept, no valid frames)", stats.empty);
        report.count("segments longer than " + t + " words (kept the " + side + " " + t + ")", stats.truncated);
        report.count("words dropped by truncation", stats.wordsDropped);
        report.count("segments of videos absent from the word file", stats.segmentsWithoutWordFile);
        report.count("spoken words in labelled segments", stats.tokens);
        encoding.counts().forEach(report::count);
        report.count("spoken words outside every labelled segment", stats.outside);
        report.count("labelled segments starting before an earlier one of the video ends (overlap)", stats.overlapping);
        report.count("spoken words in more than one segment (overlapping segments share them)", stats.inSeveral);
        report.count("rows unpaired by the word-offset fix (first word row and last interval per video)", stats.unpaired);
        encoding.notes().forEach(report::note);
    }

    private List<String> steps(TextEncoder language) {
        int t = options.maxWords();
        List<String> steps = new ArrayList<>();
        steps.add("ordered each video's labelled segments by start time (stable); sample id '<video>[<index>]', "
                + "index 0-based in that order");
        steps.add("splits by video from the standard folds; labelled videos in no fold left out (counted)");
        steps.add("word-offset fix: word row i+1 paired with interval i");
        steps.add("words assigned to segments by interval midpoint in [start, end)");
        steps.add("silence tokens 'sp' left out of the words; their time counts in the pauses");
        steps.add(language.description());
        steps.add("audio: per word " + ProsodyFeaturizer.DIM
                + " word-timing prosody columns from the forced alignment (no acoustic features)");
        steps.add("segments longer than " + t + " words keep the " + (options.truncation() == Truncation.KEEP_LAST ? "last" : "first")
                + " " + t + " (counted); end padding to " + t + " frames");
        steps.add("segments without words kept with no valid frames (counted)");
        steps.add("vision absent: the SDK files used hold no visual features");
        return steps;
    }

    private Map<String, String> parameters(TextEncoder language, TextEncoding encoding, ProsodyFeaturizer prosody,
                                           Map<SplitName, List<MultimodalSample>> splits) throws IOException {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("words", abs(words));
        p.put("wordsSha256", DataOrigin.sha256(words));
        p.put("folds", abs(folds));
        p.put("foldsSha256", DataOrigin.sha256(folds));
        p.put("text", language.name());
        p.putAll(language.parameters());
        p.put("textCoverage", encoding.summary());
        p.put("featurizer", HashedTextEncoder.NAME.equals(language.name()) ? FEATURIZER : language.name() + "-prosody");
        p.put("featurizerVersion", Integer.toString(FEATURIZER_VERSION));
        p.put("maxWords", Integer.toString(options.maxWords()));
        p.put("truncation", options.truncation().key());
        p.put("wordOffsetFix", "true");
        p.put("languageDim", Integer.toString(language.dim()));
        p.put("languageColumns", language.columns());
        p.put("audioDim", Integer.toString(prosody.dim()));
        p.put("audioColumns", String.join(", ", prosody.columnNames()));
        p.put("samples", "train=" + splits.get(SplitName.TRAIN).size() + ", valid=" + splits.get(SplitName.VALID).size() + ", test="
                + splits.get(SplitName.TEST).size());
        return p;
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }

    @Override
    public String toString() {
        return "MosiSdkBuilder(labels=" + labels + ", words=" + words + ", folds=" + folds + ", lexicon=" + lexicon
                + (text == null ? "" : ", text=" + text) + ", " + options + ")";
    }
}
