package io.github.umdf.spark;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.tools.protocol.DataSpec;
import io.github.umdf.tools.protocol.TribuoRuns;
import io.github.umdf.tribuo.data.DataSplits;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How a task gets the experiment's data without a shared file system: a synthetic preset is generated
 * again from its name, seed and scale (a pure function of them); a data file travels with the job
 * ({@link JavaSparkContext#addFile}), and the task checks its SHA-256 against the plan's before
 * training. An executor loads the data once and keeps it for its later tasks.
 *
 * @param preset      the preset's name, or null for a file
 * @param presetSeed  the preset's generator seed
 * @param scale       the preset's scale
 * @param fileName    the data file's name as {@link SparkFiles#get} knows it, or null for a preset
 * @param origin      the data set's origin as the driver read it (path, SHA-256, format); the
 *                    executor's copy takes it, so the trained models record the driver's file
 */
record TaskData(String preset, long presetSeed, double scale, String fileName, DataOrigin origin) implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<TaskData, Loaded> LOADED = new ConcurrentHashMap<>();

    /** A data set loaded on an executor with its Tribuo data sources. */
    record Loaded(MultimodalDataset dataset, DataSplits<?> splits) {
    }

    TaskData {
        Objects.requireNonNull(origin);
        if ((preset == null) == (fileName == null)) {
            throw new IllegalArgumentException("expected a preset or a file, got " + preset + " and " + fileName);
        }
    }

    /** The plan's data, shipping a file to the executors. */
    static TaskData ship(DataSpec spec, MultimodalDataset loaded, JavaSparkContext sc) {
        if (spec.isPreset()) {
            return new TaskData(spec.preset(), spec.seed(), spec.scale(), null, loaded.origin());
        }
        Path file = spec.file().toAbsolutePath().normalize();
        sc.addFile(file.toString());
        return new TaskData(null, 0, 1, file.getFileName().toString(), loaded.origin());
    }

    /** The data on this executor, loaded (and checked) on its first task. */
    Loaded load() {
        return LOADED.computeIfAbsent(this, d -> {
            try {
                return d.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Loaded read() throws IOException {
        MultimodalDataset ds;
        if (preset != null) {
            ds = DataSpec.preset(preset, presetSeed, scale).load();
        } else {
            Path local = Path.of(SparkFiles.get(fileName));
            if (!Files.isRegularFile(local)) {
                throw new IOException("the data file " + fileName + " did not reach this executor (expected at " + local + ")");
            }
            String sha = DataOrigin.sha256(local);
            if (!sha.equals(origin.sha256())) {
                throw new IllegalStateException("the data file " + fileName + " on this executor has SHA-256 " + sha
                        + ", the plan expects " + origin.sha256() + " (" + origin.location() + ")");
            }
            MultimodalDataset copy = DataSpec.file(local).load();
            Map<SplitName, List<io.github.umdf.nn.data.MultimodalSample>> splits = new EnumMap<>(SplitName.class);
            for (SplitName s : SplitName.values()) {
                splits.put(s, copy.split(s));
            }
            ds = new MultimodalDataset(copy.schema(), splits, origin, copy.report());
        }
        return new Loaded(ds, TribuoRuns.splitsOf(ds));
    }
}
