package io.github.umdf.tribuo.data;

import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.tribuo.output.OutputAdapter;
import org.tribuo.MutableDataset;
import org.tribuo.Output;

import java.util.EnumMap;
import java.util.Objects;

/**
 * The three splits of one loaded {@link MultimodalDataset} as Tribuo data sources sharing one
 * {@link OutputAdapter}: train for fitting, valid for model selection and early stopping, test for
 * the final report only.
 *
 * @param <T> the output type
 */
public final class DataSplits<T extends Output<T>> {
    private final MultimodalDataset dataset;
    private final OutputAdapter<T> adapter;
    private final EnumMap<SplitName, MultimodalDataSource<T>> sources = new EnumMap<>(SplitName.class);

    /**
     * @param dataset the data set
     * @param adapter converts its targets to Tribuo outputs; its task must be the data set's
     */
    public DataSplits(MultimodalDataset dataset, OutputAdapter<T> adapter) {
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        for (SplitName s : SplitName.values()) {
            sources.put(s, new MultimodalDataSource<>(dataset, s, adapter));
        }
    }

    /** The loaded data set (schema, origin, load report, samples). */
    public MultimodalDataset dataset() {
        return dataset;
    }

    /** The output adapter. */
    public OutputAdapter<T> adapter() {
        return adapter;
    }

    /** The data source of a split. */
    public MultimodalDataSource<T> source(SplitName split) {
        return sources.get(split);
    }

    /** The training split's source. */
    public MultimodalDataSource<T> train() {
        return source(SplitName.TRAIN);
    }

    /** The validation split's source. */
    public MultimodalDataSource<T> valid() {
        return source(SplitName.VALID);
    }

    /** The test split's source. */
    public MultimodalDataSource<T> test() {
        return source(SplitName.TEST);
    }

    /**
     * A Tribuo data set of one split.
     *
     * @throws IllegalArgumentException when the split is empty (Tribuo data sets need examples to build their domains)
     */
    public MutableDataset<T> mutableDataset(SplitName split) {
        MultimodalDataSource<T> s = source(split);
        if (s.size() == 0) {
            throw new IllegalArgumentException("Split '" + split.key() + "' of data set '" + dataset.schema().name() + "' is empty");
        }
        return new MutableDataset<>(s);
    }

    @Override
    public String toString() {
        return "DataSplits(" + dataset + ", " + adapter + ")";
    }
}
