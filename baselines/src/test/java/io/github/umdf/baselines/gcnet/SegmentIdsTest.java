package io.github.umdf.baselines.gcnet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The id forms GCNet reads conversations from, and the errors for ids that name none. */
class SegmentIdsTest {
    private static final SegmentIds REFUSE = new SegmentIds(UngroupedIds.REFUSE, 20, 2);
    private static final SegmentIds SYNTHETIC = new SegmentIds(UngroupedIds.SYNTHETIC_RUNS, 20, 1);
    private static final SegmentIds RUNS = new SegmentIds(UngroupedIds.INDEX_RUNS, 20, 1);

    @Test
    void realDataIdsNameTheirVideoAndPlace() {
        assertEquals(new SegmentId("03bSnISJMiM", 11, 0, 0), REFUSE.parse("03bSnISJMiM[11]"));
        assertEquals(new SegmentId("03bSnISJMiM", 1, 0, 0), REFUSE.parse("03bSnISJMiM$_$1"));
        assertEquals(new SegmentId("_dI--eQ6qVU", 12.5, 0, 0), REFUSE.parse("_dI--eQ6qVU_12.5_17.25"));
        assertEquals(new SegmentId("Ses01F_impro01", 3, 1, 1), REFUSE.parse("Ses01F_impro01_M003"));
        assertEquals(new SegmentId("Ses02M_script01_1", 7.25, 0, 0), REFUSE.parse("Ses02M_script01_1_F012_7.25_9.5"));
    }

    @Test
    void syntheticIdsBecomeRunsOfConsecutiveIndicesWithinTheirSplit() {
        assertEquals(new SegmentId("mosi-aligned/train/#run6", 123, 0, 0), SYNTHETIC.parse("mosi-aligned/train/000123"));
        assertEquals(new SegmentId("mosi-aligned/test/#run0", 19, 0, 0), SYNTHETIC.parse("mosi-aligned/test/000019"));
        assertEquals(new SegmentId("mosi-aligned/test/#run1", 20, 0, 0), SYNTHETIC.parse("mosi-aligned/test/000020"));
        assertEquals(new SegmentId("train_#run0", 17, 0, 0), RUNS.parse("train_17"));
    }

    @Test
    void idsWithoutAConversationAreRefusedNamingTheIdAndTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SYNTHETIC.parse("train_17"));
        assertTrue(e.getMessage().contains("id 'train_17' names no conversation"), e.getMessage());
        assertTrue(e.getMessage().contains("<video>[<index>]") && e.getMessage().contains("<video>$_$<index>")
                && e.getMessage().contains("<preset>/<split>/<index>") && e.getMessage().contains("ungroupedIds = INDEX_RUNS"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> REFUSE.parse("mosi-aligned/train/000123"));
        assertTrue(e.getMessage().contains("'mosi-aligned/train/000123'") && e.getMessage().contains("ungroupedIds = REFUSE"), e.getMessage());
        // a path-like id whose first part is no preset is not synthetic
        assertThrows(IllegalArgumentException.class, () -> SYNTHETIC.parse("my-data/train/000001"));
        assertThrows(IllegalArgumentException.class, () -> RUNS.parse("no-index-here"));
    }

    @Test
    void aSecondSpeakerNeedsTwoSpeakers() {
        SegmentIds one = new SegmentIds(UngroupedIds.REFUSE, 20, 1);
        assertEquals(0, one.parse("Ses01F_impro01_F003").speaker());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> one.parse("Ses01F_impro01_M003"));
        assertTrue(e.getMessage().contains("set for 1 speaker (speakers = 1), but id 'Ses01F_impro01_M003' names speaker M (1): "
                + "set speakers to 2"), e.getMessage());
    }
}
