package io.github.umdf.baselines.cubemlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One CubeMLP block (kiva12138/CubeMLP {@code MLPProcess.py}, {@code MLPsBlock.forward_ln_first}):
 * three {@link AxisMixer}s one after the other, along time, then modality, then feature,
 * {@code (B, T, K, D) -> (B, T', K', D')}:
 * <pre>
 *   x1 = Mix_time(x);   x2 = Mix_modality(x1);   y = Mix_feature(x2)
 * </pre>
 * Child blocks: {@code time}, {@code modality}, {@code feature}.
 */
public final class CubeMixingBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    private final long[] inputSizes;
    private final AxisMixer time;
    private final AxisMixer modality;
    private final AxisMixer feature;

    /**
     * @param inputSizes  {@code [T, K, D]} on input
     * @param outputSizes {@code [T', K', D']} on output (each MLP's hidden width is its output size)
     * @param dropout     dropout on each MLP's output
     */
    public CubeMixingBlock(int[] inputSizes, int[] outputSizes, float dropout) {
        super(VERSION);
        if (inputSizes.length != 3 || outputSizes.length != 3) {
            throw new IllegalArgumentException("CubeMixingBlock: expected [time, modality, feature] sizes, found "
                    + java.util.Arrays.toString(inputSizes) + " and " + java.util.Arrays.toString(outputSizes));
        }
        this.inputSizes = new long[] {inputSizes[0], inputSizes[1], inputSizes[2]};
        this.time = addChildBlock("time", mixer(1, inputSizes, outputSizes, dropout));
        this.modality = addChildBlock("modality", mixer(2, inputSizes, outputSizes, dropout));
        this.feature = addChildBlock("feature", mixer(3, inputSizes, outputSizes, dropout));
    }

    private static AxisMixer mixer(int axis, int[] in, int[] out, float dropout) {
        return AxisMixer.builder().setAxis(axis).setInputSize(in[axis - 1]).setOutputSize(out[axis - 1]).optDropout(dropout).build();
    }

    /** {@code x (B, T, K, D)} mixed along time, modality and feature: {@code (B, T', K', D')}. */
    public NDArray mix(ParameterStore ps, NDArray x, boolean training) {
        return feature.mix(ps, modality.mix(ps, time.mix(ps, x, training), training), training);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(mix(ps, inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return feature.getOutputShapes(modality.getOutputShapes(time.getOutputShapes(inputShapes)));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, inputSizes[0], inputSizes[1], inputSizes[2]);
        time.initialize(manager, dataType, in);
        Shape afterTime = time.getOutputShapes(new Shape[] {in})[0];
        modality.initialize(manager, dataType, afterTime);
        feature.initialize(manager, dataType, modality.getOutputShapes(new Shape[] {afterTime})[0]);
    }
}
