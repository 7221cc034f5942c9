package io.github.umdf.nn.umdf;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.github.umdf.nn.block.PredictionHead;
import io.github.umdf.nn.block.TemporalResampler;
import io.github.umdf.nn.block.TransformerEncoder;
import io.github.umdf.nn.data.DatasetSchema;
import io.github.umdf.nn.data.Modality;
import io.github.umdf.nn.model.ModalityInputs;
import io.github.umdf.nn.model.ParameterCounts;
import io.github.umdf.nn.ops.Masks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The UMDF network (paper Figure 1): {@link Mcim} over the modality projections, the joint
 * representation {@code H = TransformerEncoder([Z_L^h ‖ Z_A^h ‖ Z_V^h])}, the stream fusion
 * ({@link Dfim}, or a concatenation in the ablation), {@code H̄ = TransformerEncoder(H_e)}, the
 * prediction MLP on the last valid step of {@code H̄}, and the shared head {@code f_y} on the last
 * valid step of {@code H} for logits distillation.
 *
 * <p>Unaligned streams are resampled to the reference (language) length before the feature-wise
 * concatenation (SPEC D3). The time steps of the joint sequence are valid where any modality's
 * resampled frames are valid; "last valid step" respects that (SPEC: lengths and padding side).
 */
public final class UmdfNetwork extends AbstractBlock {
    private static final byte VERSION = 1;

    private final UmdfConfig config;
    private final DatasetSchema schema;
    private final List<Modality> modalities;
    private final Modality reference;
    private final int jointDim;
    private final Mcim mcim;
    private final TransformerEncoder jointEncoder;
    private final StreamFusion fusion;
    private final TransformerEncoder fusedEncoder;
    private final PredictionHead head;
    private final Linear logitsHead;

    /** The joint representation of a batch. */
    public static final class Encoded {
        /** {@code H (N, T, D)}. */
        public final NDArray h;
        /** Validity of the joint steps {@code (N, T)}, or null when all are valid. */
        public final NDArray valid;
        /** One-hot {@code (N, T)} of the last valid step. */
        public final NDArray last;

        Encoded(NDArray h, NDArray valid, NDArray last) {
            this.h = h;
            this.valid = valid;
            this.last = last;
        }
    }

    /**
     * @param config the settings
     * @param schema the data set: modalities with shapes, outputs
     */
    public UmdfNetwork(UmdfConfig config, DatasetSchema schema) {
        super(VERSION);
        this.config = config;
        this.schema = schema;
        this.modalities = new ArrayList<>(schema.modalities());
        this.reference = schema.has(Modality.LANGUAGE) ? Modality.LANGUAGE : modalities.get(0);
        this.jointDim = config.jointDim(schema);
        Mcim.Builder mcimBuilder = Mcim.builder();
        for (Modality m : modalities) {
            mcimBuilder.addModality(m, schema.shape(m).dim());
        }
        int encoderHeads = config.encoderHeads(schema);
        this.mcim = addChildBlock("mcim", mcimBuilder.setDim(config.modelDim()).setHeads(config.heads()).setDepth(config.depth())
                .optProjectionKernel(config.projectionKernel()).optCrossmodal(config.useMcim()).optKeySource(config.keySource())
                .optEmbedDropout(config.embedDropout())
                .optAttentionDropout(Modality.LANGUAGE, config.attnDropoutLanguage())
                .optAttentionDropout(Modality.AUDIO, config.attnDropoutAudio())
                .optAttentionDropout(Modality.VISION, config.attnDropoutVision())
                .optAttentionDropoutUnit(config.attnDropoutUnit())
                .optReluDropout(config.reluDropout()).optResidualDropout(config.resDropout()).optNorm(config.norm())
                .optFineResidual(config.fineResidual()).build());
        this.jointEncoder = addChildBlock("jointEncoder", encoder(config, encoderHeads));
        this.fusion = config.useDfim()
                ? addChildBlock("dfim", new Dfim(jointDim, config.gateKernel()))
                : addChildBlock("concatFusion", new ConcatFusion(jointDim));
        this.fusedEncoder = addChildBlock("fusedEncoder", encoder(config, encoderHeads));
        this.head = addChildBlock("predictionHead", new PredictionHead(jointDim, schema.outputSize(), config.outDropout()));
        // D9: f_y is its own linear layer, or (sharedLogitsHead) the prediction head itself
        this.logitsHead = config.sharedLogitsHead() ? null : addChildBlock("logitsHead", Linear.builder().setUnits(schema.outputSize()).build());
    }

