package io.github.umdf.tools.protocol;

import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.MultimodalSample;
import io.github.umdf.nn.data.Task;
import io.github.umdf.nn.missing.EvaluationMasks;
import io.github.umdf.nn.missing.ModalitySubset;
import io.github.umdf.nn.missing.SampleMask;
import io.github.umdf.tools.plot.ChartFiles;
import io.github.umdf.tools.plot.RateCurve;
import io.github.umdf.tools.plot.RateCurveChart;
import io.github.umdf.tools.plot.SentimentClass;
import io.github.umdf.tools.plot.SentimentScatterChart;
import io.github.umdf.tools.plot.Tsne;
import io.github.umdf.tools.plot.TsneResult;
import io.github.umdf.tribuo.evaluation.Predictor;
import io.github.umdf.tribuo.evaluation.ResultRecord;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The paper's figures as PNG: metric against missing rate per model (Figures 3-5) and the t-SNE of
 * the joint representations coloured negative/neutral/positive (Figure 6).
 */
public final class Figures {
    private Figures() {
    }

    /**
     * Rate curves of every model: MAE and F1 for regression ({@code rate-mae.png}, {@code rate-f1.png}),
     * one panel per label for multi-label data ({@code rate-f1-labels.png}), accuracy and F1 for
     * single-label data.
     *
     * @return the files written
     */
    public static List<Path> rateCurves(Collection<ResultRecord> records, DatasetSchema schema, String dataset, List<String> models,
                                        Path dir) throws IOException {
        return rateCurves(records, schema.task(), schema.labelNames(), ModalitySubset.of(schema.modalities()).code(), dataset, models, dir);
    }

    /**
     * Rate curves from results alone: the task and labels are read from the metric keys, the
     * condition of the sweep is the largest modality set in the records.
     */
    public static List<Path> rateCurves(Collection<ResultRecord> records, String dataset, List<String> models, Path dir)
            throws IOException {
        List<ResultRecord> mine = records.stream().filter(r -> r.dataset().equals(dataset)).toList();
        if (mine.isEmpty()) {
            throw new IllegalArgumentException("No results for data set '" + dataset + "'; found data sets "
                    + records.stream().map(ResultRecord::dataset).distinct().toList());
        }
        var keys = mine.get(0).metrics().keySet();
        Task task = keys.contains("mae") ? Task.REGRESSION : keys.contains("acc") ? Task.SINGLE_LABEL : Task.MULTI_LABEL;
        List<String> labels = keys.stream().filter(k -> k.startsWith("f1_") && task == Task.MULTI_LABEL).map(k -> k.substring(3)).toList();
        String all = mine.stream().map(ResultRecord::condition).max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        return rateCurves(mine, task, labels, all, dataset, models, dir);
    }

    private static List<Path> rateCurves(Collection<ResultRecord> records, Task task, List<String> labels, String all, String dataset,
                                         List<String> models, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        String title = "Intra-modality missingness on " + dataset;
        if (task == Task.REGRESSION) {
            out.add(write(RateCurveChart.create(title + ": MAE (lower is better)", "MAE",
                    RateCurve.fromRecords(records, dataset, all, models, "mae", 1.0)), dir.resolve("rate-mae.png")));
            out.add(write(RateCurveChart.create(title + ": F1 (higher is better)", "F1 (Non0, %)",
                    RateCurve.fromRecords(records, dataset, all, models, "f1_non0", 100.0)), dir.resolve("rate-f1.png")));
        } else if (task == Task.MULTI_LABEL) {
            List<JFreeChart> panels = new ArrayList<>();
            for (String label : labels) {
                panels.add(RateCurveChart.create(label + " F1", "F1 (%)",
                        RateCurve.fromRecords(records, dataset, all, models, "f1_" + label, 100.0)));
            }
            Path p = dir.resolve("rate-f1-labels.png");
            ChartFiles.writeGridPng(panels, 2, p, 640, 420);
            out.add(p);
        } else {
            out.add(write(RateCurveChart.create(title + ": accuracy", "Accuracy (%)",
                    RateCurve.fromRecords(records, dataset, all, models, "acc", 100.0)), dir.resolve("rate-acc.png")));
            out.add(write(RateCurveChart.create(title + ": weighted F1", "F1 (%)",
                    RateCurve.fromRecords(records, dataset, all, models, "f1", 100.0)), dir.resolve("rate-f1.png")));
        }
        return out;
    }

    private static Path write(JFreeChart chart, Path file) throws IOException {
        ChartFiles.writePng(chart, file, 800, 520);
        return file;
    }

    /**
     * Figure 6: t-SNE of a model's joint representations of the test samples under one condition,
     * coloured negative / neutral / positive, written as one PNG.
     */
    public static Path tsne(Predictor predictor, List<MultimodalSample> test, ModalitySubset condition, double rate, long seed,
                            String title, Path file) throws IOException {
        ChartFiles.writePng(tsnePanel(predictor, test, condition, rate, seed, title), file, 760, 640);
        return file;
    }

    /**
     * Figure 6 as the paper draws it: one panel per model side by side, each the t-SNE of that model's
     * joint representations of the same test samples under the same masks (same seed), with the same
     * colours and layout.
     *
     * @param predictors the models, in panel order
     * @param titles     one title per panel (the model's name)
     */
    public static Path tsnePanels(List<Predictor> predictors, List<String> titles, List<MultimodalSample> test, ModalitySubset condition,
                                  double rate, long seed, Path file) throws IOException {
        if (predictors.isEmpty() || predictors.size() != titles.size()) {
            throw new IllegalArgumentException("Expected one title per model and at least one model, found " + predictors.size()
                    + " models and " + titles.size() + " titles");
        }
        List<JFreeChart> panels = new ArrayList<>();
        for (int i = 0; i < predictors.size(); i++) {
            panels.add(tsnePanel(predictors.get(i), test, condition, rate, seed, titles.get(i)));
        }
        ChartFiles.writeGridPng(panels, panels.size(), file, 560, 520);
        return file;
    }

    private static JFreeChart tsnePanel(Predictor predictor, List<MultimodalSample> test, ModalitySubset condition, double rate,
                                        long seed, String title) {
        List<SampleMask> masks = new ArrayList<>();
        for (MultimodalSample s : test) {
            masks.add(EvaluationMasks.mask(seed, condition, rate, s));
        }
        float[][] rep = predictor.represent(test, masks);
        double[][] x = new double[rep.length][];
        double[] score = new double[rep.length];
        for (int i = 0; i < rep.length; i++) {
            x[i] = new double[rep[i].length];
            for (int j = 0; j < rep[i].length; j++) {
                x[i][j] = rep[i][j];
            }
            MultimodalSample s = test.get(i);
            score[i] = predictor.schema().task() == Task.REGRESSION ? s.target(0)
                    : predictor.schema().task() == Task.SINGLE_LABEL ? s.target(0) - 1 : 2 * s.target(0) - 1;
        }
        // the usual perplexity 30, or a third of the other points on a small test split (it must stay below their count)
        double perplexity = Math.min(30.0, (x.length - 1) / 3.0);
        TsneResult t = Tsne.builder().optSeed(seed).optPerplexity(perplexity).build().fit(x);
        double[] selected = t.select(score);
        return SentimentScatterChart.create(String.format(Locale.ROOT, "%s (condition %s, p = %.1f%s)", title,
                condition.braces(), rate, t.subsampled() ? ", subsample" : ""), t.embedding(), SentimentClass.of(selected));
    }
}
