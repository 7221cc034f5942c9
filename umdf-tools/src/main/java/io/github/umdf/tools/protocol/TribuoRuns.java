package io.github.umdf.tools.protocol;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import io.github.umdf.nn.config.TrainingConfig;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.model.ModelSpec;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.tribuo.MultimodalModel;
import io.github.umdf.tribuo.MultimodalTrainer;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.data.MultimodalDataSources;
import io.github.umdf.tribuo.output.OutputAdapter;
import io.github.umdf.tribuo.output.OutputAdapters;
import org.tribuo.Output;

import java.io.IOException;
import java.util.Map;

/**
 * Training through the Tribuo API, as every command-line run does, so that each trained model
 * carries its full provenance (data files with their SHA-256, every hyperparameter, the seed, the
 * DJL and PyTorch versions, the device) and can be rerun from it ({@code umdf provenance rerun}).
 */
public final class TribuoRuns {
    private TribuoRuns() {
    }

    /** The data of a run as Tribuo data sources with file provenance (or synthetic-preset provenance). */
    public static DataSplits<?> splits(DataSpec data) throws IOException {
        return splitsOf(data.load());
    }

    /** The Tribuo data sources of a loaded data set. */
    public static DataSplits<?> splitsOf(MultimodalDataset ds) {
        return MultimodalDataSources.of(ds, OutputAdapters.forTask(ds.schema().task()));
    }

    /**
     * Trains a model on the train split, selecting it on the valid split. The test split is not touched.
     *
     * @param seed     the trainer's seed
     * @param listener epoch lines and progress
     */
    public static MultimodalModel<?> train(ModelSpec spec, TrainingConfig training, DataSplits<?> splits, long seed,
                                           TrainingListener listener, Map<String, Provenance> runProvenance) {
        return trainTyped(spec, training, splits, seed, listener, runProvenance);
    }

    private static <T extends Output<T>> MultimodalModel<T> trainTyped(ModelSpec spec, TrainingConfig training, DataSplits<T> splits,
                                                                        long seed, TrainingListener listener,
                                                                        Map<String, Provenance> runProvenance) {
        OutputAdapter<T> adapter = splits.adapter();
        MultimodalTrainer<T> trainer = new MultimodalTrainer<>(spec, training, adapter, seed);
        trainer.setListener(listener);
        return trainer.train(splits.mutableDataset(SplitName.TRAIN), splits.mutableDataset(SplitName.VALID), runProvenance);
    }
}