    /** A transformer encoder over the joint width: {@code H}'s and {@code H̄}'s. */
    private TransformerEncoder encoder(UmdfConfig config, int heads) {
        return TransformerEncoder.builder().setDim(jointDim).setHeads(heads).setDepth(config.encoderLayers())
                .optAttentionDropout(config.encoderAttnDropout()).optAttentionDropoutUnit(config.attnDropoutUnit())
                .optReluDropout(config.reluDropout())
                .optResidualDropout(config.resDropout()).optNorm(config.norm()).build();
    }

    /** MCIM and the joint encoder: {@code H} with its validity and last valid step. */
    public Encoded encode(ParameterStore ps, ModalityInputs in, boolean training) {
        Map<Modality, NDArray> features = new EnumMap<>(Modality.class);
        Map<Modality, NDArray> keyMasks = new EnumMap<>(Modality.class);
        for (Modality m : modalities) {
            features.put(m, in.features(m));
            NDArray mask = config.maskMissingKeys() ? in.observed(m) : in.valid(m);
            if (mask != null) {
                keyMasks.put(m, mask);
            }
        }
        EnumMap<Modality, NDArray> zh = mcim.forward(ps, features, keyMasks, training);
        int tRef = schema.shape(reference).length();
        NDList parts = new NDList();
        NDArray valid = null;
        boolean allValid = true;
        List<NDArray> valids = new ArrayList<>();
        for (Modality m : modalities) {
            TemporalResampler.Resampled r = TemporalResampler.resample(config.resampling(), zh.get(m), in.valid(m), tRef);
            parts.add(r.sequence());
            valids.add(r.valid());
            allValid &= r.valid() == null;
        }
        NDArray joint = NDArrays.concat(parts, 2); // (N, T_ref, |M| d)
        if (!allValid) {
            for (NDArray v : valids) {
                NDArray vv = v != null ? v : joint.getManager().ones(new Shape(joint.getShape().get(0), tRef));
                valid = valid == null ? vv : valid.maximum(vv);
            }
        }
        NDArray h = jointEncoder.forward(ps, joint, valid, training);
        NDArray last = Masks.lastValidOneHot(valid != null ? valid : h.getManager().ones(new Shape(h.getShape().get(0), tRef)));
        return new Encoded(h, valid, last);
    }

    /**
     * {@code f_y}: the logits head on the last valid step of {@code H}, {@code (N, out)}: a linear layer of its
     * own (D9's default), or the prediction head that reads {@code H̄} ({@link UmdfConfig#sharedLogitsHead()}).
     */
    public NDArray logits(ParameterStore ps, Encoded e, boolean training) {
        if (logitsHead == null) {
            return predictFrom(ps, e.h, e.last, training);
        }
        return logitsHead.forward(ps, new NDList(Masks.selectStep(e.h, e.last)), training).head();
    }

    /** The fused encoder over {@code H_e}: {@code H̄ (N, T, D)}. */
    public NDArray encodeFused(ParameterStore ps, NDArray he, NDArray valid, boolean training) {
        return fusedEncoder.forward(ps, he, valid, training);
    }

    /** The prediction MLP on the last valid step of {@code H̄}: {@code (N, out)}. */
    public NDArray predictFrom(ParameterStore ps, NDArray hbar, NDArray last, boolean training) {
        return head.forward(ps, new NDList(Masks.selectStep(hbar, last)), training).head();
    }

    /** The stream fusion (DFIM or the ablation's concatenation). */
    public StreamFusion fusion() {
        return fusion;
    }

    /**
     * Number of parameters per component, in network order: one entry per child block named as it was
     * added, MCIM broken down by {@link Mcim#parameterCounts()} under {@code mcim.}.
     */
    public Map<String, Long> parameterCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Pair<String, Block> child : ParameterCounts.children(this)) {
            if (child.getValue() == mcim) {
                mcim.parameterCounts().forEach((component, n) -> counts.merge(child.getKey() + "." + component, n, Long::sum));
            } else {
                counts.merge(child.getKey(), ParameterCounts.of(child.getValue()), Long::sum);
            }
        }
        return counts;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("Use UmdfModel.predict/loss, which take ModalityInputs");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), schema.outputSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape[] shapes = modalities.stream().map(m -> new Shape(1, schema.shape(m).length(), schema.shape(m).dim()))
                .toArray(Shape[]::new);
        mcim.initialize(manager, dataType, shapes);
        Shape joint = new Shape(1, 1, jointDim);
        jointEncoder.initialize(manager, dataType, joint);
        ((AbstractBlock) fusion).initialize(manager, dataType, joint, joint);
        fusedEncoder.initialize(manager, dataType, joint);
        head.initialize(manager, dataType, new Shape(1, jointDim));
        if (logitsHead != null) {
            logitsHead.initialize(manager, dataType, new Shape(1, jointDim));
        }
    }

    public UmdfConfig config() {
        return config;
    }

    public DatasetSchema schema() {
        return schema;
    }
}
