package io.github.umdf.tools.plot;

import java.awt.Color;

/**
 * The three sentiment classes of the paper's Figure 6, with its colours: negative red, neutral
 * green, positive blue. From a sentiment score in [-3, 3] by sign, MMSA's three-class
 * convention: {@code < 0} negative, {@code == 0} neutral, {@code > 0} positive.
 */
public enum SentimentClass {
    /** Score below zero; red. */
    NEGATIVE("Negative", new Color(0xD62728)),
    /** Score exactly zero (or within a chosen band around it); green. */
    NEUTRAL("Neutral", new Color(0x2CA02C)),
    /** Score above zero; blue. */
    POSITIVE("Positive", new Color(0x1F77B4));

    private final String displayName;
    private final Color color;

    SentimentClass(String displayName, Color color) {
        this.displayName = displayName;
        this.color = color;
    }

    /** The legend text. */
    public String displayName() {
        return displayName;
    }

    /** The marker colour. */
    public Color color() {
        return color;
    }

    /** The class of a score by its sign (zero is neutral). */
    public static SentimentClass of(double score) {
        return of(score, 0.0);
    }

    /**
     * The class of a score with a neutral band: neutral when {@code |score| <= neutralHalfWidth},
     * else by sign.
     *
     * @throws IllegalArgumentException for a NaN score or a negative or NaN half width
     */
    public static SentimentClass of(double score, double neutralHalfWidth) {
        if (Double.isNaN(score) || !(neutralHalfWidth >= 0)) {
            throw new IllegalArgumentException("expected a score and a non-negative neutral half width, got "
                    + score + " and " + neutralHalfWidth);
        }
        if (Math.abs(score) <= neutralHalfWidth) {
            return NEUTRAL;
        }
        return score < 0 ? NEGATIVE : POSITIVE;
    }

    /** The classes of many scores by sign. */
    public static SentimentClass[] of(double[] scores) {
        SentimentClass[] out = new SentimentClass[scores.length];
        for (int i = 0; i < scores.length; i++) {
            out[i] = of(scores[i]);
        }
        return out;
    }
}
