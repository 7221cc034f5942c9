package io.github.umdf.tools.protocol;

import io.github.umdf.nn.data.MultimodalDataset;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * What carries out the runs of an experiment. The {@link ExperimentRunner} decides which runs are
 * due (the resume rule), writes every run folder an engine hands back, and aggregates the tables;
 * an engine only runs {@link PlannedRun}s, in any order and anywhere, and reports each finished one
 * through the {@link Sink} on the calling thread. The built-in engine is {@link SequentialEngine};
 * others are found through {@link ExperimentEngineProvider} ({@link ExperimentEngines}).
 */
public interface ExperimentEngine extends AutoCloseable {
    /**
     * Runs every run of {@code job}.
     *
     * @return the runs that failed for good (none when every run finished), in plan order
     * @throws IOException when the sink cannot write a run folder
     */
    List<RunFailure> execute(Job job, Sink sink) throws IOException;

    /** Releases what the engine holds (a Spark context). */
    @Override
    default void close() {
    }

    /**
     * The runs due, with the plan and its data set as the driver loaded them.
     *
     * @param plan    the experiment
     * @param dataset the plan's data set
     * @param runs    the runs to do, in plan order
     */
    record Job(ExperimentPlan plan, MultimodalDataset dataset, List<PlannedRun> runs) {
        public Job {
            Objects.requireNonNull(plan);
            Objects.requireNonNull(dataset);
            runs = List.copyOf(runs);
        }
    }

    /** Receives each finished run, on the thread that called {@link #execute}. */
    @FunctionalInterface
    interface Sink {
        void finished(RunFolder folder) throws IOException;
    }

    /**
     * A run that failed for good.
     *
     * @param model the model's name
     * @param seed  the run's seed
     * @param cause what went wrong, as the last attempt reported it
     */
    record RunFailure(String model, long seed, String cause) {
        /** {@code umdf seed 2: cause}. */
        public String describe() {
            return model + " seed " + seed + ": " + cause;
        }
    }
}
