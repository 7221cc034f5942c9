package io.github.umdf.tools.cli;

import io.github.umdf.tribuo.evaluation.metrics.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;

/**
 * The help of {@code --metrics}, generated from {@link Metric} (an annotation can only hold a constant):
 * a first line, then one line per task with its keys and defaults. Picocli reads it as the lines
 * {@code metrics.keys.0}, {@code metrics.keys.1}, ... of the option's {@code descriptionKey} {@link #KEY}.
 */
public final class MetricsHelp extends ListResourceBundle {
    /** The description key of {@code --metrics}. */
    static final String KEY = "metrics.keys";

    /** Public for {@link java.util.ResourceBundle#getBundle(String)}. */
    public MetricsHelp() {
    }

    /** The description lines of {@code --metrics}. */
    static List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Table columns, by metric key (default: the paper's columns; RESULTS.json always holds every metric):");
        lines.addAll(Metric.describeKeys());
        return lines;
    }

    @Override
    protected Object[][] getContents() {
        List<String> lines = lines();
        Object[][] contents = new Object[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            contents[i] = new Object[] {KEY + "." + i, lines.get(i)};
        }
        return contents;
    }
}
