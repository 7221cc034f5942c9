package io.github.umdf.baselines.gcnet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineNetwork;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.ops.Layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * GCNet's network (zeroQiaoba/GCNet {@code gcnet/model.py}, {@code GraphModel} with
 * {@code base_model='LSTM'}), over the utterance vectors {@code u = [a; t; v]} of conversations padded
 * to {@code (C, L, d_a + d_t + d_v)}:
 * <pre>
 *   H = BiLSTM_2(u)                             (C, L, 2 D_e)        the conversation encoder
 *   Z = GraphNetwork_temporal(H) + GraphNetwork_speaker(H)   (C, L, D_h),  D_h = 2 D_e + D_e / 2
 *   ŷ = W_y Z + b_y                             (·, out)             prediction (smax_fc)
 *   û = W_r Z + b_r                             (·, d_a + d_t + d_v) reconstruction (linear_rec)
 * </pre>
 * The input concatenates the modalities the data set has in the original's order audio, text, vision.
 *
 * <p>Child blocks: {@code lstm}, {@code temporalGraph} (3 relations), {@code speakerGraph} (S² relations),
 * {@code prediction}, {@code reconstruction}.
 */
public final class GcnetNetwork extends BaselineNetwork {
    /** The original's input order: {@code torch.cat([audio, text, visual])}. */
    public static final List<Modality> INPUT_ORDER = List.of(Modality.AUDIO, Modality.LANGUAGE, Modality.VISION);

    private final List<Modality> modalities = new ArrayList<>();
    private final int inputDim;
    private final StackedBiLstm lstm;
    private final GraphNetwork temporalGraph;
    private final GraphNetwork speakerGraph;
    private final Linear prediction;
    private final Linear reconstruction;

    /**
     * @param config the settings
     * @param schema the data set
     */
    public GcnetNetwork(GcnetConfig config, DatasetSchema schema) {
        super(schema, "GcnetModel");
        int dims = 0;
        for (Modality m : INPUT_ORDER) {
            if (schema.has(m)) {
                modalities.add(m);
                dims += schema.shape(m).dim();
            }
        }
        this.inputDim = dims;
        this.lstm = addChildBlock("lstm", StackedBiLstm.builder().setInputDim(inputDim).setHidden(config.hiddenDim())
                .optDropout(config.dropout()).build());
        this.temporalGraph = addChildBlock("temporalGraph", new GraphNetwork(lstm.outputDim(), config.graphDim(),
                ConversationGraph.Temporal.values().length, config.dropout()));
        this.speakerGraph = addChildBlock("speakerGraph", new GraphNetwork(lstm.outputDim(), config.graphDim(),
                config.speakers() * config.speakers(), config.dropout()));
        this.prediction = addChildBlock("prediction", Linear.builder().setUnits(schema.outputSize()).build());
        this.reconstruction = addChildBlock("reconstruction", Linear.builder().setUnits(inputDim).build());
    }

    /** The modalities of the utterance vector, in its order. */
    public List<Modality> modalities() {
        return Collections.unmodifiableList(modalities);
    }

    /** The width of the utterance vector {@code d_a + d_t + d_v}. */
    public int inputDim() {
        return inputDim;
    }

    /** The width {@code D_h} of the representation. */
    public int hiddenDim() {
        return temporalGraph.outputDim();
    }

    /**
     * The representation of every slot of the padded conversations.
     *
     * @param u        utterance vectors {@code (C, L, inputDim)}
     * @param mask     {@code (C, L)} slots holding a segment, or null for all
     * @param temporal the temporal graph
     * @param speaker  the speaker graph
     * @return {@code Z (C, L, D_h)}
     */
    public NDArray encode(ParameterStore ps, NDArray u, NDArray mask, GraphNetwork.Edges temporal, GraphNetwork.Edges speaker,
                          boolean training) {
        NDArray h = lstm.run(ps, u, mask, training);
        return temporalGraph.apply(ps, h, mask, temporal, training).add(speakerGraph.apply(ps, h, mask, speaker, training));
    }

    /** Predictions {@code (N, out)} from representations {@code (N, D_h)}. */
    public NDArray predict(ParameterStore ps, NDArray z, boolean training) {
        return Layers.apply(ps, prediction, z, training);
    }

    /** Reconstructed utterance vectors {@code (N, inputDim)} from representations {@code (N, D_h)}. */
    public NDArray reconstruct(ParameterStore ps, NDArray z, boolean training) {
        return Layers.apply(ps, reconstruction, z, training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        lstm.initialize(manager, dataType, new Shape(1, 1, inputDim));
        Shape h = new Shape(1, 1, lstm.outputDim());
        temporalGraph.initialize(manager, dataType, h);
        speakerGraph.initialize(manager, dataType, h);
        Shape z = new Shape(1, hiddenDim());
        prediction.initialize(manager, dataType, z);
        reconstruction.initialize(manager, dataType, z);
    }
}
