package io.github.umdf.nn.data.mosi;

import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * What {@link MosiSdkBuilder#assemble()} produces: the data set and, for inspection and tests, the
 * assembled segments (ids, labels, words and timing) in data set order, train then valid then test.
 */
public final class MosiSdkAssembly {
    private final MultimodalDataset dataset;
    private final List<MosiSegment> segments;
    private final Map<String, MosiSegment> byId;

    MosiSdkAssembly(MultimodalDataset dataset, List<MosiSegment> segments) {
        this.dataset = dataset;
        this.segments = Collections.unmodifiableList(new ArrayList<>(segments));
        this.byId = new LinkedHashMap<>();
        for (MosiSegment s : segments) {
            byId.put(s.id(), s);
        }
    }

    /** The data set. */
    public MultimodalDataset dataset() {
        return dataset;
    }

    /** All segments, in data set order (train, valid, test; within a split by video id, then index). */
    public List<MosiSegment> segments() {
        return segments;
    }

    /** The segments of one split, in data set order. */
    public List<MosiSegment> segments(SplitName split) {
        List<MosiSegment> out = new ArrayList<>();
        for (MosiSegment s : segments) {
            if (s.split() == split) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * A segment by id, {@code <video>[<index>]}.
     *
     * @throws NoSuchElementException naming the id
     */
    public MosiSegment segment(String id) {
        MosiSegment s = byId.get(id);
        if (s == null) {
            throw new NoSuchElementException("No assembled segment '" + id + "' (ids look like '03bSnISJMiM[0]'; "
                    + segments.size() + " segments)");
        }
        return s;
    }

    /**
     * The data set's sample of a segment, by id.
     *
     * @throws NoSuchElementException naming the id
     */
    public MultimodalSample sample(String id) {
        MosiSegment seg = segment(id);
        return dataset.split(seg.split()).stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("No sample '" + id + "' in split " + seg.split().key()));
    }

    /** A short summary: name, split sizes, shapes and the load report's lines. */
    public List<String> summary() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s: train %d, valid %d, test %d segments; %s", dataset.schema().name(),
                dataset.split(SplitName.TRAIN).size(), dataset.split(SplitName.VALID).size(), dataset.split(SplitName.TEST).size(),
                dataset.schema().shapes()));
        for (String line : dataset.report().lines()) {
            out.add("  " + line);
        }
        return out;
    }

    @Override
    public String toString() {
        return "MosiSdkAssembly(" + dataset + ")";
    }
}
