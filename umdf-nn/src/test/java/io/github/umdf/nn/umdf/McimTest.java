package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.nn.block.NormPlacement;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.testing.Tensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.github.umdf.nn.data.Modality.AUDIO;
import static io.github.umdf.nn.data.Modality.LANGUAGE;
import static io.github.umdf.nn.data.Modality.VISION;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MCIM's builders and its fine-grained branches, keyed by source modality. */
class McimTest {
    private static final int D = 8;

    private static McimLayer layer(Modality target, List<Modality> modalities, NormPlacement norm) {
        return McimLayer.builder().setDim(D).setHeads(2).setTarget(target).setModalities(modalities).optNorm(norm).build();
    }

    private static NDArray random(NDManager m, long seed, long... shape) {
        SplittableRandom r = new SplittableRandom(seed);
        Shape s = new Shape(shape);
        float[] x = new float[(int) s.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return m.create(x, s);
    }

    @Test
    void theLayersBuilderNamesTheSettingTheExpectationAndTheFinding() {
        assertEquals("McimLayer setTarget: expected a target modality, found none (not set)",
                assertThrows(IllegalArgumentException.class,
                        () -> McimLayer.builder().setDim(D).setHeads(2).setModalities(List.of(LANGUAGE, AUDIO)).build()).getMessage());
        assertEquals("McimLayer setModalities: expected modalities including the target vision, found [language, audio]",
                assertThrows(IllegalArgumentException.class,
                        () -> layer(VISION, List.of(AUDIO, LANGUAGE), NormPlacement.POST)).getMessage());
        assertEquals("McimLayer setHeads: expected a positive divisor of the dimension 8, found 3",
                assertThrows(IllegalArgumentException.class, () -> McimLayer.builder().setDim(D).setHeads(3).setTarget(AUDIO)
                        .setModalities(List.of(AUDIO)).build()).getMessage());
    }

    @Test
    void theModulesBuilderNamesTheSettingTheExpectationAndTheFinding() {
        assertEquals("Mcim addModality: expected at least one modality, found none",
                assertThrows(IllegalArgumentException.class, () -> Mcim.builder().setDim(D).setHeads(2).setDepth(1).build())
                        .getMessage());
        assertEquals("Mcim addModality: expected each modality once, found [audio, language, audio]",
                assertThrows(IllegalArgumentException.class, () -> Mcim.builder().addModality(AUDIO, 3).addModality(LANGUAGE, 4)
                        .addModality(AUDIO, 3).setDim(D).setHeads(2).setDepth(1).build()).getMessage());
        assertEquals("Mcim setDepth: expected a positive integer, found 0",
                assertThrows(IllegalArgumentException.class, () -> Mcim.builder().addModality(AUDIO, 3).setDim(D).setHeads(2)
                        .setDepth(0).build()).getMessage());
        assertEquals("Mcim optProjectionKernel: expected a positive odd kernel size, found 2",
                assertThrows(IllegalArgumentException.class, () -> Mcim.builder().addModality(AUDIO, 3).setDim(D).setHeads(2)
                        .setDepth(1).optProjectionKernel(2).build()).getMessage());
    }

    @Test
    void fineBranchesAreNamedByTheirSourceWhateverTheOrderTheModalitiesAreGivenIn() {
        McimLayer canonical = layer(AUDIO, List.of(LANGUAGE, AUDIO, VISION), NormPlacement.POST);
        McimLayer reversed = layer(AUDIO, List.of(VISION, AUDIO, LANGUAGE), NormPlacement.POST);
        List<String> children = List.of("01coarseCrossmodalAttention", "02coarseNorm", "03fineCrossmodalAttention0", "04fineNorm0",
                "05fineCrossmodalAttention1", "06fineNorm1", "07feedForward", "08feedForwardNorm");
        assertEquals(children, canonical.getChildren().keys());
        assertEquals(children, reversed.getChildren().keys());
        assertEquals(List.of(LANGUAGE, VISION), List.copyOf(reversed.sources()));
        assertEquals(AUDIO, reversed.target());
        // the ablation names its branches as self-attention
        McimLayer self = McimLayer.builder().setDim(D).setHeads(2).setTarget(LANGUAGE).setModalities(List.of(VISION, LANGUAGE))
                .optCrossmodal(false).build();
        assertEquals(List.of("01coarseSelfAttention", "02coarseNorm", "03fineSelfAttention0", "04fineNorm0", "05feedForward",
                "06feedForwardNorm"), self.getChildren().keys());
        assertEquals(List.of(VISION), List.copyOf(self.sources()));
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void theModuleIsTheSameWhateverTheOrderTheModalitiesAreAddedIn(NormPlacement norm) {
        Map<List<Modality>, List<String>> names = new LinkedHashMap<>();
        Map<List<Modality>, float[]> values = new LinkedHashMap<>();
        Map<Modality, Integer> dims = Map.of(LANGUAGE, 6, AUDIO, 3, VISION, 4);
        for (List<Modality> order : List.of(List.of(LANGUAGE, AUDIO, VISION), List.of(VISION, LANGUAGE, AUDIO))) {
            Mcim.Builder b = Mcim.builder();
            order.forEach(m -> b.addModality(m, dims.get(m)));
            Mcim mcim = b.setDim(D).setHeads(2).setDepth(2).optNorm(norm).build();
            Tensors.engine(3);
            try (NDManager m = NDManager.newBaseManager()) {
                mcim.initialize(m, DataType.FLOAT32, new Shape(1, 5, 6), new Shape(1, 5, 3), new Shape(1, 5, 4));
                names.put(order, mcim.getParameters().keys());
                List<float[]> all = mcim.getParameters().values().stream().map(p -> p.getArray().toFloatArray()).toList();
                float[] flat = new float[all.stream().mapToInt(a -> a.length).sum()];
                int at = 0;
                for (float[] a : all) {
                    System.arraycopy(a, 0, flat, at, a.length);
                    at += a.length;
                }
                values.put(order, flat);
            }
            assertEquals(List.of(LANGUAGE, AUDIO, VISION), mcim.modalities());
        }
        List<List<String>> n = List.copyOf(names.values());
        assertEquals(n.get(0), n.get(1));
        assertTrue(n.get(0).contains("01projection_language_01conv_weight"));
        assertTrue(n.get(0).contains("05layer0_audio_05fineCrossmodalAttention1_01query_weight"), "audio's branch from vision");
        List<float[]> v = List.copyOf(values.values());
        assertArrayEquals(v.get(0), v.get(1), "the same seed draws the same parameters in the same order");
    }

    @ParameterizedTest
    @EnumSource(NormPlacement.class)
    void aBranchIsFoundByItsSourceModalityNotByThePositionOfTheSource(NormPlacement norm) {
        Tensors.engine(5);
        try (NDManager m = NDManager.newBaseManager()) {
            McimLayer layer = layer(LANGUAGE, List.of(LANGUAGE, AUDIO, VISION), norm);
            Shape s = new Shape(1, 1, D);
            layer.initialize(m, DataType.FLOAT32, s);
            ParameterStore ps = new ParameterStore(m, false);
            NDArray x = random(m, 1, 2, 3, D);
            NDArray all = random(m, 2, 2, 9, D);
            NDArray audio = random(m, 3, 2, 5, D);
            NDArray vision = random(m, 4, 2, 7, D);
            EnumMap<Modality, NDArray> canonical = new EnumMap<>(Modality.class);
            canonical.put(AUDIO, audio);
            canonical.put(VISION, vision);
            Map<Modality, NDArray> visionFirst = new LinkedHashMap<>();
            visionFirst.put(VISION, vision);
            visionFirst.put(AUDIO, audio);
            Map<Modality, NDArray> noMasks = Map.of();
            NDArray expected = layer.forward(ps, x, null, all, null, canonical, noMasks, false);
            NDArray actual = layer.forward(ps, x, null, all, null, visionFirst, noMasks, false);
            assertArrayEquals(expected.toFloatArray(), actual.toFloatArray());
            // swapping the sources between the branches changes the result: each branch has its own weights
            Map<Modality, NDArray> swapped = new EnumMap<>(Modality.class);
            swapped.put(AUDIO, vision);
            swapped.put(VISION, audio);
            NDArray other = layer.forward(ps, x, null, all, null, swapped, noMasks, false);
            assertTrue(expected.sub(other).abs().max().getFloat() > 1e-4f);
            assertEquals("McimLayer for language: expected a fine-grained source for each of [audio, vision], found [audio]",
                    assertThrows(IllegalArgumentException.class, () -> layer.forward(ps, x, null, all, null, Map.of(AUDIO, audio),
                            noMasks, false)).getMessage());
        }
    }
}
