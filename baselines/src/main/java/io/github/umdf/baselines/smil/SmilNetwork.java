package io.github.umdf.baselines.smil;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.github.umdf.baselines.BaselineNetwork;
import io.github.umdf.baselines.PackedRecurrence;
import io.github.umdf.baselines.Sequences;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.ModalityInputs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;

/**
 * The SMIL network for sequences. Per modality {@code m} an encoder (ours: an LSTM over the observed
 * frames, its outputs mean-pooled, {@code f_m (B, D)}) and a {@link CentreReconstruction} of
 * {@code f_m} from the other modalities' available features; then SMIL's fusion
 * ({@code SoundLenet5New.forward}, mode {@code 'one'} with noise layers {@code fc0, fc1, fc2}):
 * <pre>
 *   a_m = p_m f_m                                   p_m = 1 when m has an observed frame in the row, else 0
 *   x_m = a_m + (1 − p_m) r_m,   r_m = Recon_m([a_n]_{n≠m})
 *   x   = [x_l ‖ x_a ‖ x_v] + q softplus(P_x([a_l ‖ a_a ‖ a_v]) + ε)          (B, F)
 *   h   = ReLU(W_1 x + b_1) + q softplus(P_h(x) + ε)                           (B, H)
 *   ŷ   = W_2 dropout(h) + b_2
 * </pre>
 * with {@code q = 1 − Π_m p_m} (a row with every modality takes the original's complete path, mode
 * {@code 'two'}, without perturbations) and {@code ε ~ N(0, 1)} only in the inner (meta-train) pass
 * ({@code InferNetNew}'s {@code meta_train=True}). {@code P_x} and {@code P_h} are SMIL's regularisation
 * (feature perturbation) network, {@code InferNetNew.fc1} and {@code fc2}.
 *
 * <p>Child blocks: {@code encoder_<modality>}, {@code reconstruction_<modality>},
 * {@code perturbation_fused} ({@code P_x}), {@code perturbation_hidden} ({@code P_h}), {@code fusion}
 * ({@code W_1}), {@code output} ({@code W_2}).
 */
public final class SmilNetwork extends BaselineNetwork {
    private final SmilConfig config;
    private final List<Modality> modalities;
    private final int fusedDim;
    private final EnumMap<Modality, PackedRecurrence> encoders = new EnumMap<>(Modality.class);
    private final EnumMap<Modality, CentreReconstruction> reconstructions = new EnumMap<>(Modality.class);
    private final Linear perturbationFused;
    private final Linear perturbationHidden;
    private final Linear fusion;
    private final Linear output;

    /**
     * The fused features, the fusion layer's output and the prediction of a batch.
     *
     * @param features   {@code x (B, F)}: SMIL's {@code f}
     * @param hidden     {@code h (B, H)}: SMIL's {@code f1}
     * @param prediction {@code ŷ (B, out)}
     */
    public record Fused(NDArray features, NDArray hidden, NDArray prediction) {
    }

    /**
     * @param config the settings
     * @param schema the data set, with at least two modalities
     */
    public SmilNetwork(SmilConfig config, DatasetSchema schema) {
        super(schema, "SmilModel");
        this.config = config;
        this.modalities = new ArrayList<>(schema.modalities());
        if (modalities.size() < 2) {
            throw new IllegalArgumentException("SMIL reconstructs a missing modality from the others: it needs at least two modalities, "
                    + "the data set " + schema.name() + " has " + modalities);
        }
        int d = config.featureDim();
        for (Modality m : modalities) {
            encoders.put(m, addChildBlock("encoder_" + m.key(), PackedRecurrence.builder().setCell(PackedRecurrence.Cell.LSTM)
                    .setInputDim(schema.shape(m).dim()).setHidden(d).build()));
        }
        for (Modality m : modalities) {
            reconstructions.put(m, addChildBlock("reconstruction_" + m.key(),
                    new CentreReconstruction((modalities.size() - 1) * d, config.clusters(), d)));
        }
        this.fusedDim = modalities.size() * d;
        this.perturbationFused = addChildBlock("perturbation_fused", Linear.builder().setUnits(fusedDim).build());
        this.perturbationHidden = addChildBlock("perturbation_hidden", Linear.builder().setUnits(config.fusionDim()).build());
        this.fusion = addChildBlock("fusion", Linear.builder().setUnits(config.fusionDim()).build());
        this.output = addChildBlock("output", Linear.builder().setUnits(schema.outputSize()).build());
    }

    /** The modalities, in canonical order. */
    public List<Modality> modalities() {
        return Collections.unmodifiableList(modalities);
    }

    /** The reconstruction of a modality. */
    public CentreReconstruction reconstruction(Modality m) {
        return reconstructions.get(m);
    }

