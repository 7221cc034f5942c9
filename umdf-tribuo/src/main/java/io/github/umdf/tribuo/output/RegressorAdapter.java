package io.github.umdf.tribuo.output;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.regression.ImmutableRegressionInfo;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

import java.util.Arrays;
import java.util.List;

/**
 * {@link Regressor} outputs: one network output per regression dimension, trained with the
 * regression loss of the network (MSE in the paper; MOSI and MOSEI sentiment in [-3, 3]).
 *
 * <p>A {@link Regressor} stores its values in the natural (sorted) order of its dimension names,
 * which need not be the id order, so targets go through
 * {@link ImmutableRegressionInfo#getIDtoNaturalOrderMapping()} (as Tribuo's {@code RegressorConverter}).
 */
public final class RegressorAdapter implements OutputAdapter<Regressor> {
    private static final long serialVersionUID = 1L;

    /** A regression adapter. */
    public RegressorAdapter() {
    }

    @Override
    public Task task() {
        return Task.REGRESSION;
    }

    @Override
    public Class<Regressor> outputType() {
        return Regressor.class;
    }

    @Override
    public OutputFactory<Regressor> outputFactory() {
        return new RegressionFactory();
    }

    @Override
    public String elementName(Regressor domainElement) {
        return domainElement.getNames()[0];
    }

    @Override
    public float[] target(Regressor output, ImmutableOutputInfo<Regressor> info) {
        List<String> names = outputNames(info);
        String[] given = output.getNames();
        if (given.length != names.size()) {
            throw new IllegalArgumentException("Expected a regressor with the " + names.size() + " dimensions " + names
                    + ", found " + Arrays.toString(given));
        }
        int[] natural = ((ImmutableRegressionInfo) info).getIDtoNaturalOrderMapping();
        double[] values = output.getValues();
        float[] y = new float[names.size()];
        for (int id = 0; id < y.length; id++) {
            if (!given[natural[id]].equals(names.get(id))) {
                throw new IllegalArgumentException("Expected the regression dimensions " + names + ", found " + Arrays.toString(given));
            }
            y[id] = (float) values[natural[id]];
        }
        return y;
    }

    @Override
    public Prediction<Regressor> prediction(float[] networkOutput, ImmutableOutputInfo<Regressor> info, int numUsed,
                                            Example<Regressor> example) {
        checkWidth(networkOutput, info);
        // Names and values in id order; the Regressor constructor sorts both into natural order.
        String[] names = outputNames(info).toArray(new String[0]);
        double[] values = new double[names.length];
        for (int id = 0; id < values.length; id++) {
            values[id] = networkOutput[id];
        }
        return new Prediction<>(new Regressor(names, values), numUsed, example);
    }

    @Override
    public Regressor output(MultimodalSample sample, DatasetSchema schema) {
        checkTask(schema);
        String[] names = schema.labelNames().toArray(new String[0]);
        double[] values = new double[names.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = sample.target(k);
        }
        return new Regressor(names, values);
    }

    @Override
    public boolean generatesProbabilities() {
        return false;
    }

    @Override
    public String toString() {
        return "RegressorAdapter()";
    }
}
