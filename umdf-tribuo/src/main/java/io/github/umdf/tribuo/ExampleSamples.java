package io.github.umdf.tribuo;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.FrameSequence;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.tribuo.output.OutputAdapter;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From Tribuo examples to the network's world: the {@link DatasetSchema} every example must fit,
 * and {@link MultimodalSample}s whose targets come from the examples' outputs through an
 * {@link OutputAdapter}.
 */
final class ExampleSamples {
    /** Schema name when the examples come from several data sets. */
    static final String MIXED_NAME = "tribuo-examples";

    private ExampleSamples() {
    }

    /** The sample of an example, or an error naming the example and what to do. */
    static <T extends Output<T>> MultimodalExample<T> multimodal(Example<T> e, String role, int index) {
        if (!(e instanceof MultimodalExample)) {
            throw new IllegalArgumentException("The " + role + " example " + index + " is a " + e.getClass().getSimpleName()
                    + ", expected a MultimodalExample (from MultimodalDataSource or built around a MultimodalSample); "
                    + "Tribuo transformations that rebuild examples drop the sequences");
        }
        return (MultimodalExample<T>) e;
    }

    /**
     * The schema the examples share: the modalities present in any example, each with the one shape
     * every example that has it must have; the task and output names in id order.
     *
     * @throws IllegalArgumentException naming the first example whose shape differs from an earlier one
     */
    static <T extends Output<T>> DatasetSchema schema(List<Example<T>> training, List<Example<T>> validation, Task task,
                                                      List<String> outputNames) {
        DatasetSchema shared = sharedSource(training, validation);
        if (shared != null) {
            return shaped(shared.name(), task, outputNames, shared.shapes());
        }
        EnumMap<Modality, ModalityShape> shapes = new EnumMap<>(Modality.class);
        EnumMap<Modality, String> firstSeen = new EnumMap<>(Modality.class);
        Set<String> names = new LinkedHashSet<>();
        check(training, "training", shapes, firstSeen, names);
        check(validation, "validation", shapes, firstSeen, names);
        if (shapes.isEmpty()) {
            throw new IllegalArgumentException("No example has any modality; every example lacks language, audio and vision");
        }
        String name = names.size() == 1 ? names.iterator().next() : MIXED_NAME;
        return shaped(name, task, outputNames, shapes);
    }

    /**
     * The one schema every example comes from (the same loaded data set, whose reader checked each
     * sample's shapes), or null when the examples were built otherwise or come from several data sets.
     */
    static <T extends Output<T>> DatasetSchema sharedSource(List<Example<T>> training, List<Example<T>> validation) {
        DatasetSchema shared = null;
        for (List<Example<T>> list : List.of(training, validation)) {
            for (Example<T> e : list) {
                if (!(e instanceof MultimodalExample)) {
                    return null;
                }
                DatasetSchema s = ((MultimodalExample<T>) e).sourceSchema();
                if (s == null || (shared != null && s != shared)) {
                    return null;
                }
                shared = s;
            }
        }
        return shared;
    }

    private static DatasetSchema shaped(String name, Task task, List<String> outputNames, Map<Modality, ModalityShape> shapes) {
        DatasetSchema.Builder b = DatasetSchema.builder(name, task).labels(outputNames);
        shapes.forEach((m, s) -> b.modality(m, s.length(), s.dim()));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The training data's outputs " + outputNames + " do not make a " + task.key()
                    + " task: " + e.getMessage(), e);
        }
    }

    private static <T extends Output<T>> void check(List<Example<T>> examples, String role, Map<Modality, ModalityShape> shapes,
                                                    Map<Modality, String> firstSeen, Set<String> names) {
        for (int i = 0; i < examples.size(); i++) {
            MultimodalExample<T> e = multimodal(examples.get(i), role, i);
            MultimodalSample s = e.sample();
            names.add(e.datasetName());
            for (Modality m : s.modalities()) {
                FrameSequence seq = s.require(m);
                ModalityShape shape = new ModalityShape(seq.length(), seq.dim());
                ModalityShape before = shapes.putIfAbsent(m, shape);
                if (before == null) {
                    firstSeen.put(m, role + " example " + i + " ('" + s.id() + "')");
                } else if (!before.equals(shape)) {
                    throw new IllegalArgumentException("The " + role + " example " + i + " ('" + s.id() + "') has " + m.key()
                            + " of shape " + shape + ", but the " + firstSeen.get(m) + " has " + before
                            + "; every example must have the same shape per modality");
                }
            }
        }
    }

    /** The samples of examples with targets from their outputs (id order of {@code info}). */
    static <T extends Output<T>> List<MultimodalSample> samples(List<Example<T>> examples, ImmutableOutputInfo<T> info,
                                                                OutputAdapter<T> adapter, String role) {
        List<MultimodalSample> out = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            MultimodalExample<T> e = multimodal(examples.get(i), role, i);
            MultimodalSample s = e.sample();
            float[] target;
            try {
                target = adapter.target(e.getOutput(), info);
            } catch (IllegalArgumentException ex) {
                throw new IllegalArgumentException("The " + role + " example " + i + " ('" + s.id() + "'): " + ex.getMessage(), ex);
            }
            EnumMap<Modality, FrameSequence> modalities = new EnumMap<>(Modality.class);
            for (Modality m : s.modalities()) {
                modalities.put(m, s.require(m));
            }
            out.add(new MultimodalSample(s.id(), modalities, target));
        }
        return out;
    }
}