    /** Per modality {@code p_m (B, 1)}: 1 for rows where the modality has at least one observed frame. */
    public EnumMap<Modality, NDArray> presence(ModalityInputs in) {
        EnumMap<Modality, NDArray> out = new EnumMap<>(Modality.class);
        for (Modality m : modalities) {
            NDArray observed = Sequences.orOnes(in.observed(m), in.features(m)); // (B, T)
            out.put(m, observed.sum(new int[] {1}, true).gt(0f).toType(DataType.FLOAT32, false));
        }
        return out;
    }

    /** Per modality the feature {@code f_m (B, D)}: the LSTM's outputs averaged over the observed frames (zeros without any). */
    public EnumMap<Modality, NDArray> encode(ParameterStore ps, ModalityInputs in, boolean training) {
        EnumMap<Modality, NDArray> out = new EnumMap<>(Modality.class);
        for (Modality m : modalities) {
            NDArray observed = in.observed(m);
            NDArray states = encoders.get(m).run(ps, in.features(m), observed, training).sequence; // (B, T, D)
            out.put(m, Sequences.maskedMean(states, observed));
        }
        return out;
    }

    /**
     * The fusion of features under a presence pattern.
     *
     * @param features per modality {@code f_m (B, D)}
     * @param presence per modality {@code p_m (B, 1)}, 0 or 1
     * @param noise    whether the perturbations draw {@code ε} (the inner pass)
     */
    public Fused fuse(ParameterStore ps, EnumMap<Modality, NDArray> features, EnumMap<Modality, NDArray> presence, boolean noise,
                      boolean training) {
        EnumMap<Modality, NDArray> available = new EnumMap<>(Modality.class);
        NDArray complete = null;
        for (Modality m : modalities) {
            available.put(m, features.get(m).mul(presence.get(m))); // a_m (B, D)
            complete = complete == null ? presence.get(m) : complete.mul(presence.get(m));
        }
        NDArray incomplete = complete.neg().add(1f); // q (B, 1), a mask: no gradient
        NDList parts = new NDList();
        for (Modality m : modalities) {
            NDList others = new NDList();
            for (Modality n : modalities) {
                if (n != m) {
                    others.add(available.get(n));
                }
            }
            NDArray r = reconstructions.get(m).reconstruct(ps, NDArrays.concat(others, 1), training); // (B, D)
            parts.add(available.get(m).add(r.mul(presence.get(m).neg().add(1f))));
        }
        NDArray x = NDArrays.concat(parts, 1); // (B, F)
        NDArray a = NDArrays.concat(new NDList(available.values()), 1); // (B, F)
        x = x.add(perturbation(ps, perturbationFused, a, noise, training).mul(incomplete));
        NDArray h = Activation.relu(fusion.forward(ps, new NDList(x), training).head()); // (B, H)
        h = h.add(perturbation(ps, perturbationHidden, x, noise, training).mul(incomplete));
        NDArray in = training && config.dropout() > 0f ? Dropout.dropout(h, config.dropout(), true).head() : h;
        return new Fused(x, h, output.forward(ps, new NDList(in), training).head());
    }

    /** {@code softplus(P(input) + ε)}, {@code ε ~ N(0, 1)} when {@code noise}. */
    private static NDArray perturbation(ParameterStore ps, Linear layer, NDArray input, boolean noise, boolean training) {
        NDArray mu = layer.forward(ps, new NDList(input), training).head();
        if (noise) {
            mu = mu.add(input.getManager().randomNormal(mu.getShape()));
        }
        return Activation.softPlus(mu);
    }

    /**
     * The parameters of the inner (meta-train) update: the encoders, the fusion and the output layer
     * (the original updates its image extractor and fusion layers, not the auxiliary
     * {@code InferNetNew}).
     */
    public List<Parameter> innerParameters() {
        List<Parameter> out = new ArrayList<>();
        for (Modality m : modalities) {
            trainable(encoders.get(m), out);
        }
        trainable(fusion, out);
        trainable(output, out);
        return out;
    }

    /** Every parameter that takes gradients. */
    public List<Parameter> trainableParameters() {
        List<Parameter> out = new ArrayList<>();
        trainable(this, out);
        return out;
    }

    private static void trainable(Block block, List<Parameter> out) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                out.add(p.getValue());
            }
        }
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        int d = config.featureDim();
        for (Modality m : modalities) {
            encoders.get(m).initialize(manager, dataType, new Shape(1, 1, schema.shape(m).dim()));
            reconstructions.get(m).initialize(manager, dataType, new Shape(1, (modalities.size() - 1) * d));
        }
        perturbationFused.initialize(manager, dataType, new Shape(1, fusedDim));
        perturbationHidden.initialize(manager, dataType, new Shape(1, fusedDim));
        fusion.initialize(manager, dataType, new Shape(1, fusedDim));
        output.initialize(manager, dataType, new Shape(1, config.fusionDim()));
    }
}
