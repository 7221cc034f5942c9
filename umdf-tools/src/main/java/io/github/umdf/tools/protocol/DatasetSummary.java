package io.github.umdf.tools.protocol;

import io.github.umdf.nn.data.DataOrigin;
import io.github.umdf.nn.data.LoadReport;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.data.ModalityShape;
import io.github.umdf.nn.data.MultimodalDataset;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.SplitName;
import io.github.umdf.nn.data.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A human-readable description of a data set: format and origin, per split and modality the shape
 * {@code (N, T, d)} with the mean number of valid frames, label statistics and what loading changed
 * (NaN and infinity counts, items left out). What {@code umdf data inspect} prints.
 */
public final class DatasetSummary {
    private DatasetSummary() {
    }

    /** The description as lines. */
    public static List<String> lines(MultimodalDataset ds) {
        List<String> out = new ArrayList<>();
        DataOrigin o = ds.origin();
        out.add("data set   " + ds.schema().name() + " (" + ds.schema().task().key() + ", labels " + ds.schema().labelNames()
                + (ds.schema().labelMin().isPresent() ? String.format(Locale.ROOT, " in [%g, %g]", ds.schema().labelMin().getAsDouble(),
                ds.schema().labelMax().getAsDouble()) : "") + ")");
        out.add("format     " + o.format());
        out.add("location   " + o.location());
        if (!o.sha256().isEmpty()) {
            out.add("sha256     " + o.sha256());
        }
        o.parameters().forEach((k, v) -> out.add(String.format(Locale.ROOT, "  %-9s %s", k, v)));
        for (String step : o.preprocessing()) {
            out.add("  step     " + step);
        }
        out.add("modalities " + (ds.schema().aligned() ? "aligned" : "unaligned") + "; absent: "
                + (ds.schema().modalities().size() == Modality.values().length ? "none"
                : absent(ds)));
        for (SplitName split : SplitName.values()) {
            List<MultimodalSample> samples = ds.split(split);
            out.add(String.format(Locale.ROOT, "%-5s  N = %d", split.key(), samples.size()));
            for (Modality m : ds.schema().modalities()) {
                ModalityShape s = ds.schema().shape(m);
                long present = samples.stream().filter(x -> x.get(m).isPresent()).count();
                double frames = samples.stream().mapToInt(x -> x.get(m).map(f -> f.validCount()).orElse(0)).average().orElse(0);
                long[] nf = ds.report().nonFinite(split, m);
                out.add(String.format(Locale.ROOT, "  %-8s (%d, %d, %d)  valid frames/sample %.1f%s  NaN %d, +inf %d, -inf %d set to 0",
                        m.key(), samples.size(), s.length(), s.dim(), frames,
                        present < samples.size() ? String.format(Locale.ROOT, ", absent in %d samples", samples.size() - present) : "",
                        nf[LoadReport.NAN], nf[LoadReport.POS_INF], nf[LoadReport.NEG_INF]));
            }
            out.add("  labels   " + labelStatistics(ds, samples));
        }
        List<String> report = ds.report().lines();
        if (!report.isEmpty()) {
            out.add("on load:");
            report.forEach(l -> out.add("  " + l));
        }
        return out;
    }

    private static String absent(MultimodalDataset ds) {
        List<String> a = new ArrayList<>();
        for (Modality m : Modality.values()) {
            if (!ds.schema().has(m)) {
                a.add(m.key());
            }
        }
        return String.join(", ", a);
    }

    /** Mean, std, range and exact zeros (regression); counts per class or label otherwise. */
    static String labelStatistics(MultimodalDataset ds, List<MultimodalSample> samples) {
        if (samples.isEmpty()) {
            return "none";
        }
        List<String> names = ds.schema().labelNames();
        Task task = ds.schema().task();
        if (task == Task.REGRESSION) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < ds.schema().targetSize(); k++) {
                double sum = 0;
                double sq = 0;
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                int zeros = 0;
                for (MultimodalSample s : samples) {
                    double y = s.target(k);
                    sum += y;
                    sq += y * y;
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                    zeros += y == 0 ? 1 : 0;
                }
                int n = samples.size();
                double mean = sum / n;
                double std = Math.sqrt(Math.max(0, (sq - n * mean * mean) / Math.max(1, n - 1)));
                sb.append(String.format(Locale.ROOT, "%s mean %.3f std %.3f min %.2f max %.2f, exact zeros %d (%.1f%%)",
                        names.get(k), mean, std, min, max, zeros, 100.0 * zeros / n));
            }
            return sb.toString();
        }
        int[] counts = new int[names.size()];
        for (MultimodalSample s : samples) {
            float[] target = s.target();
            for (int k = 0; k < names.size(); k++) {
                counts[k] += task.hasLabel(target, k) ? 1 : 0;
            }
        }
        return counts(names, counts, samples.size());
    }

    private static String counts(List<String> names, int[] counts, int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < names.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %d (%.1f%%)", names.get(k), counts[k], 100.0 * counts[k] / n));
        }
        return sb.toString();
    }
}
