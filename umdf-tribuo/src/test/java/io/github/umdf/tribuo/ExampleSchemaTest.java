package io.github.umdf.tribuo;

import io.github.umdf.nn.data.SplitName;
import io.github.umdf.tribuo.data.DataSplits;
import io.github.umdf.tribuo.output.MultiLabelAdapter;
import io.github.umdf.tribuo.output.OutputAdapter;
import io.github.umdf.tribuo.output.RegressorAdapter;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.Output;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The trainer's schema: taken from the loaded data set when every example comes from it, rebuilt from the examples otherwise — the same either way. */
class ExampleSchemaTest {

    @Test
    void theDataSetsSchemaGivesWhatTheExamplesGive() {
        check("mosi-aligned", new RegressorAdapter());
        check("iemocap-aligned", new MultiLabelAdapter());
    }

    private static <T extends Output<T>> void check(String preset, OutputAdapter<T> adapter) {
        DataSplits<T> data = Fixtures.synthetic(preset, adapter);
        MutableDataset<T> train = data.mutableDataset(SplitName.TRAIN);
        List<Example<T>> trainList = new ArrayList<>();
        train.forEach(trainList::add);
        List<Example<T>> validList = new ArrayList<>();
        data.mutableDataset(SplitName.VALID).forEach(validList::add);
        ImmutableOutputInfo<T> info = train.getOutputIDInfo();

        assertSame(data.dataset().schema(), ExampleSamples.sharedSource(trainList, validList), preset);
        var fromDataSet = ExampleSamples.schema(trainList, validList, adapter.task(), adapter.outputNames(info));

        List<Example<T>> rebuiltTrain = withoutSource(trainList);
        List<Example<T>> rebuiltValid = withoutSource(validList);
        assertNull(ExampleSamples.sharedSource(rebuiltTrain, rebuiltValid), "examples built by hand carry no source");
        var fromExamples = ExampleSamples.schema(rebuiltTrain, rebuiltValid, adapter.task(), adapter.outputNames(info));
        assertEquals(fromExamples, fromDataSet, preset);
        assertNotNull(fromDataSet.labelNames());

        // one example from elsewhere: the examples are checked one by one again
        List<Example<T>> mixed = new ArrayList<>(trainList);
        mixed.set(0, rebuiltTrain.get(0));
        assertNull(ExampleSamples.sharedSource(mixed, validList));
    }

    private static <T extends Output<T>> List<Example<T>> withoutSource(List<Example<T>> examples) {
        List<Example<T>> out = new ArrayList<>();
        for (Example<T> e : examples) {
            MultimodalExample<T> m = (MultimodalExample<T>) e;
            out.add(new MultimodalExample<>(m.getOutput(), m.sample(), m.datasetName()));
        }
        return out;
    }
}
