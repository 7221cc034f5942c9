package io.github.umdf.nn.train;

import io.github.umdf.nn.model.NetworkModel;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's batches of a list of rows ({@link NetworkModel#batches}), checked: every row in exactly
 * one non-empty batch. Used by the training loop and by prediction.
 */
final class BatchPlan {
    private BatchPlan() {
    }

    /**
     * The batches of {@code ids.size()} rows.
     *
     * @throws IllegalStateException when the network's plan misses a row, repeats one, names one outside
     *                               the list or has an empty batch
     */
    static List<int[]> of(NetworkModel model, List<String> ids, int batchSize) {
        return checked(model.batches(ids, batchSize), ids.size(), model.spec().family());
    }

    /** {@code plan}, checked to hold each of {@code rows} rows exactly once in non-empty batches. */
    static List<int[]> checked(List<int[]> plan, int rows, String family) {
        boolean[] seen = new boolean[rows];
        int count = 0;
        for (int[] batch : plan) {
            if (batch.length == 0) {
                throw invalid(family, "an empty batch");
            }
            for (int row : batch) {
                if (row < 0 || row >= seen.length) {
                    throw invalid(family, "row " + row + " of " + seen.length);
                }
                if (seen[row]) {
                    throw invalid(family, "row " + row + " twice");
                }
                seen[row] = true;
                count++;
            }
        }
        if (count != seen.length) {
            throw invalid(family, count + " of " + seen.length + " rows");
        }
        return plan;
    }

    /** The elements of {@code items} at the rows of one batch, in the batch's order. */
    static <T> List<T> rows(List<T> items, int[] batch) {
        List<T> out = new ArrayList<>(batch.length);
        for (int row : batch) {
            out.add(items.get(row));
        }
        return out;
    }

    private static IllegalStateException invalid(String family, String found) {
        return new IllegalStateException("The batches of " + family + " must hold every row exactly once, found " + found);
    }
}
