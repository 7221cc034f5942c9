package io.github.umdf.baselines;

import ai.djl.Device;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.nn.model.ModelRegistry;
import io.github.umdf.nn.testing.ParameterLayout;
import io.github.umdf.nn.train.NetworkSession;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The baselines' parameter counts, walked block by block, for the MOSI networks: the numbers the
 * {@code umdf params} report printed before (per top-level child block, in network order), and
 * together every parameter. The parameter layout (names and shapes in order, what saved models
 * hold) is that of the networks built before the blocks had builders.
 */
class BaselineParameterCountsTest {
    private static void assertCounts(String family, String layout, Object... keysAndValues) {
        Map<String, Long> expected = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            expected.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).longValue());
        }
        DatasetSchema schema = SyntheticPresets.get("mosi-aligned").schema();
        try (NetworkSession s = NetworkSession.create(ModelRegistry.get(family).defaultSpec(PaperDataset.MOSI), schema,
                Device.cpu(), 1)) {
            Map<String, Long> counts = s.model().parameterCounts();
            assertEquals(expected, counts, family);
            assertEquals(List.copyOf(expected.keySet()), List.copyOf(counts.keySet()), family + ": network order");
            assertEquals(s.parameterCount(), counts.values().stream().mapToLong(Long::longValue).sum(), family);
            assertEquals(layout, ParameterLayout.digest(s.model().block()), () -> ParameterLayout.of(s.model().block()));
        }
    }

    @Test
    void mctn() {
        assertCounts("mctn", "4d3561869bbfe8dad9978ac585a0f4faef63d8bc1c349ae32e3c3b0f0b1072d5",
                "encoder1", 85504, "decoder1", 58732, "encoder2", 16896, "decoder2", 11237, "head", 8514);
    }

    @Test
    void selfMm() {
        assertCounts("selfmm", "09e8c82c5c77019b5f0919deb5b99ee50911fd94dc426ce3b775f5a87ee8c01d",
                "subnet_language", 253184, "subnet_audio", 1744, "subnet_vision", 7968, "fusionHead", 55681,
                "head_language", 9313, "head_audio", 561, "head_vision", 2145);
    }

    /**
     * By hand, MOSI-aligned (language 300, audio 5, vision 20 features): an LSTM(d -> 32) has
     * 4·32·(d + 32) + 2·4·32 parameters (42,752, 4,992, 6,912); a reconstruction Linear(64 -> 10) plus
     * 10 x 32 centres (970); Linear(96 -> 96) 9,312; Linear(96 -> 64) 6,208 twice; Linear(64 -> 1) 65.
     */
    @Test
    void smil() {
        assertCounts("smil", "fbd29300df25162e2b98904d73742d6aacf2c2c144058d2e920ace1a45a3d936",
                "encoder_language", 42752, "encoder_audio", 4992, "encoder_vision", 6912, "reconstruction_language", 970,
                "reconstruction_audio", 970, "reconstruction_vision", 970, "perturbation_fused", 9312, "perturbation_hidden", 6208,
                "fusion", 6208, "output", 65);
    }

    /**
     * GCNet on mosi-aligned (utterance vector 5 + 300 + 20 = 325; D_e = 100, graph width 50, so the graph
     * networks read F = 200 and emit D_h = 250), counted as PyTorch counts the original's modules (an LSTM
     * layer direction has 4H·(in + H) weights and two 4H biases; PyG's RGCNConv R·in·out + in·out + out,
     * GraphConv 2·in·out + out):
     * lstm: 2·(4·100·(325 + 100) + 800) + 2·(4·100·(200 + 100) + 800) = 341,600 + 241,600 = 583,200;
     * a graph network with R relations: rgcn 200·50·(R + 1) + 50, graphConv 2·50·50 + 50 = 5,050,
     * lstm 2·(4·250·500 + 2,000) + 2·(4·250·750 + 2,000) = 2,508,000, linear 500·250 + 250 = 125,250,
     * so 2,648,350 + 10,000·R: temporal (R = 3) 2,678,350, speaker (R = 1) 2,658,350;
     * prediction 250 + 1, reconstruction 250·325 + 325 = 81,575.
     */
    @Test
    void gcnet() {
        assertCounts("gcnet", "baedca83a0be2fac72a8aed7aa1aa648a883d8209c8a09c2e7fc0725f02a087e",
                "lstm", 583200, "temporalGraph", 2678350, "speakerGraph", 2658350, "prediction", 251, "reconstruction", 81575);
    }

    /**
     * By hand, d = 128, T = 50 -> 25 -> 5, K = 3: text 300 x 128 = 38,400 (no bias); a bidirectional GRU layer
     * on n inputs 2 (3·128 (n + 128) + 6·128), so audio 2 (384·133 + 768) + 2 (384·384 + 768) + LN 256 = 400,384
     * and vision (n = 20) 411,904; a mixer n -> m has LN 2n, fc1 nm + m, fc2 m² + m, residual nm: block 1
     * 3,275 (50 -> 25) + 39 (3 -> 3) + 49,664 (128 -> 128) = 52,978, block 2 335 (25 -> 5) + 39 + 9,536
     * (128 -> 32) = 9,910; classifier 96 + 1 = 97.
     */
    @Test
    void cubeMlp() {
        assertCounts("cubemlp", "44adcf4ef415ce28c7a23014f16ec70f86125b0bdc6cf5d5919e190751d90a8f",
                "projection_language", 38400, "encoder_audio", 400384, "encoder_vision", 411904, "mixing1", 52978, "mixing2", 9910,
                "classifier", 97);
    }

    @Test
    void transm() {
        assertCounts("transm", "23e84ffa8e3d9fc82057d8c897cc46d183d0c75e80df0ec7badc2d79e5bcfdb0",
                "embedding_language", 1143700, "embedding_audio", 612700, "embedding_vision", 639700,
                "pair_vision", 2871320, "pair_audio", 2387405, "output", 701);
    }
}
