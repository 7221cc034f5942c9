package io.github.umdf.baselines;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.config.PropertyException;
import io.github.umdf.baselines.mctn.MctnConfig;
import io.github.umdf.baselines.selfmm.SelfMmConfig;
import io.github.umdf.baselines.transm.TransmConfig;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.model.ModelFamily;
import io.github.umdf.nn.model.ModelGroup;
import io.github.umdf.nn.model.ModelRegistry;
import io.github.umdf.nn.model.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The configuration files in {@code configs/} rebuild the coded specifications. */
class ConfigFilesTest {
    /** The repository's {@code configs/} folder (tests run in the module's folder). */
    static final Path CONFIGS = Path.of("..", "configs");

    private static ModelSpec load(Path file) {
        ConfigurationManager cm = new ConfigurationManager(file.toString());
        try {
            return (ModelSpec) cm.lookup("model");
        } finally {
            cm.close();
        }
    }

    @Test
    void eachBaselineConfigGivesItsFamilysMosiSpecification() {
        for (ModelFamily f : ModelRegistry.inGroups(ModelGroup.BASELINE)) {
            Path file = CONFIGS.resolve(f.name() + "-mosi.xml");
            ModelSpec loaded = load(file);
            assertEquals(f.defaultSpec(PaperDataset.MOSI), loaded, file.toString());
            assertEquals(f.name(), loaded.family());
        }
    }

    @Test
    void overridesReachTheSpecificationAndUnknownPropertiesAreErrors(@TempDir Path dir) throws IOException {
        Path changed = dir.resolve("mctn.xml");
        Files.writeString(changed, "<config><component name=\"model\" type=\"" + MctnConfig.class.getName() + "\">"
                + "<property name=\"hiddenDim\" value=\"16\"/><property name=\"secondTarget\" value=\"LANGUAGE\"/>"
                + "<property name=\"source\" value=\"AUDIO\"/></component></config>");
        ModelSpec loaded = load(changed);
        assertEquals(MctnConfig.builder().hiddenDim(16).source(io.github.umdf.nn.data.Modality.AUDIO)
                .secondTarget(io.github.umdf.nn.data.Modality.LANGUAGE).build(), loaded);
        assertNotEquals(new MctnConfig(), loaded);

        Path unknown = dir.resolve("transm.xml");
        Files.writeString(unknown, "<config><component name=\"model\" type=\"" + TransmConfig.class.getName() + "\">"
                + "<property name=\"hidenDim\" value=\"16\"/></component></config>");
        assertThrows(PropertyException.class, () -> load(unknown));

        Path invalid = dir.resolve("selfmm.xml");
        Files.writeString(invalid, "<config><component name=\"model\" type=\"" + SelfMmConfig.class.getName() + "\">"
                + "<property name=\"textHeadDropout\" value=\"1.5\"/></component></config>");
        PropertyException e = assertThrows(PropertyException.class, () -> load(invalid));
        assertTrue(e.getMessage().contains("dropout"), e.getMessage());
    }
}
