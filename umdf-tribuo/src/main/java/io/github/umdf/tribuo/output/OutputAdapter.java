package io.github.umdf.tribuo.output;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import com.oracle.labs.mlrg.olcut.util.Pair;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Converts between one Tribuo output type and the network's float targets and outputs, in the
 * manner of the {@code OutputConverter} of Tribuo's TensorFlow interop: Tribuo outputs become
 * targets in the id order of the training data set's {@link ImmutableOutputInfo}, and network
 * outputs (regression values or logits) become {@link Prediction}s.
 *
 * <p>Column {@code k} of the network is the output with id {@code k}: {@link #outputNames} lists
 * them. Implementations are stateless OLCUT components with a no-argument constructor, so a trainer
 * configuration can name one, and Tribuo provenance records which one was used.
 *
 * @param <T> the Tribuo output type
 */
public interface OutputAdapter<T extends Output<T>> extends Configurable, Provenancable<ConfiguredObjectProvenance>, Serializable {

    /** The network task this output type trains: regression, single-label or multi-label classification. */
    Task task();

    /** The Tribuo output class (a type witness, as {@code OutputConverter.getTypeWitness()}). */
    Class<T> outputType();

    /** A factory for this output type (used by data sources and their provenance). */
    OutputFactory<T> outputFactory();

    /**
     * The name of one element of an output domain: a regression dimension, a class or a label.
     *
     * @param domainElement an element of an {@link ImmutableOutputInfo} (one dimension or one label)
     */
    String elementName(T domainElement);

    /** The names of the network's output columns: column {@code k} is the output with id {@code k}. */
    default List<String> outputNames(ImmutableOutputInfo<T> info) {
        String[] names = new String[info.size()];
        for (Pair<Integer, T> p : info) {
            names[p.getA()] = elementName(p.getB());
        }
        return List.of(names);
    }

    /**
     * The network target of one output: {@link ImmutableOutputInfo#size()} values for regression
     * and multi-label (0/1 per label), the class id for single-label.
     *
     * @throws IllegalArgumentException when the output is not in {@code info}'s domain
     */
    float[] target(T output, ImmutableOutputInfo<T> info);

    /**
     * The prediction for one row of network outputs.
     *
     * @param networkOutput one value per output id (regression values, or logits)
     * @param info          the model's output domain
     * @param numUsed       the number of features the prediction used (Tribuo bookkeeping)
     * @param example       the example predicted
     */
    Prediction<T> prediction(float[] networkOutput, ImmutableOutputInfo<T> info, int numUsed, Example<T> example);

    /**
     * The Tribuo output of a sample read from a data file, using the file's label names.
     *
     * @throws IllegalArgumentException when the data set's task is not {@link #task()}
     */
    T output(MultimodalSample sample, DatasetSchema schema);

    /** Whether predictions carry probabilities (classification) or plain values (regression). */
    boolean generatesProbabilities();

    @Override
    default ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "OutputAdapter");
    }

    /** Checks that a data set's task is this adapter's, naming both and the adapter to use instead. */
    default void checkTask(DatasetSchema schema) {
        if (schema.task() != task()) {
            throw new IllegalArgumentException("Data set '" + schema.name() + "' is a " + schema.task().key() + " task, but "
                    + getClass().getSimpleName() + " converts " + task().key() + " outputs; use "
                    + OutputAdapters.forTask(schema.task()).getClass().getSimpleName());
        }
    }

    /** Checks that a network output row has one value per output id. */
    default void checkWidth(float[] networkOutput, ImmutableOutputInfo<T> info) {
        if (networkOutput.length != info.size()) {
            throw new IllegalArgumentException("Expected " + info.size() + " network outputs (one per output id), found "
                    + networkOutput.length + ": " + Arrays.toString(networkOutput));
        }
    }
}
