package io.github.umdf.nn.umdf;

import ai.djl.nn.Block;
import ai.djl.ndarray.NDManager;
import io.github.umdf.nn.block.AttentionDropoutUnit;
import io.github.umdf.nn.block.CrossmodalAttention;
import io.github.umdf.nn.config.Specs;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.testing.Tensors;
import io.github.umdf.nn.testing.TestSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UmdfConfig's attnDropoutUnit reaches every attention of the network; old saved configurations read as WEIGHT. */
class AttentionDropoutUnitTest {
    @ParameterizedTest
    @EnumSource(AttentionDropoutUnit.class)
    void everyAttentionOfTheNetworkDropsTheConfiguredUnit(AttentionDropoutUnit unit) {
        Tensors.engine(1);
        UmdfConfig config = UmdfModelTest.small().toBuilder().attnDropoutUnit(unit).build();
        try (NDManager m = NDManager.newBaseManager()) {
            UmdfModel model = new UmdfModel(config, TestSamples.schema(Task.REGRESSION, 5));
            model.initialize(m);
            List<CrossmodalAttention> attentions = new ArrayList<>();
            collect(model.block(), attentions);
            // MCIM: depth 2 x 3 targets x (1 coarse + 2 fine); two encoders of one layer each
            assertEquals(2 * 3 * 3 + 2, attentions.size());
            attentions.forEach(a -> assertEquals(unit, a.dropoutUnit()));
        }
    }

    @Test
    void defaultIsWeightAndNullIsRefused() {
        assertEquals(AttentionDropoutUnit.WEIGHT, new UmdfConfig().attnDropoutUnit());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UmdfConfig.builder().attnDropoutUnit(null).build());
        assertTrue(e.getMessage().contains("attnDropoutUnit"), e.getMessage());
        assertTrue(UmdfConfig.builder().attnDropoutUnit(AttentionDropoutUnit.KEY).build().toString().contains("per key"));
    }

    @Test
    void configurationSavedBeforeTheSettingExistedReadsAsWeight() throws Exception {
        UmdfConfig config = new UmdfConfig();
        java.lang.reflect.Field f = UmdfConfig.class.getDeclaredField("attnDropoutUnit");
        f.setAccessible(true);
        f.set(config, null); // what a stream written before the field existed leaves in it
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(AttentionDropoutUnit.WEIGHT, ((UmdfConfig) in.readObject()).attnDropoutUnit());
        }
        assertEquals(AttentionDropoutUnit.KEY,
                Specs.copy(UmdfConfig.builder().attnDropoutUnit(AttentionDropoutUnit.KEY).build()).attnDropoutUnit());
    }

    private static void collect(Block block, List<CrossmodalAttention> out) {
        if (block instanceof CrossmodalAttention) {
            out.add((CrossmodalAttention) block);
        }
        block.getChildren().values().forEach(b -> collect(b, out));
    }
}
