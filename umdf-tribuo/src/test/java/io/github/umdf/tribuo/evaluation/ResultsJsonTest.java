package io.github.umdf.tribuo.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.github.umdf.tribuo.evaluation.TestRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsJsonTest {
    @Test
    void writesTheDocumentedFormatWithNaNAsNull() {
        ResultRecord r = record("UMDF", 1, "{l,a}", 0.0, "mae", 0.832, "corr", Double.NaN, "f1_non0", 0.1 + 0.2);
        String expected = """
                [
                  {
                    "model": "UMDF",
                    "dataset": "mosi",
                    "seed": 1,
                    "condition": "la",
                    "rate": 0.0,
                    "metrics": {
                      "mae": 0.832,
                      "corr": null,
                      "f1_non0": 0.30000000000000004
                    }
                  }
                ]
                """;
        assertEquals(expected, ResultsJson.toJson(List.of(r)));
    }

    @Test
    void roundTripsExactlyIncludingNaNAndOrder(@TempDir Path dir) throws Exception {
        List<ResultRecord> records = List.of(
                record("UMDF", 1, "lav", 0.3, "acc_happy", 0.9, "f1_happy", 1.0 / 3, "acc_sad", Double.NaN),
                record("TransM", 42, "v", 0.1, "mae", Math.PI, "corr", -0.0));
        Path file = dir.resolve("out/RESULTS.json");
        ResultsJson.write(records, file);
        List<ResultRecord> back = ResultsJson.read(file);
        assertEquals(records, back);
        assertEquals(List.of("acc_happy", "f1_happy", "acc_sad"), List.copyOf(back.get(0).metrics().keySet()));
        assertTrue(Double.isNaN(back.get(0).metric("acc_sad")));
        assertEquals(1.0 / 3, back.get(0).metric("f1_happy"), 0.0);
        assertEquals("[]\n", ResultsJson.toJson(List.of()));
    }

    @Test
    void readingIsStrictAndSaysWhere() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResultsJson.fromJson(
                "[{\"model\":\"A\",\"dataset\":\"d\",\"seed\":1,\"condition\":\"l\",\"rate\":0,\"metrics\":{},\"extra\":1}]"));
        assertEquals("record 0: unknown field 'extra'; expected model, dataset, seed, condition, rate, metrics",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResultsJson.fromJson(
                "[{\"model\":\"A\",\"dataset\":\"d\",\"seed\":1,\"condition\":\"l\",\"metrics\":{}}]"));
        assertEquals("record 0: missing field 'rate'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResultsJson.fromJson(
                "[{\"model\":\"A\",\"dataset\":\"d\",\"seed\":1,\"condition\":\"lx\",\"rate\":0,\"metrics\":{}}]"));
        assertTrue(e.getMessage().startsWith("record 0: Unknown modality 'x'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResultsJson.fromJson(
                "[{\"model\":\"A\",\"dataset\":\"d\",\"seed\":1,\"condition\":\"l\",\"rate\":0,\"metrics\":{\"mae\":\"x\"}}]"));
        assertEquals("record 0 metric 'mae': expected a number or null (NaN), got STRING", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResultsJson.fromJson("{}"));
        assertEquals("the document: expected a JSON list of records, got BEGIN_OBJECT", e.getMessage());
    }
}
