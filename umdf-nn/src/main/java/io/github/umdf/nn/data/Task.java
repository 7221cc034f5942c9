package io.github.umdf.nn.data;

import java.util.Locale;
import java.util.Optional;

/**
 * What a data set's labels are, and what a network's outputs mean for them. The paper uses
 * regression for MOSI/MOSEI (sentiment in [-3, 3]) and multi-label classification for IEMOCAP
 * (four emotions, each present or absent).
 *
 * <p>Each task is the strategy for its plain-Java behaviour, so that no caller switches on the task:
 * <ul>
 *   <li>{@link #activate(float[])}: outputs to prediction scores (values; softmax probabilities;
 *       sigmoid probability per label, see {@link Logits});</li>
 *   <li>{@link #decide(float[])}: outputs to a predicted target in the target encoding (values;
 *       the argmax class; 1 for each label whose logit is {@code > 0});</li>
 *   <li>{@link #losses(float[], float[], boolean)} and {@link #scores(float[], float[])}: the terms
 *       of the validation loss and metric of one sample, averaged over all samples by the caller;</li>
 *   <li>{@link #expectedTarget(DatasetSchema, int, float)}: the check of a target value.</li>
 * </ul>
 * The DJL losses of a task are in {@code io.github.umdf.nn.loss.TaskLoss}.
 */
public enum Task {
    /** One or more real-valued targets per sample; outputs are the predicted values. */
    REGRESSION {
        @Override
        public int targetSize(int labels) {
            return labels;
        }

        @Override
        public double[] activate(float[] outputs) {
            double[] v = new double[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                v[k] = outputs[k];
            }
            return v;
        }

        @Override
        public float[] decide(float[] outputs) {
            return outputs.clone();
        }

        @Override
        public double[] losses(float[] outputs, float[] targets, boolean absoluteError) {
            double[] terms = new double[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                double d = outputs[k] - targets[k];
                terms[k] = absoluteError ? Math.abs(d) : d * d;
            }
            return terms;
        }

        @Override
        public double[] scores(float[] outputs, float[] targets) {
            double[] terms = new double[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                terms[k] = Math.abs(outputs[k] - targets[k]);
            }
            return terms;
        }

        @Override
        public String scoreName() {
            return "mae";
        }

        @Override
        public Optional<String> expectedTarget(DatasetSchema schema, int k, float y) {
            if (schema.labelMin().isPresent() && (y < schema.labelMin().getAsDouble() || y > schema.labelMax().getAsDouble())) {
                return Optional.of("values in [" + schema.labelMin().getAsDouble() + ", " + schema.labelMax().getAsDouble() + "]");
            }
            return Optional.empty();
        }

        @Override
        public boolean hasLabel(float[] target, int label) {
            throw new IllegalArgumentException("expected a classification target, got a regression one: its values are not labels");
        }
    },
    /** Exactly one of K classes per sample; the target holds the class index, the outputs are K logits. */
    SINGLE_LABEL {
        @Override
        public int targetSize(int labels) {
            return 1;
        }

        @Override
        public double[] activate(float[] outputs) {
            return Logits.softmax(outputs);
        }

        @Override
        public float[] decide(float[] outputs) {
            return new float[] {Logits.argmax(outputs)};
        }

        @Override
        public double[] losses(float[] outputs, float[] targets, boolean absoluteError) {
            return new double[] {Logits.crossEntropy(outputs, (int) targets[0])};
        }

        @Override
        public double[] scores(float[] outputs, float[] targets) {
            return new double[] {Logits.argmax(outputs) == (int) targets[0] ? 1 : 0};
        }

        @Override
        public Optional<String> expectedTarget(DatasetSchema schema, int k, float y) {
            if (y != Math.rint(y) || y < 0 || y >= schema.labelNames().size()) {
                return Optional.of("a class index in [0, " + schema.labelNames().size() + ")");
            }
            return Optional.empty();
        }

        @Override
        public boolean hasLabel(float[] target, int label) {
            return (int) target[0] == label;
        }
    },
    /** Each of K labels present (1) or absent (0) independently; the outputs are one logit per label. */
    MULTI_LABEL {
        @Override
        public int targetSize(int labels) {
            return labels;
        }

        @Override
        public double[] activate(float[] outputs) {
            double[] p = new double[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                p[k] = Logits.sigmoid(outputs[k]);
            }
            return p;
        }

        @Override
        public float[] decide(float[] outputs) {
            float[] present = new float[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                present[k] = outputs[k] > 0 ? 1f : 0f;
            }
            return present;
        }

        @Override
        public double[] losses(float[] outputs, float[] targets, boolean absoluteError) {
            double[] terms = new double[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                terms[k] = Logits.binaryCrossEntropy(outputs[k], targets[k]);
            }
            return terms;
        }

        @Override
        public double[] scores(float[] outputs, float[] targets) {
            float[] present = decide(outputs);
            double[] terms = new double[present.length];
            for (int k = 0; k < present.length; k++) {
                terms[k] = present[k] == targets[k] ? 1 : 0;
            }
            return terms;
        }

        @Override
        public Optional<String> expectedTarget(DatasetSchema schema, int k, float y) {
            if (y != 0f && y != 1f) {
                return Optional.of("0 or 1 for label '" + schema.labelNames().get(k) + "'");
            }
            return Optional.empty();
        }

        @Override
        public boolean hasLabel(float[] target, int label) {
            return target[label] > 0;
        }
    };

