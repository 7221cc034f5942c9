package io.github.umdf.baselines.cubemlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineNetwork;
import io.github.umdf.baselines.Readout;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.ops.Layers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;

/**
 * The CubeMLP network (kiva12138/CubeMLP {@code Model.py}, {@code MLPProcess.py}):
 * <pre>
 *   u_t = W_t X_t                                  (B, T, D)   text: linear, no bias
 *   u_m = ReLU(LN(Σ_dir BiGRU_m(X_m)))             (B, T, D)   audio, vision ({@link RecurrentEncoder})
 *   x   = stack(drop(u_t), drop(u_a), drop(u_v))   (B, T, K, D)  the cube, modality axis in canonical order
 *   y   = Block_2(Block_1(x))                      (B, T2, K, D2)  {@link CubeMixingBlock}s
 *   f   = concat_k mean_t y                        (B, K·D2)   the joint representation
 *   ŷ   = Linear(f)                                (B, out)    or Linear(Dropout(ReLU(Linear_128(f)))) when K·D2 > 128
 * </pre>
 * {@code T} is the language length (the first modality's without language); audio and vision of
 * another length are resampled to it after their recurrence. The mean over time runs over all
 * {@code T2} steps, as the original's ({@code features_compose_t='mean'}, no mask), and the modalities
 * are concatenated ({@code features_compose_k='cat'}).
 *
 * <p>Child blocks: {@code projection_language} or {@code encoder_<modality>} per modality,
 * {@code mixing1}, {@code mixing2}, ({@code classifierHidden},) {@code classifier}.
 */
public final class CubeMlpNetwork extends BaselineNetwork {
    /** The original builds a one-layer classifier up to this fused width, a two-layer one of this width above it. */
    static final int CLASSIFIER_WIDTH = 128;

    private final CubeMlpConfig config;
    private final List<Modality> modalities;
    private final int steps;
    private final int fusedDim;
    private final EnumMap<Modality, Linear> projections = new EnumMap<>(Modality.class);
    private final EnumMap<Modality, RecurrentEncoder> encoders = new EnumMap<>(Modality.class);
    private final CubeMixingBlock mixing1;
    private final CubeMixingBlock mixing2;
    private final Linear classifierHidden;
    private final Linear classifier;

    /**
     * @param config the settings
     * @param schema the data set
     */
    public CubeMlpNetwork(CubeMlpConfig config, DatasetSchema schema) {
        super(schema, "CubeMlpModel");
        this.config = config;
        this.modalities = new ArrayList<>(schema.modalities());
        Modality reference = schema.has(Modality.LANGUAGE) ? Modality.LANGUAGE : modalities.get(0);
        this.steps = schema.shape(reference).length();
        int k = modalities.size();
        int d = config.commonDim();
        for (Modality m : modalities) {
            if (m == Modality.LANGUAGE) {
                projections.put(m, addChildBlock("projection_" + m.key(), Linear.builder().setUnits(d).optBias(false).build()));
            } else {
                encoders.put(m, addChildBlock("encoder_" + m.key(), RecurrentEncoder.builder().setInputDim(schema.shape(m).dim())
                        .setHidden(d).optLayers(config.gruLayers()).build()));
            }
        }
        int[] times = config.timeSizes(steps);
        int[] features = config.featureSizes();
        this.mixing1 = addChildBlock("mixing1", new CubeMixingBlock(new int[] {steps, k, d}, new int[] {times[0], k, features[0]},
                config.mixingDropout()));
        this.mixing2 = addChildBlock("mixing2", new CubeMixingBlock(new int[] {times[0], k, features[0]},
                new int[] {times[1], k, features[1]}, config.mixingDropout()));
        this.fusedDim = k * features[1];
        this.classifierHidden = fusedDim > CLASSIFIER_WIDTH
                ? addChildBlock("classifierHidden", Linear.builder().setUnits(CLASSIFIER_WIDTH).build()) : null;
        this.classifier = addChildBlock("classifier", Linear.builder().setUnits(schema.outputSize()).build());
    }

    /** The joint representation {@code f (B, K·D2)} and the predictions. */
    public Readout forward(ParameterStore ps, ModalityInputs in, boolean training) {
        NDList unimodal = new NDList(modalities.size());
        for (Modality m : modalities) {
            NDArray u = m == Modality.LANGUAGE
                    ? Layers.apply(ps, projections.get(m), in.features(m), training)
                    : encoders.get(m).encode(ps, in.features(m), in.valid(m), steps, training);
            unimodal.add(Layers.dropout(u, config.featureDropout(), training)); // (B, T, D)
        }
        NDArray cube = NDArrays.stack(unimodal, 2); // (B, T, K, D)
        NDArray y = mixing2.mix(ps, mixing1.mix(ps, cube, training), training); // (B, T2, K, D2)
        NDArray fused = y.mean(new int[] {1}).reshape(y.getShape().get(0), fusedDim); // modalities concatenated
        NDArray h = fused;
        if (classifierHidden != null) {
            h = Layers.dropout(Activation.relu(Layers.apply(ps, classifierHidden, h, training)), config.classifierDropout(), training);
        }
        return new Readout(fused, Layers.apply(ps, classifier, h, training));
    }

    /** The modalities, in the order of the cube's modality axis. */
    public List<Modality> modalities() {
        return Collections.unmodifiableList(modalities);
    }

    /** The cube's time axis {@code T}. */
    public int steps() {
        return steps;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Modality m : modalities) {
            Shape s = new Shape(1, 1, schema.shape(m).dim());
            if (m == Modality.LANGUAGE) {
                projections.get(m).initialize(manager, dataType, s);
            } else {
                encoders.get(m).initialize(manager, dataType, s);
            }
        }
        int k = modalities.size();
        mixing1.initialize(manager, dataType, new Shape(1, steps, k, config.commonDim()));
        mixing2.initialize(manager, dataType, new Shape(1, config.timeSizes(steps)[0], k, config.featureSizes()[0]));
        if (classifierHidden != null) {
            classifierHidden.initialize(manager, dataType, new Shape(1, fusedDim));
            classifier.initialize(manager, dataType, new Shape(1, CLASSIFIER_WIDTH));
        } else {
            classifier.initialize(manager, dataType, new Shape(1, fusedDim));
        }
    }
}
