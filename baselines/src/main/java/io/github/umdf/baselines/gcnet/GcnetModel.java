package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineModel;
import io.github.umdf.baselines.Sequences;
import io.github.umdf.baselines.WeightedLoss;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.loss.TaskLoss;
import io.github.umdf.nn.model.BatchContext;
import io.github.umdf.nn.model.LossTerms;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.ops.Masks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * GCNet, the Graph Completion Network (Lian, Chen, Sun, Liu and Tao, "GCNet: Graph Completion Network
 * for Incomplete Multimodal Learning in Conversation", IEEE TPAMI 2023), following the authors' code
 * zeroQiaoba/GCNet ({@code gcnet/model.py}, {@code graph.py}, {@code loss.py}, {@code train_gcnet.py};
 * read at commit c2dfd3b, the stored snapshot of the repository cited at 8cce4a0); the network is
 * {@link GcnetNetwork}. Each segment of a video is an utterance of a conversation: a BiLSTM runs over
 * the conversation's utterance vectors, a temporal and a speaker graph ({@link ConversationGraph})
 * propagate them among neighbouring segments, and the sum predicts the label and reconstructs the
 * utterance vector. The objective ({@code --loss-recon}):
 * <pre>
 *   L = L_task(ŷ, y) + 1.0 · L_rec(û, u; missing modalities only)
 * </pre>
 * with {@code L_task} MSE for regression ({@code MaskedMSELoss}), cross-entropy for single-label and
 * per-label binary cross-entropy for multi-label classification, both averaged over segments, and
 * {@link MissingModalityReconstruction} for {@code L_rec}. Predictions read the masked input (the
 * original's {@code --reccls-flag}, predicting from reconstructed input, is off in every published run).
 *
 * <p>Conversations. The graph is built from the sample ids of a batch's rows ({@link SegmentIds}: a
 * video and a segment index or start time, or an IEMOCAP dialogue, turn and speaker); an id that names
 * no conversation is an error, except for the synthetic presets' ids, which by the explicit default
 * {@link UngroupedIds#SYNTHETIC_RUNS} become pseudo-conversations of consecutive indices: on synthetic
 * data the graph context carries no information. {@link #batches} keeps every conversation of a list
 * whole in one batch, for training and for prediction, so a prediction depends only on its own
 * conversation's segments given with it (not on the batch size nor on the order of the list), and
 * counts the batch size in conversations, as the original's data loader does.
 *
 * <p>Departures from the original:
 * <ul>
 *   <li>[adapt] utterance vectors: the original reads utterance-level features (wav2vec, DeBERTa, MA-Net
 *       means); here each modality's word-aligned steps are mean-pooled over the frames the input
 *       observes, and a modality without any is a zero vector, as the original's masked input is;</li>
 *   <li>[adapt] conversations come from the sample ids (above); the original reads them from its label
 *       file's {@code videoIDs}. A conversation holds the segments present in the list, in id order, so
 *       the neighbours of a segment are the nearest segments present; a segment predicted alone sees no
 *       context;</li>
 *   <li>recurrences read only the segments that exist ({@code pack_padded_sequence}); the original runs its
 *       LSTMs over the batch's zero padding, so that the backward states of its shorter conversations
 *       depend on the longest conversation of the batch;</li>
 *   <li>missing modalities: the UMDF protocol (one random view per sample and epoch, modality subsets and
 *       frame drops; fixed evaluation masks) instead of the original's CPM-Net masks at one constant rate
 *       per utterance and modality, which it also applies to validation and test;</li>
 *   <li>reconstruction targets are the utterance vectors before the view dropped anything (the training
 *       loop's {@link BatchContext#completeInputs()}, pooled over the frames that exist); a modality is
 *       missing when the view keeps none of its frames while the data has some; a modality that lost only
 *       some frames is present (its vector averages the frames kept);</li>
 *   <li>no nodal attention ({@code --time-attn}, off in the published commands) and no
 *       {@code --reccls-flag}; the relations are numbered past, now, future and
 *       {@code speaker(target)·S + speaker(source)} instead of in a Python set's iteration order;</li>
 *   <li>one utterance vector per segment: the original's IEMOCAP loader gives each utterance a vector per
 *       speaker (host, guest) and picks the speaking one; speakers come here from IEMOCAP ids
 *       ({@code ..._F003}), and monologues (MOSI, MOSEI) have one;</li>
 *   <li>multi-label classification (MulT's IEMOCAP: four binary emotions) uses per-label binary
 *       cross-entropy; the original's IEMOCAP is a four- or six-class single-label task;</li>
 *   <li>Glorot-uniform weights and zero biases everywhere (PyTorch's LSTM and Linear defaults and PyG's
 *       glorot differ);</li>
 *   <li>model selection on the validation split's task loss (MSE); the original keeps the epoch of the
 *       best validation F1, and on IEMOCAP its validation split is the test split (not copied).</li>
 * </ul>
 */
public final class GcnetModel extends BaselineModel<GcnetConfig, GcnetNetwork> {
    private final SegmentIds segmentIds;
    private final int[] dims;

    /**
     * @param config the settings
     * @param schema the data set
     */
    public GcnetModel(GcnetConfig config, DatasetSchema schema) {
        super(config, schema, new GcnetNetwork(config, schema));
        this.segmentIds = config.segmentIds();
        this.dims = network.modalities().stream().mapToInt(m -> schema.shape(m).dim()).toArray();
    }

    /** GCNet reconstructs what a view dropped, so it trains against the complete batch. */
    @Override
    public boolean needsCompleteInputs() {
        return true;
    }

    /**
     * Whole conversations, {@code batchSize} conversations per batch, in the order of their first
     * segment in {@code sampleIds}; a conversation's rows keep their order.
     *
     * @throws IllegalArgumentException when an id names no conversation ({@link SegmentIds#parse})
     */
    @Override
    public List<int[]> batches(List<String> sampleIds, int batchSize) {
        Map<String, List<Integer>> conversations = new LinkedHashMap<>();
        for (int i = 0; i < sampleIds.size(); i++) {
            conversations.computeIfAbsent(segmentIds.parse(sampleIds.get(i)).conversation(), k -> new ArrayList<>()).add(i);
        }
        List<int[]> out = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        int inBatch = 0;
        for (List<Integer> rows : conversations.values()) {
            batch.addAll(rows);
            if (++inBatch == batchSize) {
                out.add(batch.stream().mapToInt(Integer::intValue).toArray());
                batch.clear();
                inBatch = 0;
            }
        }
        if (!batch.isEmpty()) {
            out.add(batch.stream().mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** The graph of a batch's rows. */
    public ConversationGraph graph(List<String> sampleIds) {
        return ConversationGraph.of(sampleIds, segmentIds, spec.speakers(), spec.windowPast(), spec.windowFuture());
    }

    /**
     * The utterance vectors {@code (N, Σ d_m)}: per modality, in the network's order, the mean of the
     * frames {@code in} observes (zeros when it observes none).
     */
    NDArray utteranceVectors(ModalityInputs in) {
        NDList parts = new NDList();
        for (Modality m : network.modalities()) {
            parts.add(Sequences.maskedMean(in.features(m), in.observed(m)));
        }
        return NDArrays.concat(parts, 1);
    }

    /**
     * {@code (N, M)}: 1 where a modality has frames in {@code complete} but none observed in {@code view}.
     */
    NDArray missingModalities(ModalityInputs view, ModalityInputs complete) {
        NDList parts = new NDList();
        for (Modality m : network.modalities()) {
            NDArray kept = anyObserved(view, m);
            parts.add(anyObserved(complete, m).mul(kept.neg().add(1f))); // masks take no gradient: numbers are safe
        }
        return NDArrays.concat(parts, 1);
    }

    private static NDArray anyObserved(ModalityInputs in, Modality m) {
        NDArray observed = in.observed(m);
        return observed != null ? Masks.anyKept(observed) : in.features(m).getManager().ones(new Shape(in.size(), 1));
    }

    /** The representations {@code Z (N, D_h)} of the rows, through their conversations' graphs. */
    private NDArray encode(ParameterStore ps, ModalityInputs in, List<String> ids, boolean training) {
        ConversationGraph g = graph(ids);
        NDArray u = utteranceVectors(in); // (N, D_in)
        NDManager manager = u.getManager();
        int c = g.conversations().size();
        int l = g.maxLength();
        Shape square = new Shape(c, l, l);
        NDArray gather = manager.create(g.gather(), new Shape((long) c * l, ids.size())); // (C·L, N)
        NDArray padded = gather.matMul(u).reshape(c, l, network.inputDim());
        NDArray mask = g.unpadded() ? null : manager.create(g.mask(), new Shape(c, l));
        NDArray all = manager.create(g.adjacency(e -> true, false), square);
        List<NDArray> temporal = new ArrayList<>();
        for (ConversationGraph.Temporal t : ConversationGraph.Temporal.values()) {
            temporal.add(relation(manager, g, e -> e.temporal() == t, square));
        }
        List<NDArray> speaker = new ArrayList<>();
        for (int s = 0; s < g.speakerRelations(); s++) {
            int relation = s;
            speaker.add(relation(manager, g, e -> e.speakerRelation() == relation, square));
        }
        NDArray z = network.encode(ps, padded, mask, new GraphNetwork.Edges(temporal, all), new GraphNetwork.Edges(speaker, all), training);
        return gather.transpose().matMul(z.reshape((long) c * l, network.hiddenDim())); // (N, D_h)
    }

    private static NDArray relation(NDManager manager, ConversationGraph g, Predicate<ConversationGraph.Edge> holds, Shape shape) {
        return manager.create(g.adjacency(holds, true), shape);
    }

    @Override
    public LossTerms loss(ParameterStore ps, ModalityInputs views, NDArray targets, BatchContext context, boolean training) {
        requireOneView(views, targets, "GCNet");
        NDArray z = encode(ps, views, context.sampleIds(), training);
        NDArray prediction = network.predict(ps, z, training);
        ModalityInputs complete = context.completeInputs();
        NDArray reconstruction = MissingModalityReconstruction.loss(network.reconstruct(ps, z, training), utteranceVectors(complete),
                missingModalities(views, complete), dims);
        return new WeightedLoss()
                .add("task", TaskLoss.task(schema.task(), spec.regressionLoss(), prediction, targets), 1.0)
                .add("reconstruction", reconstruction, spec.reconstructionWeight())
                .terms(prediction);
    }

    private NDArray represent(ParameterStore ps, ModalityInputs inputs, String what) {
        if (inputs.sampleIds().isEmpty()) {
            throw new IllegalArgumentException("GCNet " + what + " through the conversation graph of the rows' sample ids, and these "
                    + "inputs carry none: build them with BatchBuilder (NetworkSession.predict does)");
        }
        return encode(ps, inputs, inputs.sampleIds(), false);
    }

    /** Predictions {@code (N, out)}, each from its segment's conversation among the rows. */
    @Override
    public NDArray predict(ParameterStore ps, ModalityInputs inputs) {
        return network.predict(ps, represent(ps, inputs, "predicts"), false);
    }

    /** The representations {@code Z (N, D_h)} the predictions are made from. */
    @Override
    public NDArray represent(ParameterStore ps, ModalityInputs inputs) {
        return represent(ps, inputs, "represents");
    }
}
