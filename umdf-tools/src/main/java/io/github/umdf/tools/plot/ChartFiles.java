package io.github.umdf.tools.plot;

import org.jfree.chart.JFreeChart;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes charts to PNG files: one chart, or several laid out in a grid (e.g. one per emotion). */
public final class ChartFiles {

    static {
        Headless.ensure();
    }

    private ChartFiles() {
    }

    /**
     * Renders a chart to a PNG of exactly {@code width x height} pixels, creating parent folders.
     *
     * @throws IllegalArgumentException for a non-positive size
     */
    public static void writePng(JFreeChart chart, Path file, int width, int height) throws IOException {
        writeGridPng(List.of(chart), 1, file, width, height);
    }

    /**
     * Renders charts row by row into a grid of {@code columns} columns, each tile
     * {@code tileWidth x tileHeight} pixels; the PNG is {@code columns * tileWidth} wide and
     * {@code ceil(n / columns) * tileHeight} high, empty tiles white.
     *
     * @throws IllegalArgumentException for no charts or a non-positive size
     */
    public static void writeGridPng(List<JFreeChart> charts, int columns, Path file, int tileWidth, int tileHeight)
            throws IOException {
        ImageIO.write(renderGrid(charts, columns, tileWidth, tileHeight), "png", prepare(file));
    }

    /** The grid of {@link #writeGridPng} as an image. */
    public static BufferedImage renderGrid(List<JFreeChart> charts, int columns, int tileWidth, int tileHeight) {
        if (charts == null || charts.isEmpty()) {
            throw new IllegalArgumentException("expected at least one chart, got none");
        }
        if (columns < 1 || tileWidth < 1 || tileHeight < 1) {
            throw new IllegalArgumentException("expected positive columns and tile size, got " + columns + " columns of "
                    + tileWidth + "x" + tileHeight);
        }
        int cols = Math.min(columns, charts.size());
        int rows = (charts.size() + cols - 1) / cols;
        BufferedImage image = new BufferedImage(cols * tileWidth, rows * tileHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            for (int i = 0; i < charts.size(); i++) {
                int x = (i % cols) * tileWidth;
                int y = (i / cols) * tileHeight;
                charts.get(i).draw(g, new Rectangle2D.Double(x, y, tileWidth, tileHeight));
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static java.io.File prepare(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file.toFile();
    }
}
