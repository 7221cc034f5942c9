package io.github.umdf.baselines.gcnet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * GCNet's graphs over the rows of a batch (zeroQiaoba/GCNet {@code gcnet/graph.py},
 * {@code edge_perms} and {@code batch_graphify}): the rows are grouped into conversations by their
 * sample ids ({@link SegmentIds}) and ordered within each; in a conversation of {@code n} segments,
 * segment {@code j} sends an edge to every segment {@code k} with {@code j - windowPast <= k <= j + windowFuture}
 * (itself included; a window of -1 reaches the conversation's end). Conversations are not linked.
 * Both of GCNet's graphs have these edges; they differ in the edges' relations:
 * <ul>
 *   <li>temporal: {@link Temporal#PAST} when the source precedes the target, {@link Temporal#NOW} for
 *       the self-loop, {@link Temporal#FUTURE} when the source follows the target (the original's
 *       {@code 'past'}, {@code 'now'}, {@code 'future'}, named from the target's side);</li>
 *   <li>speaker: {@code speaker(target) * S + speaker(source)} for {@code S} speakers, the original's
 *       {@code f'{target speaker}{source speaker}'} read as a base-{@code S} number (the original numbers
 *       these names in the iteration order of a Python set). With one speaker (MOSI, a monologue) the
 *       speaker graph has a single relation.</li>
 * </ul>
 * The network works on conversations padded to the longest one, {@code (C, L, ·)}: {@link #gather()}
 * moves rows there and back, {@link #adjacency} holds the edges per relation as matrices.
 */
public final class ConversationGraph {
    /** The temporal relation of an edge, from the target's side. */
    public enum Temporal {
        /** The source segment precedes the target. */
        PAST,
        /** The self-loop. */
        NOW,
        /** The source segment follows the target. */
        FUTURE
    }

    /**
     * One edge, between rows of the batch.
     *
     * @param source          the row whose features are sent
     * @param target          the row that aggregates them
     * @param temporal        the temporal relation
     * @param speakerRelation the speaker relation, {@code speaker(target) * S + speaker(source)}
     */
    public record Edge(int source, int target, Temporal temporal, int speakerRelation) {
    }

    private final int rows;
    private final int speakers;
    private final List<int[]> conversations;
    private final int maxLength;
    private final List<Edge> edges;

    private ConversationGraph(int rows, int speakers, List<int[]> conversations, List<Edge> edges) {
        this.rows = rows;
        this.speakers = speakers;
        this.conversations = conversations;
        this.maxLength = conversations.stream().mapToInt(c -> c.length).max().orElse(0);
        this.edges = edges;
    }

    /**
     * The graph of a batch's rows.
     *
     * @param ids          the rows' sample ids
     * @param segments     how ids name conversations
     * @param speakers     the number of speakers {@code S}
     * @param windowPast   how far before a source its targets reach (-1: no limit)
     * @param windowFuture how far after a source its targets reach (-1: no limit)
     * @throws IllegalArgumentException when an id names no conversation or two rows the same place in one
     */
    public static ConversationGraph of(List<String> ids, SegmentIds segments, int speakers, int windowPast, int windowFuture) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("GCNet needs the sample ids of a batch's rows to build its graph, found none");
        }
        SegmentId[] parsed = new SegmentId[ids.size()];
        Map<String, List<Integer>> byConversation = new LinkedHashMap<>();
        for (int i = 0; i < parsed.length; i++) {
            parsed[i] = segments.parse(ids.get(i));
            byConversation.computeIfAbsent(parsed[i].conversation(), k -> new ArrayList<>()).add(i);
        }
        List<int[]> conversations = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        for (List<Integer> members : byConversation.values()) {
            members.sort((a, b) -> SegmentId.ORDER.compare(parsed[a], parsed[b]));
            int[] order = members.stream().mapToInt(Integer::intValue).toArray();
            for (int p = 1; p < order.length; p++) {
                if (SegmentId.ORDER.compare(parsed[order[p - 1]], parsed[order[p]]) == 0) {
                    throw new IllegalArgumentException("Rows '" + ids.get(order[p - 1]) + "' and '" + ids.get(order[p])
                            + "' take the same place in conversation '" + parsed[order[p]].conversation()
                            + "': GCNet orders a conversation's segments by their ids");
                }
            }
            conversations.add(order);
            for (int j = 0; j < order.length; j++) {
                int from = windowPast < 0 ? 0 : Math.max(0, j - windowPast);
                int to = windowFuture < 0 ? order.length - 1 : Math.min(order.length - 1, j + windowFuture);
                for (int k = from; k <= to; k++) {
                    Temporal t = k > j ? Temporal.PAST : k == j ? Temporal.NOW : Temporal.FUTURE;
                    int s = parsed[order[k]].speaker() * speakers + parsed[order[j]].speaker();
                    edges.add(new Edge(order[j], order[k], t, s));
                }
            }
        }
        return new ConversationGraph(ids.size(), speakers, Collections.unmodifiableList(conversations), Collections.unmodifiableList(edges));
    }

    /** The conversations, each its rows in conversation order. */
    public List<int[]> conversations() {
        return conversations;
    }

    /** The length {@code L} of the longest conversation. */
    public int maxLength() {
        return maxLength;
    }

    /** Every edge, conversation by conversation, source by source. */
    public List<Edge> edges() {
        return edges;
    }

    /** The number of speaker relations {@code S²}. */
    public int speakerRelations() {
        return speakers * speakers;
    }

    /** Whether every conversation has length {@code L} (no padding). */
    public boolean unpadded() {
        return conversations.stream().allMatch(c -> c.length == maxLength);
    }

    /**
     * The one-hot matrix {@code (C·L, N)} with 1 at (slot of a row, row), the slot of the {@code p}-th
     * segment of conversation {@code c} being {@code c·L + p}: {@code G x} pads rows {@code (N, D)} into
     * conversations, {@code Gᵀ y} reads them back.
     */
    public float[] gather() {
        float[] g = new float[conversations.size() * maxLength * rows];
        for (int c = 0; c < conversations.size(); c++) {
            int[] order = conversations.get(c);
            for (int p = 0; p < order.length; p++) {
                g[(c * maxLength + p) * rows + order[p]] = 1f;
            }
        }
        return g;
    }

    /** {@code (C, L)}: 1 at the slots that hold a segment. */
    public float[] mask() {
        float[] m = new float[conversations.size() * maxLength];
        for (int c = 0; c < conversations.size(); c++) {
            Arrays.fill(m, c * maxLength, c * maxLength + conversations.get(c).length, 1f);
        }
        return m;
    }

    /**
     * The edges a selection holds as matrices {@code A (C, L, L)} over the padded slots: {@code A[c, k, j]}
     * for the edge from the segment in slot {@code j} to the one in slot {@code k}; 1 per edge, or, with
     * {@code mean}, 1 over the number of edges the target receives in the selection (PyG's mean
     * aggregation: {@code A x} is then the mean of the sources' features, 0 without any).
     */
    public float[] adjacency(Predicate<Edge> selection, boolean mean) {
        int l = maxLength;
        int[] slot = new int[rows];
        int[] conversationOf = new int[rows];
        for (int c = 0; c < conversations.size(); c++) {
            int[] order = conversations.get(c);
            for (int p = 0; p < order.length; p++) {
                slot[order[p]] = p;
                conversationOf[order[p]] = c;
            }
        }
        float[] a = new float[conversations.size() * l * l];
        int[] received = new int[rows];
        for (Edge e : edges) {
            if (selection.test(e)) {
                a[(conversationOf[e.target()] * l + slot[e.target()]) * l + slot[e.source()]] = 1f;
                received[e.target()]++;
            }
        }
        if (mean) {
            for (int r = 0; r < rows; r++) {
                int base = (conversationOf[r] * l + slot[r]) * l;
                for (int j = 0; j < l && received[r] > 0; j++) {
                    a[base + j] /= received[r];
                }
            }
        }
        return a;
    }
}
