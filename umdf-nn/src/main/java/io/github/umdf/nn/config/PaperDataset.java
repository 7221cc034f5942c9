package io.github.umdf.nn.config;

import java.util.Locale;

/**
 * The paper's three data sets, for their per-data-set defaults ("Experimental Setup": batch sizes
 * 128/16/32, learning rates 1e-3/1e-3/2e-3, epochs 100/30/40, heads 10/8/10; d = 40, D = 4).
 */
public enum PaperDataset {
    MOSI(128, 1e-3, 100, 10),
    MOSEI(16, 1e-3, 30, 8),
    IEMOCAP(32, 2e-3, 40, 10);

    private final int batchSize;
    private final double learningRate;
    private final int epochs;
    private final int heads;

    PaperDataset(int batchSize, double learningRate, int epochs, int heads) {
        this.batchSize = batchSize;
        this.learningRate = learningRate;
        this.epochs = epochs;
        this.heads = heads;
    }

    public int batchSize() {
        return batchSize;
    }

    public double learningRate() {
        return learningRate;
    }

    public int epochs() {
        return epochs;
    }

    public int heads() {
        return heads;
    }

    /** The paper data set a data set name refers to ({@code mosi-aligned} → MOSI), or MOSI when none matches. */
    public static PaperDataset forDatasetName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("mosei")) {
            return MOSEI;
        }
        if (n.contains("iemocap")) {
            return IEMOCAP;
        }
        return MOSI;
    }
}
