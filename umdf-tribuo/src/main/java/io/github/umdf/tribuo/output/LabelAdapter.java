package io.github.umdf.tribuo.output;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Logits;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Label} outputs (single-label classification): one logit per class, trained with
 * cross-entropy; predictions carry the softmax probability of every class and the most probable
 * class as the output.
 */
public final class LabelAdapter implements OutputAdapter<Label> {
    private static final long serialVersionUID = 1L;

    /** A single-label classification adapter. */
    public LabelAdapter() {
    }

    @Override
    public Task task() {
        return Task.SINGLE_LABEL;
    }

    @Override
    public Class<Label> outputType() {
        return Label.class;
    }

    @Override
    public OutputFactory<Label> outputFactory() {
        return new LabelFactory();
    }

    @Override
    public String elementName(Label domainElement) {
        return domainElement.getLabel();
    }

    @Override
    public float[] target(Label output, ImmutableOutputInfo<Label> info) {
        int id = info.getID(output);
        if (id < 0) {
            throw new IllegalArgumentException("Unknown class '" + output.getLabel() + "'; the training data has " + outputNames(info));
        }
        return new float[] {id};
    }

    @Override
    public Prediction<Label> prediction(float[] networkOutput, ImmutableOutputInfo<Label> info, int numUsed, Example<Label> example) {
        checkWidth(networkOutput, info);
        double[] p = Logits.softmax(networkOutput);
        List<String> names = outputNames(info);
        Map<String, Label> scores = new LinkedHashMap<>();
        int best = 0;
        for (int id = 0; id < p.length; id++) {
            scores.put(names.get(id), new Label(names.get(id), p[id]));
            if (p[id] > p[best]) {
                best = id;
            }
        }
        return new Prediction<>(scores.get(names.get(best)), scores, numUsed, example, true);
    }

    @Override
    public Label output(MultimodalSample sample, DatasetSchema schema) {
        checkTask(schema);
        return new Label(schema.labelNames().get((int) sample.target(0)));
    }

    @Override
    public boolean generatesProbabilities() {
        return true;
    }

    @Override
    public String toString() {
        return "LabelAdapter()";
    }
}
