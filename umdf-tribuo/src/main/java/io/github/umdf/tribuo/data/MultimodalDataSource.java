package io.github.umdf.tribuo.data;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import com.oracle.labs.mlrg.olcut.provenance.MapProvenance;
import com.oracle.labs.mlrg.olcut.provenance.ObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DateTimeProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.HashProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.tribuo.MultimodalExample;
import io.github.umdf.tribuo.output.OutputAdapter;
import org.tribuo.DataSource;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.provenance.DataSourceProvenance;
import org.tribuo.provenance.OutputFactoryProvenance;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One split of a {@link MultimodalDataset} as a Tribuo {@link DataSource}: each sample becomes a
 * {@link MultimodalExample} whose output the {@link OutputAdapter} builds from the sample's target
 * (a {@code Regressor} named after the label, e.g. {@code sentiment}; a {@code Label} by class name;
 * a {@code MultiLabel} of the labels present). Examples are created on iteration and share the
 * samples' arrays.
 *
 * <p>The provenance ({@link MultimodalDataSourceProvenance}) records where the data came from as the
 * readers describe it ({@link DataOrigin}): the file's path, SHA-256 and modification time, the
 * format, the split and every preprocessing step applied on load, and for generated data the
 * preset, seed and scale instead of a hash. {@link MultimodalDataSources} builds sources for each
 * reader.
 *
 * @param <T> the output type
 */
public final class MultimodalDataSource<T extends Output<T>> implements DataSource<T> {
    private final DatasetSchema schema;
    private final List<MultimodalSample> samples;
    private final SplitName split;
    private final OutputAdapter<T> adapter;
    private final MultimodalDataSourceProvenance provenance;

    /**
     * A source over one split.
     *
     * @param dataset the data set
     * @param split   the split to serve
     * @param adapter converts the data set's targets to Tribuo outputs; its task must be the data set's
     * @throws IllegalArgumentException when the adapter's task is not the data set's
     */
    public MultimodalDataSource(MultimodalDataset dataset, SplitName split, OutputAdapter<T> adapter) {
        this.schema = dataset.schema();
        this.split = Objects.requireNonNull(split, "split");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        adapter.checkTask(schema);
        this.samples = dataset.split(split);
        this.provenance = new MultimodalDataSourceProvenance(dataset.origin(), schema.name(), split, samples.size(),
                adapter.outputFactory());
    }

    /** The schema of the data set. */
    public DatasetSchema schema() {
        return schema;
    }

    /** The split served. */
    public SplitName split() {
        return split;
    }

    /** Number of examples. */
    public int size() {
        return samples.size();
    }

    /** The samples served, unmodifiable, in file order (for the raw-output evaluation path). */
    public List<MultimodalSample> samples() {
        return samples;
    }

