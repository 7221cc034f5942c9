package io.github.umdf.spark;

import io.github.umdf.nn.ops.Engines;
import io.github.umdf.nn.train.TrainingListener;
import io.github.umdf.tools.protocol.PlannedRun;
import io.github.umdf.tools.protocol.RunFolder;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

import java.util.Objects;

/**
 * A Spark task: one (model, seed) run on an executor. DJL stays offline there (the PyTorch native
 * library comes from the CPU native jar that travels with the job), the data is the plan's (checked),
 * and the run is {@link PlannedRun#run}, the same code the sequential engine calls; its epoch lines
 * stay on the executor (silent), the driver reports runs as they finish.
 */
final class RunTask implements Function<PlannedRun, RunFolder> {
    private static final long serialVersionUID = 1L;

    private final TaskData data;
    private final TaskHook hook;

    RunTask(TaskData data, TaskHook hook) {
        this.data = Objects.requireNonNull(data);
        this.hook = Objects.requireNonNull(hook);
    }

    @Override
    public RunFolder call(PlannedRun run) throws Exception {
        Engines.ensureOffline();
        TaskContext context = TaskContext.get();
        hook.beforeRun(run.model(), run.seed(), context == null ? 0 : context.attemptNumber());
        TaskData.Loaded loaded = data.load();
        return run.run(loaded.dataset(), loaded.splits(), TrainingListener.SILENT);
    }
}
