package io.github.umdf.tools.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * Metric against missing rate, one line per model with a translucent band of plus or minus one
 * sample standard deviation over seeds (paper Figures 3-5: MAE and F1 against p on MOSI/MOSEI,
 * per-emotion F1 on IEMOCAP). Where a rate has a single seed the band collapses onto the line.
 * For several panels (MAE and F1, or one per emotion) create one chart each and lay them out
 * with {@link ChartFiles#writeGridPng}.
 */
public final class RateCurveChart {

    static {
        Headless.ensure();
    }

    private RateCurveChart() {
    }

    /**
     * Creates the chart.
     *
     * @param title  chart title, e.g. {@code MOSI: MAE under intra-modality missingness}
     * @param yLabel the metric axis label, e.g. {@code MAE (lower is better)}
     * @param curves one series per model
     * @throws IllegalArgumentException when there are no curves
     */
    public static JFreeChart create(String title, String yLabel, List<RateCurve> curves) {
        if (curves == null || curves.isEmpty()) {
            throw new IllegalArgumentException("expected at least one curve, got none");
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        double maxRate = 0;
        for (RateCurve c : curves) {
            YIntervalSeries s = new YIntervalSeries(c.name());
            double[] rates = c.rates();
            double[] means = c.means();
            double[] stds = c.stds();
            for (int i = 0; i < rates.length; i++) {
                double sd = Double.isNaN(stds[i]) ? 0.0 : stds[i];
                s.add(rates[i], means[i], means[i] - sd, means[i] + sd);
                maxRate = Math.max(maxRate, rates[i]);
            }
            data.addSeries(s);
        }
        double span = maxRate > 0 ? maxRate : 1.0;
        NumberAxis x = new NumberAxis("Missing rate p");
        // a little room on both sides so the end markers and the last tick label are not cut
        x.setRange(-0.03 * span, 1.03 * span);
        x.setTickUnit(new NumberTickUnit(span > 0.5 ? 0.1 : 0.05,
                new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);

        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.15f);
        for (int i = 0; i < curves.size(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.color(i));
            renderer.setSeriesFillPaint(i, ChartStyle.color(i));
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart);
        return chart;
    }
}
