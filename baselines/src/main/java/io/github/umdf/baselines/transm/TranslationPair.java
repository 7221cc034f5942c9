package io.github.umdf.baselines.transm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.block.SinusoidalPositions;

/**
 * One translation pair (text, m) of TransModality (keras_transformer {@code double_trans_modality_part}):
 * <pre>
 *   E1 = Encoder(d_t + PE)                      (B, T_t, d)
 *   D1 = Decoder(d_m + PE, E1)                  forward translation states (B, T_m, d)
 *   X̂_m = Linear_{d_m}(D1)
 *   E2 = Encoder(D1 + PE)                       (B, T_m, d)
 *   D2 = Decoder(d_t + PE, E2)                  backward translation states (B, T_t, d)
 *   X̂_t = Linear_{d_t}(D2)
 * </pre>
 * {@code PE} is the sinusoidal positional encoding (keras-pos-embd {@code TrigPosEmbedding}, added).
 * The forward decoder reads the embedding of the ground-truth target (a missing one is zeros);
 * encoders and decoders have separate weights per direction. Outputs are linear [adapt]: the
 * original's ReLU cannot produce negative features.
 */
public final class TranslationPair extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int dim;
    private final TransformerStack forwardEncoder;
    private final TransformerStack forwardDecoder;
    private final Linear forwardOutput;
    private final TransformerStack backwardEncoder;
    private final TransformerStack backwardDecoder;
    private final Linear backwardOutput;

    /** The encoder states and translations of a batch. */
    public static final class Result {
        /** {@code E1 (B, T_t, d)}. */
        public final NDArray forwardEncoded;
        /** {@code E2 (B, T_m, d)}. */
        public final NDArray backwardEncoded;
        /** {@code X̂_m (B, T_m, d_m)}. */
        public final NDArray forwardTranslation;
        /** {@code X̂_t (B, T_t, d_t)}. */
        public final NDArray backwardTranslation;

        Result(NDArray forwardEncoded, NDArray backwardEncoded, NDArray forwardTranslation, NDArray backwardTranslation) {
            this.forwardEncoded = forwardEncoded;
            this.backwardEncoded = backwardEncoded;
            this.forwardTranslation = forwardTranslation;
            this.backwardTranslation = backwardTranslation;
        }
    }

    /**
     * @param config    the settings (layers, width, heads, dropout)
     * @param ffnDim    the pair's feed-forward width
     * @param sourceDim raw features of the text {@code d_t}
     * @param targetDim raw features of the target {@code d_m}
     */
    public TranslationPair(TransmConfig config, int ffnDim, int sourceDim, int targetDim) {
        super(VERSION);
        this.dim = config.modelDim();
        this.forwardEncoder = addChildBlock("forwardEncoder", stack(config, ffnDim, false));
        this.forwardDecoder = addChildBlock("forwardDecoder", stack(config, ffnDim, true));
        this.forwardOutput = addChildBlock("forwardOutput", Linear.builder().setUnits(targetDim).build());
        this.backwardEncoder = addChildBlock("backwardEncoder", stack(config, ffnDim, false));
        this.backwardDecoder = addChildBlock("backwardDecoder", stack(config, ffnDim, true));
        this.backwardOutput = addChildBlock("backwardOutput", Linear.builder().setUnits(sourceDim).build());
    }

    /** An encoder stack (no cross-attention) or a decoder stack of the configured depth. */
    private static TransformerStack stack(TransmConfig config, int ffnDim, boolean decoder) {
        return TransformerStack.builder().setDepth(decoder ? config.decoderLayers() : config.encoderLayers())
                .setDim(config.modelDim()).setHeads(config.heads()).setFfnDim(ffnDim).optDropout(config.transformerDropout())
                .optCrossAttention(decoder).build();
    }

    /**
     * @param source     the text embedding {@code d_t (B, T_t, d)}
     * @param sourceMask {@code (B, T_t)} text frames that take part, or null
     * @param target     the target embedding {@code d_m (B, T_m, d)}
     * @param targetMask {@code (B, T_m)} or null
     */
    public Result translate(ParameterStore ps, NDArray source, NDArray sourceMask, NDArray target, NDArray targetMask,
                            boolean training) {
        NDArray main = positioned(source);
        NDArray e1 = forwardEncoder.forward(ps, main, sourceMask, null, null, training);
        NDArray d1 = forwardDecoder.forward(ps, positioned(target), targetMask, e1, sourceMask, training);
        NDArray e2 = backwardEncoder.forward(ps, positioned(d1), targetMask, null, null, training);
        NDArray d2 = backwardDecoder.forward(ps, main, sourceMask, e2, targetMask, training);
        return new Result(e1, e2, forwardOutput.forward(ps, new NDList(d1), training).head(),
                backwardOutput.forward(ps, new NDList(d2), training).head());
    }

    private NDArray positioned(NDArray x) {
        return x.add(SinusoidalPositions.create(x.getManager(), (int) x.getShape().get(1), dim));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException("Use TranslationPair.translate(ps, source, sourceMask, target, targetMask, training)");
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0], inputShapes[1]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = new Shape(1, 1, dim);
        forwardEncoder.initialize(manager, dataType, s);
        forwardDecoder.initialize(manager, dataType, s);
        forwardOutput.initialize(manager, dataType, s);
        backwardEncoder.initialize(manager, dataType, s);
        backwardDecoder.initialize(manager, dataType, s);
        backwardOutput.initialize(manager, dataType, s);
    }
}
