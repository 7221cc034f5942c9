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
import org.tribuo.multilabel.MultiLabel;
import org.tribuo.multilabel.MultiLabelFactory;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link MultiLabel} outputs (IEMOCAP's four emotions, each present or absent): one logit per
 * label, trained with per-label binary cross-entropy; predictions carry the sigmoid probability of
 * every label and, as the output, the labels whose probability exceeds {@value #THRESHOLD}.
 */
public final class MultiLabelAdapter implements OutputAdapter<MultiLabel> {
    private static final long serialVersionUID = 1L;

    /** A label is predicted present when its probability is above this threshold. */
    public static final double THRESHOLD = 0.5;

    /** A multi-label classification adapter. */
    public MultiLabelAdapter() {
    }

    @Override
    public Task task() {
        return Task.MULTI_LABEL;
    }

    @Override
    public Class<MultiLabel> outputType() {
        return MultiLabel.class;
    }

    @Override
    public OutputFactory<MultiLabel> outputFactory() {
        return new MultiLabelFactory();
    }

    @Override
    public String elementName(MultiLabel domainElement) {
        return domainElement.getLabelString();
    }

    @Override
    public float[] target(MultiLabel output, ImmutableOutputInfo<MultiLabel> info) {
        float[] y = new float[info.size()];
        for (String name : output.getNameSet()) {
            int id = info.getID(new MultiLabel(name));
            if (id < 0) {
                throw new IllegalArgumentException("Unknown label '" + name + "'; the training data has " + outputNames(info));
            }
            y[id] = 1f;
        }
        return y;
    }

    @Override
    public Prediction<MultiLabel> prediction(float[] networkOutput, ImmutableOutputInfo<MultiLabel> info, int numUsed,
                                             Example<MultiLabel> example) {
        checkWidth(networkOutput, info);
        List<String> names = outputNames(info);
        Map<String, MultiLabel> scores = new LinkedHashMap<>();
        Set<Label> present = new HashSet<>();
        for (int id = 0; id < networkOutput.length; id++) {
            double p = Logits.sigmoid(networkOutput[id]);
            Label label = new Label(names.get(id), p);
            if (p > THRESHOLD) {
                present.add(label);
            }
            scores.put(names.get(id), new MultiLabel(label));
        }
        return new Prediction<>(new MultiLabel(present), scores, numUsed, example, true);
    }

    @Override
    public MultiLabel output(MultimodalSample sample, DatasetSchema schema) {
        checkTask(schema);
        Set<Label> present = new HashSet<>();
        List<String> names = schema.labelNames();
        for (int k = 0; k < names.size(); k++) {
            if (sample.target(k) == 1f) {
                present.add(new Label(names.get(k)));
            }
        }
        return new MultiLabel(present);
    }

    @Override
    public boolean generatesProbabilities() {
        return true;
    }

    @Override
    public String toString() {
        return "MultiLabelAdapter()";
    }
}
