package io.github.umdf.baselines.selfmm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.github.umdf.baselines.BaselineNetwork;
import io.github.umdf.baselines.Readout;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.ModalityInputs;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/**
 * The Self-MM network (MMSA {@code models/multiTask/SELF_MM.py}): a {@link RecurrentSubnet} per
 * modality the data set has, the fusion head on their concatenation and a unimodal head per modality
 * ({@link PostHead}):
 * <pre>
 *   u_s = Subnet_s(X_s);   F_f, ŷ_M = FusionHead([u_t ‖ u_a ‖ u_v]);   F_s, ŷ_s = Head_s(u_s)
 * </pre>
 * Child blocks: {@code subnet_<modality>}, {@code fusionHead}, {@code head_<modality>}.
 */
public final class SelfMmNetwork extends BaselineNetwork {
    private final List<Modality> modalities;
    private final int fusedDim;
    private final EnumMap<Modality, RecurrentSubnet> subnets = new EnumMap<>(Modality.class);
    private final PostHead fusionHead;
    private final EnumMap<Modality, PostHead> heads = new EnumMap<>(Modality.class);
    private final SelfMmConfig config;

    /** The fusion readout and, when asked for, the unimodal ones. */
    public static final class Outputs {
        /** {@code F_f} and {@code ŷ_M}. */
        public final Readout fusion;
        /** Per modality {@code F_s} and {@code ŷ_s} (empty when not computed). */
        public final EnumMap<Modality, Readout> unimodal;

        Outputs(Readout fusion, EnumMap<Modality, Readout> unimodal) {
            this.fusion = fusion;
            this.unimodal = unimodal;
        }
    }

    /**
     * @param config the settings
     * @param schema the data set
     */
    public SelfMmNetwork(SelfMmConfig config, DatasetSchema schema) {
        super(schema, "SelfMmModel");
        this.config = config;
        this.modalities = new ArrayList<>(schema.modalities());
        int fused = 0;
        for (Modality m : modalities) {
            subnets.put(m, addChildBlock("subnet_" + m.key(), new RecurrentSubnet(schema.shape(m).dim(), config.subnetHidden(m),
                    config.subnetOut(m), config.subnetDropout(m))));
            fused += config.subnetOut(m);
        }
        this.fusedDim = fused;
        this.fusionHead = addChildBlock("fusionHead", new PostHead(fused, config.fusionDim(), schema.outputSize(), config.fusionDropout()));
        for (Modality m : modalities) {
            heads.put(m, addChildBlock("head_" + m.key(), new PostHead(config.subnetOut(m), config.headDim(m), schema.outputSize(),
                    config.headDropout(m))));
        }
    }

    /**
     * Runs the network.
     *
     * @param withUnimodal whether the unimodal heads run too (training only)
     */
    public Outputs forward(ParameterStore ps, ModalityInputs in, boolean withUnimodal, boolean training) {
        NDList parts = new NDList();
        EnumMap<Modality, Readout> unimodal = new EnumMap<>(Modality.class);
        for (Modality m : modalities) {
            NDArray u = subnets.get(m).encode(ps, in.features(m), in.valid(m), training); // (B, out_m)
            parts.add(u);
            if (withUnimodal) {
                unimodal.put(m, heads.get(m).apply(ps, u, training));
            }
        }
        NDArray fused = parts.size() == 1 ? parts.head() : NDArrays.concat(parts, 1);
        return new Outputs(fusionHead.apply(ps, fused, training), unimodal);
    }

    /** The modalities, in canonical order. */
    public List<Modality> modalities() {
        return java.util.Collections.unmodifiableList(modalities);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Modality m : modalities) {
            subnets.get(m).initialize(manager, dataType, new Shape(1, 1, schema.shape(m).dim()));
            heads.get(m).initialize(manager, dataType, new Shape(1, config.subnetOut(m)));
        }
        fusionHead.initialize(manager, dataType, new Shape(1, fusedDim));
    }
}
