package io.github.umdf.baselines.gcnet;

import io.github.umdf.baselines.gcnet.ConversationGraph.Temporal;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.github.umdf.baselines.gcnet.ConversationGraph.Temporal.FUTURE;
import static io.github.umdf.baselines.gcnet.ConversationGraph.Temporal.NOW;
import static io.github.umdf.baselines.gcnet.ConversationGraph.Temporal.PAST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GCNet's graphs against edge lists written out by hand from zeroQiaoba/GCNet's {@code edge_perms} and
 * {@code batch_graphify}: source segment {@code j} sends to every {@code k} in {@code [j - windowPast,
 * j + windowFuture]} of its own conversation; the temporal relation is 'past' when the source precedes
 * the target.
 */
class ConversationGraphTest {
    private static final SegmentIds MOSI = new SegmentIds(UngroupedIds.REFUSE, 20, 1);
    /** Four segments of video A, given out of order, and one of video B. */
    private static final List<String> ROWS = List.of("A[2]", "B[0]", "A[0]", "A[3]", "A[1]");

    private static String edge(String source, String target, Temporal t, int speaker) {
        return source + " -> " + target + " " + t + " " + speaker;
    }

    private static List<String> described(ConversationGraph g, List<String> ids) {
        List<String> out = new ArrayList<>();
        for (ConversationGraph.Edge e : g.edges()) {
            out.add(edge(ids.get(e.source()), ids.get(e.target()), e.temporal(), e.speakerRelation()));
        }
        return out;
    }

    private static void assertEdges(Set<String> expected, ConversationGraph g, List<String> ids) {
        List<String> found = described(g, ids);
        assertEquals(found.size(), new HashSet<>(found).size(), "no edge twice: " + found);
        assertEquals(expected, new HashSet<>(found));
    }

    @Test
    void windowTwoLinksEachSegmentToTwoBeforeAndTwoAfterWithinItsVideo() {
        ConversationGraph g = ConversationGraph.of(ROWS, MOSI, 1, 2, 2);
        // Written out by hand: A[0..3] in index order, targets from j-2 to j+2; B[0] alone gets its self-loop.
        assertEdges(Set.of(
                edge("A[0]", "A[0]", NOW, 0), edge("A[0]", "A[1]", PAST, 0), edge("A[0]", "A[2]", PAST, 0),
                edge("A[1]", "A[0]", FUTURE, 0), edge("A[1]", "A[1]", NOW, 0), edge("A[1]", "A[2]", PAST, 0),
                edge("A[1]", "A[3]", PAST, 0),
                edge("A[2]", "A[0]", FUTURE, 0), edge("A[2]", "A[1]", FUTURE, 0), edge("A[2]", "A[2]", NOW, 0),
                edge("A[2]", "A[3]", PAST, 0),
                edge("A[3]", "A[1]", FUTURE, 0), edge("A[3]", "A[2]", FUTURE, 0), edge("A[3]", "A[3]", NOW, 0),
                edge("B[0]", "B[0]", NOW, 0)), g, ROWS);
        // rows of A in index order (rows 2, 4, 0, 3), then B (row 1)
        assertEquals(2, g.conversations().size());
        assertArrayEquals(new int[] {2, 4, 0, 3}, g.conversations().get(0));
        assertArrayEquals(new int[] {1}, g.conversations().get(1));
        assertEquals(4, g.maxLength());
    }

    @Test
    void thePastWindowIsHowFarBeforeItselfASourceSends() {
        // windowPast 1, windowFuture 0: each segment sends to itself and to the one before it
        ConversationGraph g = ConversationGraph.of(ROWS, MOSI, 1, 1, 0);
        assertEdges(Set.of(
                edge("A[0]", "A[0]", NOW, 0),
                edge("A[1]", "A[0]", FUTURE, 0), edge("A[1]", "A[1]", NOW, 0),
                edge("A[2]", "A[1]", FUTURE, 0), edge("A[2]", "A[2]", NOW, 0),
                edge("A[3]", "A[2]", FUTURE, 0), edge("A[3]", "A[3]", NOW, 0),
                edge("B[0]", "B[0]", NOW, 0)), g, ROWS);
        // -1 reaches the end of the conversation: A[0] sends to all four
        ConversationGraph all = ConversationGraph.of(ROWS, MOSI, 1, 0, -1);
        assertTrue(described(all, ROWS).contains(edge("A[0]", "A[3]", PAST, 0)));
        assertEquals(4 + 3 + 2 + 1 + 1, all.edges().size());
    }