    /** Lower-case name as written in files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #key()} or the enum name. */
    public static Task parse(String s) {
        for (Task t : values()) {
            if (t.key().equalsIgnoreCase(s) || t.name().equalsIgnoreCase(s)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown task '" + s + "'; expected regression, single-label or multi-label");
    }

    /** The number of target values per sample for this many label names: 1 (the class index) for single-label. */
    public abstract int targetSize(int labels);

    /**
     * The prediction scores of raw outputs, in double precision: the values (regression), the softmax
     * class probabilities (single-label), the sigmoid probability of each label (multi-label).
     */
    public abstract double[] activate(float[] outputs);

    /**
     * The predicted target in the encoding of {@link MultimodalSample#target()}: the values (regression),
     * the argmax class index, first on ties (single-label), 1 for each label whose logit is {@code > 0}
     * and 0 otherwise (multi-label).
     */
    public abstract float[] decide(float[] outputs);

    /**
     * The terms of the task loss of one sample in plain Java, one per target value: the squared error,
     * or the absolute error when {@code absoluteError}, of each value (regression; the flag means
     * nothing to the other tasks); the cross-entropy {@code logsumexp(z) - z_y} (single-label, one
     * term); the binary cross-entropy with logits of each label (multi-label). See {@link Logits} for
     * the stable forms. The task loss is the mean of all terms of all samples.
     */
    public abstract double[] losses(float[] outputs, float[] targets, boolean absoluteError);

    /**
     * The terms of the validation metric of one sample, one per target value: the absolute error of
     * each value (regression), 1 or 0 for a correct or wrong decision ({@link #decide(float[])}) of the
     * class (single-label, one term) or of each label (multi-label). The mean of all terms of all
     * samples is the {@link #scoreName()}.
     */
    public abstract double[] scores(float[] outputs, float[] targets);

    /** The name of the mean of the {@link #scores(float[], float[])}: {@code mae} (regression) or {@code accuracy}. */
    public String scoreName() {
        return "accuracy";
    }

    /**
     * What target value {@code k} of a sample should be, when {@code y} is not a valid one; empty when it is.
     * Regression: within the schema's label range, if it has one; single-label: a class index;
     * multi-label: 0 or 1.
     */
    public abstract Optional<String> expectedTarget(DatasetSchema schema, int k, float y);

    /**
     * Whether a classification target marks a label (class): the class index equals it (single-label),
     * or the label's value is 1 (multi-label).
     *
     * @throws IllegalArgumentException for regression, whose targets are values, not labels
     */
    public abstract boolean hasLabel(float[] target, int label);
}
