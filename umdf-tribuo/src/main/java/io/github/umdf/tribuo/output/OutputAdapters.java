package io.github.umdf.tribuo.output;

import io.github.umdf.nn.data.Task;

/** The adapter of each task, and the activation functions the classification adapters share. */
public final class OutputAdapters {
    private OutputAdapters() {
    }

    /**
     * The adapter for a task: {@link RegressorAdapter}, {@link LabelAdapter} or {@link MultiLabelAdapter}.
     */
    public static OutputAdapter<?> forTask(Task task) {
        switch (task) {
            case REGRESSION:
                return new RegressorAdapter();
            case SINGLE_LABEL:
                return new LabelAdapter();
            case MULTI_LABEL:
                return new MultiLabelAdapter();
            default:
                throw new IllegalArgumentException("Unknown task " + task);
        }
    }

    /** Softmax over logits, computed in double precision after subtracting the maximum. */
    static double[] softmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int k = 0; k < logits.length; k++) {
            p[k] = Math.exp(logits[k] - max);
            sum += p[k];
        }
        for (int k = 0; k < p.length; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** The logistic function, stable for large |z|. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }
}
