package io.github.umdf.tribuo;

import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import io.github.umdf.nn.config.PaperDataset;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.umdf.UmdfConfig;
import io.github.umdf.tribuo.output.MultiLabelAdapter;
import io.github.umdf.tribuo.output.OutputAdapter;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.Trainer;
import org.tribuo.test.Helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The configuration files in {@code configs/} describe exactly the paper's settings written in code. */
class ConfigFilesTest {

    @ParameterizedTest
    @CsvSource({"umdf-mosi.xml, MOSI", "umdf-mosei.xml, MOSEI", "umdf-iemocap.xml, IEMOCAP"})
    void fileAndCodeGiveTheSameTrainerProvenance(String file, PaperDataset dataset) {
        ConfigurationManager cm = new ConfigurationManager(Fixtures.projectRoot().resolve("configs").resolve(file).toString());
        MultimodalTrainer<?> fromFile = (MultimodalTrainer<?>) cm.lookup("trainer");
        assertNotNull(fromFile);
        OutputAdapter<?> adapter = dataset == PaperDataset.IEMOCAP ? new MultiLabelAdapter() : new RegressorAdapter();
        MultimodalTrainer<?> inCode = code(dataset, adapter);
        assertEquals(inCode.getProvenance(), fromFile.getProvenance());
        assertEquals(UmdfConfig.paper(dataset), fromFile.model());
        assertEquals(TrainingConfig.paper(dataset), fromFile.training());
        Helpers.testProvenanceMarshalling(fromFile.getProvenance());
    }

    private static <T extends org.tribuo.Output<T>> MultimodalTrainer<T> code(PaperDataset dataset, OutputAdapter<T> adapter) {
        return new MultimodalTrainer<>(UmdfConfig.paper(dataset), TrainingConfig.paper(dataset), adapter, Trainer.DEFAULT_SEED);
    }
}