    @Test
    void speakerRelationsAreTargetSpeakerThenSourceSpeakerInBaseS() {
        List<String> ids = List.of("Ses01F_impro01_M000", "Ses01F_impro01_F000", "Ses01F_impro01_F001");
        ConversationGraph g = ConversationGraph.of(ids, new SegmentIds(UngroupedIds.REFUSE, 20, 2), 2, 1, 1);
        // order: F000 (turn 0, F), M000 (turn 0, M), F001 (turn 1); F = 0, M = 1; relation = 2 * target + source
        assertEdges(Set.of(
                edge("Ses01F_impro01_F000", "Ses01F_impro01_F000", NOW, 0),
                edge("Ses01F_impro01_F000", "Ses01F_impro01_M000", PAST, 2),
                edge("Ses01F_impro01_M000", "Ses01F_impro01_F000", FUTURE, 1),
                edge("Ses01F_impro01_M000", "Ses01F_impro01_M000", NOW, 3),
                edge("Ses01F_impro01_M000", "Ses01F_impro01_F001", PAST, 1),
                edge("Ses01F_impro01_F001", "Ses01F_impro01_M000", FUTURE, 2),
                edge("Ses01F_impro01_F001", "Ses01F_impro01_F001", NOW, 0)), g, ids);
        assertEquals(4, g.speakerRelations());
    }

    @Test
    void matricesPadConversationsAndAverageOverWhatATargetReceives() {
        ConversationGraph g = ConversationGraph.of(ROWS, MOSI, 1, 2, 2);
        int l = 4;
        float[] gather = g.gather(); // (C·L = 8, N = 5)
        float[] expectedGather = new float[8 * 5];
        int[][] slotRow = {{0, 2}, {1, 4}, {2, 0}, {3, 3}, {4, 1}}; // slot c·L + p <- row
        for (int[] sr : slotRow) {
            expectedGather[sr[0] * 5 + sr[1]] = 1f;
        }
        assertArrayEquals(expectedGather, gather);
        assertArrayEquals(new float[] {1, 1, 1, 1, 1, 0, 0, 0}, g.mask());

        // past edges into A[2] (slot 2) come from A[0] and A[1]: 1/2 each; into A[1] from A[0] only: 1; A[0] gets none
        float[] past = g.adjacency(e -> e.temporal() == PAST, true);
        assertEquals(0.5f, past[2 * l + 0]);
        assertEquals(0.5f, past[2 * l + 1]);
        assertEquals(1f, past[1 * l + 0]);
        assertEquals(0.5f, past[3 * l + 1]);
        assertEquals(0.5f, past[3 * l + 2]);
        float sum = 0;
        for (float v : past) {
            sum += v;
        }
        assertEquals(3f, sum, 1e-6, "three targets receive past edges, each row of weights sums to 1");
        // every edge counts 1 without averaging: A[1] receives from A[0..3], B[0] from itself
        float[] all = g.adjacency(e -> true, false);
        assertArrayEquals(new float[] {1, 1, 1, 1}, java.util.Arrays.copyOfRange(all, 1 * l, 2 * l));
        assertEquals(1f, all[(l + 0) * l + 0], "B[0]'s self-loop in conversation 1");
    }

    @Test
    void twoRowsInOnePlaceAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConversationGraph.of(List.of("A_1.5_2.0", "A_1.5_3.0"), MOSI, 1, 2, 2));
        assertTrue(e.getMessage().contains("'A_1.5_2.0' and 'A_1.5_3.0' take the same place in conversation 'A'"), e.getMessage());
    }
}
