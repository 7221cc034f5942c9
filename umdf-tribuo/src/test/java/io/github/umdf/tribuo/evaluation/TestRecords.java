package io.github.umdf.tribuo.evaluation;

import java.util.LinkedHashMap;

/** Result records for tests, with metrics given as alternating names and values. */
public final class TestRecords {
    private TestRecords() {
    }

    /** A record on mosi. */
    public static ResultRecord record(String model, long seed, String condition, double rate, Object... keyValues) {
        return recordOn("mosi", model, seed, condition, rate, keyValues);
    }

    /** A record on {@code dataset}. */
    public static ResultRecord recordOn(String dataset, String model, long seed, String condition, double rate,
                                        Object... keyValues) {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], ((Number) keyValues[i + 1]).doubleValue());
        }
        return new ResultRecord(model, dataset, seed, condition, rate, m);
    }
}
