package io.github.umdf.tools.report;

import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.evaluation.metrics.Metric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.github.umdf.tribuo.evaluation.TestRecords.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateSweepTableBuilderTest {

    @Test
    void columnsAreRatesAndCellsSummariseSeeds() {
        List<ResultRecord> rs = new ArrayList<>();
        for (int s = 1; s <= 2; s++) {
            for (double p : new double[] {0.0, 0.5, 0.1 + 0.2}) { // 0.30000000000000004 shows as 0.3
                rs.add(record("UMDF", s, "lav", p, "mae", 0.7 + p + 0.01 * s, "f1_non0", 0.8 - p / 10));
            }
            rs.add(record("UMDF", s, "l", 0.9, "mae", 5.0, "f1_non0", 0.1)); // other condition: ignored
        }
        ResultTable t = ResultTable.byRate().dataset("mosi").models("UMDF").metrics(Metric.MAE).build(rs);
        assertEquals(List.of("p = 0.0", "p = 0.3", "p = 0.5"),
                t.groups().stream().map(ResultTable.ColumnGroup::header).toList());
        // p = 0.5: 1.21, 1.22 -> 1.215 ± 0.00707
        assertEquals(1.215, t.rows().get(0).cells().get(2).summary().mean(), 1e-12);
        assertEquals("1.215 ± 0.007", t.cellText(t.rows().get(0), 2, TableGlyphs.UNICODE));
        assertTrue(t.notes().contains("Condition {l,a,v}: every frame of each kept modality dropped independently"
                + " with probability p."));
        ResultTable chosen = ResultTable.byRate().dataset("mosi").models("UMDF").rates(List.of(0.5, 0.9)).build(rs);
        assertEquals(Cell.Status.MISSING, chosen.rows().get(0).cells().get(2).status());
    }
}
