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

    /** The lower-case name: {@code mosi}, {@code mosei}, {@code iemocap}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The paper data set of a name written by a user: {@code mosi}, {@code mosei} or {@code iemocap}, any case.
     *
     * @throws IllegalArgumentException naming the valid choices
     */
    public static PaperDataset parse(String name) {
        for (PaperDataset d : values()) {
            if (d.key().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new IllegalArgumentException("Unknown paper data set '" + name + "'; expected mosi, mosei or iemocap");
    }

    /**
     * The paper data set a data set is named after: a name that is, or starts with, {@code mosi},
     * {@code mosei} or {@code iemocap} followed by {@code -} or {@code _} ({@code mosi-aligned},
     * {@code mosei_senti}, {@code iemocap}) refers to it.
     *
     * @throws IllegalArgumentException when the name refers to none of them (say which defaults apply instead:
     *                                  the command line's {@code --paper-defaults})
     */
    public static PaperDataset forDatasetName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (PaperDataset d : values()) {
            if (n.equals(d.key()) || n.startsWith(d.key() + "-") || n.startsWith(d.key() + "_")) {
                return d;
            }
        }
        throw new IllegalArgumentException("The data set '" + name + "' is not named after one of the paper's data sets (mosi, mosei, "
                + "iemocap), so its defaults (batch size, learning rate, epochs, heads) are not known: choose them with "
                + "--paper-defaults mosi|mosei|iemocap");
    }
}
