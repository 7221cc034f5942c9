package io.github.umdf.tools.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Ellipse2D;

/**
 * A 2-D scatter of embedded joint representations (e.g. {@link Tsne} output), one marker per
 * sample coloured by sentiment class: negative red, neutral green, positive blue, with a legend
 * (paper Figure 6). Markers are slightly translucent so dense regions stay readable.
 */
public final class SentimentScatterChart {

    static {
        Headless.ensure();
    }

    private SentimentScatterChart() {
    }

    /**
     * Creates the chart.
     *
     * @param title   chart title, e.g. {@code UMDF, MOSI test, condition {l}, p = 0.5}
     * @param points  {@code [sample][2]}: the embedding
     * @param classes the class of each sample
     * @throws IllegalArgumentException for mismatched lengths, rows not of length 2, or non-finite coordinates
     */
    public static JFreeChart create(String title, double[][] points, SentimentClass[] classes) {
        if (points == null || classes == null || points.length != classes.length) {
            throw new IllegalArgumentException("expected as many classes as points, got "
                    + (classes == null ? "null" : classes.length) + " and " + (points == null ? "null" : points.length));
        }
        XYSeries[] series = new XYSeries[SentimentClass.values().length];
        for (SentimentClass c : SentimentClass.values()) {
            series[c.ordinal()] = new XYSeries(c.displayName(), false, true);
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException("expected 2 coordinates per point, got "
                        + (points[i] == null ? "null" : points[i].length) + " at point " + i);
            }
            if (!Double.isFinite(points[i][0]) || !Double.isFinite(points[i][1]) || classes[i] == null) {
                throw new IllegalArgumentException("point " + i + " is (" + points[i][0] + ", " + points[i][1]
                        + ") of class " + classes[i] + "; expected finite coordinates and a class");
            }
            series[classes[i].ordinal()].add(points[i][0], points[i][1]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        int k = 0;
        for (SentimentClass c : SentimentClass.values()) {
            data.addSeries(series[c.ordinal()]);
            Color base = c.color();
            renderer.setSeriesPaint(k, new Color(base.getRed(), base.getGreen(), base.getBlue(), 190));
            renderer.setSeriesShape(k, new Ellipse2D.Double(-3, -3, 6, 6));
            renderer.setLegendShape(k, new Ellipse2D.Double(-5, -5, 10, 10));
            k++;
        }
        NumberAxis x = new NumberAxis("t-SNE dimension 1");
        NumberAxis y = new NumberAxis("t-SNE dimension 2");
        x.setAutoRangeIncludesZero(false);
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart);
        return chart;
    }
}
