package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDManager;
import io.github.umdf.nn.block.NormPlacement;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.nn.model.ParameterCounts;
import io.github.umdf.nn.testing.ParameterLayout;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * UMDF's parameter counts, walked block by block, equal what the earlier count by parameter names gave
 * (the numbers below were printed by it): the {@code umdf params} report does not change. The
 * parameter layout (names and shapes in order, what saved models hold) is that of the networks
 * built before the blocks had builders.
 */
class UmdfParameterCountsTest {
    private static Map<String, Long> counts(UmdfConfig config, DatasetSchema schema) {
        Tensors.engine(1);
        try (NDManager m = NDManager.newBaseManager()) {
            UmdfModel model = new UmdfModel(config, schema);
            model.initialize(m);
            Map<String, Long> counts = model.parameterCounts();
            assertEquals(ParameterCounts.of(model.block()), counts.values().stream().mapToLong(Long::longValue).sum(),
                    "the components cover every parameter once");
            return counts;
        }
    }

    /** Keys and values in order. */
    private static Map<String, Long> ordered(Object... keysAndValues) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], ((Number) keysAndValues[i + 1]).longValue());
        }
        return m;
    }

    private static void assertOrderedEquals(Map<String, Long> expected, Map<String, Long> actual) {
        assertEquals(expected, actual);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()));
    }

    @Test
    void thePaperNetworkOnMosi() {
        DatasetSchema schema = SyntheticPresets.get("mosi-aligned").schema();
        Map<String, Long> umdf = ordered("mcim.projection.language", 36000, "mcim.projection.audio", 600,
                "mcim.projection.vision", 2400, "mcim.coarseAttention", 78720, "mcim.layerNorm", 4080,
                "mcim.fineAttention", 157440, "mcim.feedForward", 156000, "jointEncoder", 348960, "dfim", 86641,
                "fusedEncoder", 348960, "predictionHead", 14641, "logitsHead", 121);
        UmdfConfig paper = UmdfConfig.paper(PaperDataset.MOSI);
        assertOrderedEquals(umdf, counts(paper, schema));
        // the ablations: a concatenation instead of DFIM; self-attention of the same size instead of MCIM
        Map<String, Long> noDfim = new LinkedHashMap<>();
        umdf.forEach((k, v) -> {
            if (k.equals("dfim")) {
                noDfim.put("concatFusion", 28920L);
            } else {
                noDfim.put(k, v);
            }
        });
        assertOrderedEquals(noDfim, counts(paper.toBuilder().useDfim(false).build(), schema));
        assertOrderedEquals(umdf, counts(paper.toBuilder().useMcim(false).build(), schema));
    }

    @Test
    void theParameterLayoutIsThatOfSavedModels() {
        DatasetSchema schema = SyntheticPresets.get("mosi-aligned").schema();
        UmdfConfig paper = UmdfConfig.paper(PaperDataset.MOSI);
        Map<String, UmdfConfig> configs = new LinkedHashMap<>();
        configs.put("19834865c16e067ae76c82a08a92621a64167be7133db61e64683b4fb5f2bfed", paper);
        configs.put("6a05b5b19bb6cd605a23a65505c26db9b8f2ccf6ded3c32699b3fdd268012187", paper.toBuilder().useDfim(false).build());
        configs.put("d959c8b143335a1ac9dcc078b046eeea371fe0ec7cf8784051876b78c7441045", paper.toBuilder().useMcim(false).build());
        configs.forEach((digest, config) -> {
            Tensors.engine(1);
            try (NDManager m = NDManager.newBaseManager()) {
                UmdfModel model = new UmdfModel(config, schema);
                model.initialize(m);
                assertEquals(digest, ParameterLayout.digest(model.block()), () -> ParameterLayout.of(model.block()));
            }
        });
    }

    @Test
    void smallNetworksPostAndPreNormWithThreeTwoAndOneModalities() {
        DatasetSchema three = SyntheticPresets.get("mosi-unaligned").schema();
        DatasetSchema two = three.toBuilder().without(Modality.VISION).build();
        DatasetSchema one = three.toBuilder().without(Modality.AUDIO).without(Modality.VISION).build();
        UmdfConfig small = UmdfConfig.builder().modelDim(8).heads(2).depth(3).encoderLayers(2).build();
        UmdfConfig post = small.toBuilder().norm(NormPlacement.POST).build();
        UmdfConfig pre = small.toBuilder().norm(NormPlacement.PRE).build();
        assertOrderedEquals(ordered("mcim.projection.language", 7200, "mcim.projection.audio", 120, "mcim.projection.vision", 480,
                "mcim.coarseAttention", 2592, "mcim.layerNorm", 576, "mcim.fineAttention", 5184, "mcim.feedForward", 4968,
                "jointEncoder", 14448, "dfim", 3505, "fusedEncoder", 14448, "predictionHead", 625, "logitsHead", 25),
                counts(post, three));
        assertOrderedEquals(ordered("mcim.projection.language", 7200, "mcim.projection.audio", 120, "mcim.projection.vision", 480,
                "mcim.coarseAttention", 2592, "mcim.layerNorm", 624, "mcim.fineAttention", 5184, "mcim.feedForward", 4968,
                "jointEncoder", 14496, "dfim", 3505, "fusedEncoder", 14496, "predictionHead", 625, "logitsHead", 25),
                counts(pre, three));
        assertOrderedEquals(ordered("mcim.projection.language", 7200, "mcim.projection.audio", 120,
                "mcim.coarseAttention", 1728, "mcim.layerNorm", 320, "mcim.fineAttention", 1728, "mcim.feedForward", 3312,
                "jointEncoder", 6592, "dfim", 1569, "fusedEncoder", 6592, "predictionHead", 289, "logitsHead", 17),
                counts(pre, two));
        // one modality: no fine-grained branch, so no fineAttention entry
        assertOrderedEquals(ordered("mcim.projection.language", 7200, "mcim.coarseAttention", 864, "mcim.layerNorm", 96,
                "mcim.feedForward", 1656, "jointEncoder", 1744, "dfim", 401, "fusedEncoder", 1744, "predictionHead", 81,
                "logitsHead", 9), counts(post, one));
        assertOrderedEquals(ordered("mcim.projection.language", 7200, "mcim.coarseAttention", 864, "mcim.layerNorm", 112,
                "mcim.feedForward", 1656, "jointEncoder", 1760, "dfim", 401, "fusedEncoder", 1760, "predictionHead", 81,
                "logitsHead", 9), counts(pre, one));
    }
}
