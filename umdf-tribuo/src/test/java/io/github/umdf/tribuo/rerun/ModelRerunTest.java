package io.github.umdf.tribuo.rerun;

import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.npz.UmdfArchive;
import io.github.umdf.nn.data.synth.SyntheticPresets;
import io.github.umdf.tribuo.Fixtures;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.data.MultimodalDataSources;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.regression.Regressor;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rebuilding the trainer from a model's provenance alone reproduces the model exactly on the CPU. */
class ModelRerunTest {
    @Test
    void rerunFromAFileReproducesEveryPredictionExactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mosi-tiny.npz");
        UmdfArchive.write(SyntheticPresets.generate("mosi-aligned", 3, Fixtures.SCALE), file);
        DataSplits<Regressor> data = MultimodalDataSources.umdfArchive(file, new RegressorAdapter());
        var trainer = Fixtures.trainer(new RegressorAdapter(), 21, 1);
        trainer.train(data.mutableDataset(SplitName.TRAIN), data.mutableDataset(SplitName.VALID), Map.of()).close();
        MultimodalModel<Regressor> model = trainer.train(data.mutableDataset(SplitName.TRAIN), data.mutableDataset(SplitName.VALID), Map.of());

        Path saved = dir.resolve("model.tribuo");
        model.save(saved);
        MultimodalModel<?> stored = MultimodalModel.load(saved);
        assertEquals(1, ModelRerun.trainer(stored.getProvenance()).getInvocationCount());
        RerunReport report = ModelRerun.rerun(stored, file, true);
        assertTrue(report.dataMatches(), report.summary());
        assertTrue(report.trainerProvenanceMatches(), report.summary());
        assertEquals(SplitName.TEST, report.comparedSplit());
        assertEquals(data.test().size(), report.comparedSamples());
        assertTrue(report.identical(), report.summary());
        assertEquals(0.0, report.maxAbsDifference());
        assertTrue(report.warnings().isEmpty(), report.summary());
        report.retrained().close();

        Path other = dir.resolve("other.npz");
        UmdfArchive.write(SyntheticPresets.generate("mosi-aligned", 4, Fixtures.SCALE), other);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ModelRerun.rerun(stored, other, true));
        assertTrue(e.getMessage().contains("differs from the recorded training data"), e.getMessage());
        RerunReport lenient = ModelRerun.rerun(stored, other, false);
        assertFalse(lenient.dataMatches());
        assertFalse(lenient.warnings().isEmpty());
        assertTrue(lenient.summary().contains("DIFFERENT"), lenient.summary());
        lenient.retrained().close();
        model.close();
        stored.close();
    }

    @Test
    void rerunOfAHeldOutTrainingOnSyntheticDataRegeneratesIt() {
        DataSplits<Regressor> data = Fixtures.synthetic("mosi-aligned", new RegressorAdapter());
        MultimodalModel<Regressor> model = Fixtures.trainer(new RegressorAdapter(), 8, 1).train(data.mutableDataset(SplitName.TRAIN));
        RerunReport report = ModelRerun.rerun(model);
        assertTrue(report.dataMatches(), report.summary());
        assertTrue(report.identical(), report.summary());
        assertEquals(0.0, report.maxAbsDifference());
        report.retrained().close();
        MultimodalDataset unrelated = SyntheticPresets.generate("mosi-aligned", 12, Fixtures.SCALE);
        assertThrows(IllegalStateException.class, () -> ModelRerun.rerun(model, unrelated, true));
        assertThrows(IllegalArgumentException.class, () -> ModelRerun.rerun(model, Path.of("x.npz"), true));
        model.close();
    }
}
