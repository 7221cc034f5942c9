package io.github.umdf.tribuo;

import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.nn.umdf.UmdfConfig;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.data.MultimodalDataSources;
import io.github.umdf.tribuo.output.OutputAdapter;
import org.tribuo.Output;
import org.tribuo.Prediction;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Small networks, quick training settings and tiny synthetic data for the module's tests. */
public final class Fixtures {
    /** A network small enough for unit tests. */
    public static final UmdfConfig SMALL = UmdfConfig.builder().modelDim(8).heads(2).depth(1).encoderLayers(1).build();
    /** Scale of the synthetic presets in tests: 13 training, 8 validation and 8 test samples for MOSI. */
    public static final double SCALE = 0.01;

    private Fixtures() {
    }

    /** The project root: the folder holding {@code configs/umdf-mosi.xml}, found from the working directory upwards. */
    public static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("configs/umdf-mosi.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("configs/umdf-mosi.xml not found above " + Path.of("").toAbsolutePath());
    }

    /** CPU training for a few epochs with small batches. */
    public static TrainingConfig quick(int epochs) {
        return TrainingConfig.builder().batchSize(8).epochs(epochs).learningRate(3e-3).device(DeviceChoice.CPU).build();
    }

    /** A trainer of the small network for a few epochs, silent. */
    public static <T extends Output<T>> MultimodalTrainer<T> trainer(OutputAdapter<T> adapter, long seed, int epochs) {
        MultimodalTrainer<T> t = new MultimodalTrainer<>(SMALL, quick(epochs), adapter, seed);
        t.setListener(TrainingListener.SILENT);
        return t;
    }

    /** A small network trained on a data set's train split, with its valid split for model selection. */
    public static <T extends Output<T>> MultimodalModel<T> train(DataSplits<T> data, long seed, int epochs) {
        return trainer(data.adapter(), seed, epochs).train(data.mutableDataset(SplitName.TRAIN), data.mutableDataset(SplitName.VALID),
                Map.of());
    }

    /** A tiny synthetic data set. */
    public static <T extends Output<T>> DataSplits<T> synthetic(String preset, OutputAdapter<T> adapter) {
        return MultimodalDataSources.synthetic(preset, 11, SCALE, adapter);
    }

    /** Asserts two prediction lists have identical outputs and identical scores. */
    public static <T extends Output<T>> void assertIdentical(List<Prediction<T>> expected, List<Prediction<T>> actual) {
        assertEquals(expected.size(), actual.size(), "prediction count");
        for (int i = 0; i < expected.size(); i++) {
            Prediction<T> e = expected.get(i);
            Prediction<T> a = actual.get(i);
            assertEquals(e.getOutput().toString(), a.getOutput().toString(), "output of prediction " + i);
            assertEquals(e.getOutputScores().toString(), a.getOutputScores().toString(), "scores of prediction " + i);
            assertEquals(true, e.getOutput().fullEquals(a.getOutput()), "output of prediction " + i + " (fullEquals)");
        }
    }
}
