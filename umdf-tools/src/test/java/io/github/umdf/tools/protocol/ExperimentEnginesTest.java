package io.github.umdf.tools.protocol;

import io.github.umdf.nn.train.TrainingListener;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engines the command line can name, with the umdf-spark module absent (as for every user of this module). */
class ExperimentEnginesTest {
    private static final EngineSettings DEFAULTS = new EngineSettings(Optional.empty(), Optional.empty(), TrainingListener.SILENT);

    @Test
    void theSequentialEngineIsBuiltInAndTheSparkOneIsAbsentHere() {
        assertEquals(List.of("sequential"), ExperimentEngines.names(), "no Spark on this module's class path");
        assertInstanceOf(SequentialEngine.class, ExperimentEngines.create("sequential", DEFAULTS));
    }

    @Test
    void askingForSparkWithoutItsModuleSaysHowToGetIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentEngines.create("spark", DEFAULTS));
        assertTrue(e.getMessage().contains("not on the class path") && e.getMessage().contains("umdf-spark")
                && e.getMessage().contains("./umdf") && e.getMessage().contains("spark-submit"), e.getMessage());
    }

    @Test
    void unknownEnginesAndMisplacedSettingsAreErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentEngines.create("ray", DEFAULTS));
        assertTrue(e.getMessage().contains("[sequential]") && e.getMessage().contains("'ray'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ExperimentEngines.create("sequential",
                new EngineSettings(Optional.of("local[2]"), Optional.empty(), TrainingListener.SILENT)));
        assertTrue(e.getMessage().contains("--master"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new EngineSettings(Optional.empty(), Optional.of(0), TrainingListener.SILENT));
        assertTrue(e.getMessage().contains("--run-threads"), e.getMessage());
    }
}
