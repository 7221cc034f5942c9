package io.github.umdf.tools.protocol;

import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.RegressionLoss;
import io.github.umdf.nn.umdf.UmdfConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rows of an experiment from registry names, the base file and per-row files; variant rows MODEL@VARIANT. */
class ExperimentModelsTest {
    private static final Path CONFIGS = Path.of("..", "configs");
    private static final Path CPU = CONFIGS.resolve("umdf-cpu.xml");

    private static List<ExperimentPlan.Entry> resolve(List<String> names, Map<String, Path> perModel) throws Exception {
        return ExperimentModels.resolve(names, CPU, perModel, PaperDataset.MOSI, UnaryOperator.identity());
    }

    @Test
    void sensitivityVariantsDifferFromTheBaseInTheirOneSettingOnly() throws Exception {
        List<ExperimentPlan.Entry> rows = resolve(List.of("umdf", "umdf@l1", "umdf@masked-keys"),
                Map.of("umdf@l1", CONFIGS.resolve("umdf-cpu-l1.xml"), "umdf@masked-keys", CONFIGS.resolve("umdf-cpu-masked-keys.xml")));
        assertEquals(List.of("umdf", "umdf@l1", "umdf@masked-keys"), rows.stream().map(ExperimentPlan.Entry::name).toList());
        UmdfConfig base = (UmdfConfig) rows.get(0).spec();
        assertEquals(base.toBuilder().regressionLoss(RegressionLoss.L1).build(), rows.get(1).spec());
        assertEquals(base.toBuilder().maskMissingKeys(true).build(), rows.get(2).spec());
        assertEquals(rows.get(0).training(), rows.get(1).training());
        assertEquals(rows.get(0).training(), rows.get(2).training());
    }

    @Test
    void aVariantWithoutItsOwnFileIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve(List.of("umdf", "umdf@l1"), Map.of()));
        assertTrue(e.getMessage().contains("--model-config umdf@l1=FILE"), e.getMessage());
    }

    @Test
    void aVariantOfAnUnknownModelIsRefusedByTheRegistry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve(List.of("nosuch@l1"), Map.of("nosuch@l1", CONFIGS.resolve("umdf-cpu-l1.xml"))));
        assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
    }

    @Test
    void malformedVariantNamesAreRefused() {
        for (String row : List.of("@l1", "umdf@", "umdf@l 1", "umdf@a@b")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentModels.registeredName(row), row);
            assertTrue(e.getMessage().contains("MODEL@VARIANT"), e.getMessage());
        }
        assertEquals("umdf", ExperimentModels.registeredName("umdf@l1"));
        assertEquals("umdf-no-fea", ExperimentModels.registeredName("umdf-no-fea"));
    }

    @Test
    void aRowFileMustConfigureTheRowsKindOfNetwork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> resolve(List.of("umdf", "transm@x"), Map.of("transm@x", CONFIGS.resolve("umdf-cpu-l1.xml"))));
        assertTrue(e.getMessage().contains("UmdfConfig") && e.getMessage().contains("TransmConfig"), e.getMessage());
    }

    @Test
    void aRowListedTwiceIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> resolve(List.of("umdf", "mctn", "umdf"), Map.of()));
        assertTrue(e.getMessage().contains("listed twice"), e.getMessage());
    }
}
