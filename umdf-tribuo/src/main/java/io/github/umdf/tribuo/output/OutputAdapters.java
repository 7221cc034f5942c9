package io.github.umdf.tribuo.output;

import io.github.umdf.nn.data.Task;

/** The adapter of each task. */
public final class OutputAdapters {
    private OutputAdapters() {
    }

    /**
     * The adapter for a task: {@link RegressorAdapter}, {@link LabelAdapter} or {@link MultiLabelAdapter}
     * (the one place that maps a task to its Tribuo output type; the activations are
     * {@link io.github.umdf.nn.data.Logits}).
     */
    public static OutputAdapter<?> forTask(Task task) {
        return switch (task) {
            case REGRESSION -> new RegressorAdapter();
            case SINGLE_LABEL -> new LabelAdapter();
            case MULTI_LABEL -> new MultiLabelAdapter();
        };
    }
}
