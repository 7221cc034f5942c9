package io.github.umdf.spark;

import java.io.Serializable;

/**
 * Called by a task before its run, on the executor: the tests inject failures through it (a first
 * attempt that fails, a run that always fails). Not reachable from the command line.
 */
@FunctionalInterface
interface TaskHook extends Serializable {
    /** Does nothing. */
    TaskHook NONE = (model, seed, attempt) -> {
    };

    /**
     * @param attempt 0 for the first attempt of the task, 1 for its first retry ...
     */
    void beforeRun(String model, long seed, int attempt) throws Exception;
}