    @Override
    public Iterator<Example<T>> iterator() {
        Iterator<MultimodalSample> it = samples.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Example<T> next() {
                MultimodalSample s = it.next();
                return new MultimodalExample<>(adapter.output(s, schema), s, schema);
            }
        };
    }

    @Override
    public OutputFactory<T> getOutputFactory() {
        return adapter.outputFactory();
    }

    @Override
    public MultimodalDataSourceProvenance getProvenance() {
        return provenance;
    }

    @Override
    public String toString() {
        return "MultimodalDataSource(" + schema.name() + "/" + split.key() + ", " + samples.size() + " samples, "
                + provenance.location() + ")";
    }

    /**
     * Provenance of a {@link MultimodalDataSource}: where the data came from and how it was read.
     * File-backed sources record the file's SHA-256 ({@value #RESOURCE_HASH}) and modification time
     * ({@value #FILE_MODIFIED_TIME}), as Tribuo's file-backed sources do; generated data records
     * {@value #SYNTHETIC_PRESET}, {@value #SYNTHETIC_SEED} and {@value #SYNTHETIC_SCALE} instead.
     */
    public static final class MultimodalDataSourceProvenance implements DataSourceProvenance {
        private static final long serialVersionUID = 1L;

        /** The file path, or {@code synthetic:<preset>}. */
        public static final String LOCATION = "location";
        /** The format name ({@code mmsa-pickle}, {@code mult-pickle}, {@code umdf-npz}, {@code utterance-csv}, {@code synthetic}). */
        public static final String FORMAT = "format";
        /** The data set name. */
        public static final String DATASET = "dataset";
        /** The split served. */
        public static final String SPLIT = "split";
        /** Number of samples in the split. */
        public static final String SAMPLES = "samples";
        /** Preprocessing steps applied on load, in order. */
        public static final String PREPROCESSING = "preprocessing";
        /** Further facts the reader recorded (preset, seed, source file ...). */
        public static final String PARAMETERS = "parameters";
        /** The synthetic preset (generated data only). */
        public static final String SYNTHETIC_PRESET = "synthetic-preset";
        /** The synthetic seed (generated data only). */
        public static final String SYNTHETIC_SEED = "synthetic-seed";
        /** The synthetic scale (generated data only). */
        public static final String SYNTHETIC_SCALE = "synthetic-scale";

        private static final Map<String, Class<? extends Provenance>> REQUIRED = Map.of(LOCATION, StringProvenance.class,
                FORMAT, StringProvenance.class, DATASET, StringProvenance.class, SPLIT, StringProvenance.class,
                SAMPLES, IntProvenance.class, PREPROCESSING, ListProvenance.class, PARAMETERS, MapProvenance.class,
                DATASOURCE_CREATION_TIME, DateTimeProvenance.class, OUTPUT_FACTORY, OutputFactoryProvenance.class);

        private final String className = MultimodalDataSource.class.getName();
        private final LinkedHashMap<String, Provenance> values;

        <T extends Output<T>> MultimodalDataSourceProvenance(DataOrigin origin, String dataset, SplitName split, int samples,
                                                             OutputFactory<T> outputFactory) {
            values = new LinkedHashMap<>();
            values.put(LOCATION, new StringProvenance(LOCATION, origin.location()));
            values.put(FORMAT, new StringProvenance(FORMAT, origin.format()));
            values.put(DATASET, new StringProvenance(DATASET, dataset));
            values.put(SPLIT, new StringProvenance(SPLIT, split.key()));
            values.put(SAMPLES, new IntProvenance(SAMPLES, samples));
            if (!origin.sha256().isEmpty()) {
                values.put(RESOURCE_HASH, new HashProvenance(DEFAULT_HASH_TYPE, RESOURCE_HASH, origin.sha256()));
            }
            if (origin.modified() != null) {
                values.put(FILE_MODIFIED_TIME, new DateTimeProvenance(FILE_MODIFIED_TIME,
                        OffsetDateTime.ofInstant(origin.modified(), ZoneId.systemDefault())));
            }
            if ("synthetic".equals(origin.format())) {
                Map<String, String> p = origin.parameters();
                values.put(SYNTHETIC_PRESET, new StringProvenance(SYNTHETIC_PRESET, p.getOrDefault("preset", "")));
                values.put(SYNTHETIC_SEED, new StringProvenance(SYNTHETIC_SEED, p.getOrDefault("seed", "")));
                values.put(SYNTHETIC_SCALE, new StringProvenance(SYNTHETIC_SCALE, p.getOrDefault("scale", "")));
            }
            List<StringProvenance> steps = new ArrayList<>();
            origin.preprocessing().forEach(s -> steps.add(new StringProvenance(PREPROCESSING, s)));
            values.put(PREPROCESSING, new ListProvenance<>(steps));
            Map<String, StringProvenance> params = new LinkedHashMap<>();
            origin.parameters().forEach((k, v) -> params.put(k, new StringProvenance(k, v)));
            values.put(PARAMETERS, new MapProvenance<>(params));
            values.put(DATASOURCE_CREATION_TIME, new DateTimeProvenance(DATASOURCE_CREATION_TIME, OffsetDateTime.now()));
            values.put(OUTPUT_FACTORY, outputFactory.getProvenance());
        }

        /**
         * Deserialization constructor.
         *
         * @param map the provenances
         */
        public MultimodalDataSourceProvenance(Map<String, Provenance> map) {
            values = new LinkedHashMap<>(map);
            Map<String, Provenance> check = new LinkedHashMap<>(map);
            REQUIRED.forEach((key, type) -> ObjectProvenance.checkAndExtractProvenance(check, key, type,
                    MultimodalDataSourceProvenance.class.getSimpleName()));
        }

        /** The file path, or {@code synthetic:<preset>}. */
        public String location() {
            return values.get(LOCATION).toString();
        }

        /** The format name. */
        public String format() {
            return values.get(FORMAT).toString();
        }

        /** The split served. */
        public String split() {
            return values.get(SPLIT).toString();
        }

        /** The file's SHA-256 in hex, empty for generated data. */
        public Optional<String> sha256() {
            Provenance p = values.get(RESOURCE_HASH);
            return p == null ? Optional.empty() : Optional.of(((HashProvenance) p).getValue());
        }

        /** The reader's parameters (synthetic preset, seed, scale ...). */
        public Map<String, String> parameters() {
            Map<String, String> out = new LinkedHashMap<>();
            for (Pair<String, ? extends Provenance> p : (MapProvenance<?>) values.get(PARAMETERS)) {
                out.put(p.getA(), p.getB().toString());
            }
            return out;
        }

        @Override
        public String getClassName() {
            return className;
        }

        @Override
        public Iterator<Pair<String, Provenance>> iterator() {
            List<Pair<String, Provenance>> list = new ArrayList<>();
            values.forEach((k, v) -> list.add(new Pair<>(k, v)));
            return list.iterator();
        }

        @Override
        public boolean equals(Object o) {
            if (this == o) {
                return true;
            }
            if (!(o instanceof MultimodalDataSourceProvenance)) {
                return false;
            }
            MultimodalDataSourceProvenance p = (MultimodalDataSourceProvenance) o;
            return className.equals(p.className) && values.equals(p.values);
        }

        @Override
        public int hashCode() {
            return Objects.hash(className, values);
        }

        @Override
        public String toString() {
            return generateString("DataSource");
        }
    }
}
