package io.github.umdf.tools.protocol;

import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.tribuo.data.DataSplits;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * The default engine: the runs one after another in this process, in plan order (seed by seed, the
 * models of a seed in table order). A run that fails stops the experiment; the runs finished before
 * it are kept and not redone when it is started again.
 */
public final class SequentialEngine implements ExperimentEngine {
    /** The name of {@code --engine}. */
    public static final String NAME = "sequential";
    private static final Logger LOG = Logger.getLogger(SequentialEngine.class.getName());

    private final TrainingListener listener;
    private final int threads;

    /** @param listener epoch lines of each training */
    public SequentialEngine(TrainingListener listener) {
        this(listener, 0);
    }

    /**
     * @param listener epoch lines of each training
     * @param threads  PyTorch intra-op threads of each run, or 0 for the process's setting
     */
    public SequentialEngine(TrainingListener listener, int threads) {
        this.listener = listener;
        this.threads = threads;
    }

    @Override
    public List<RunFailure> execute(Job job, Sink sink) throws IOException {
        DataSplits<?> splits = TribuoRuns.splitsOf(job.dataset());
        for (PlannedRun run : job.runs()) {
            LOG.info(String.format(Locale.ROOT, "%s: training on %s", run.describe(), run.datasetName()));
            sink.finished(run.withThreads(threads).run(job.dataset(), splits, listener));
        }
        return List.of();
    }
}
