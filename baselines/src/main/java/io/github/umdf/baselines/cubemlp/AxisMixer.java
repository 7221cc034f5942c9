package io.github.umdf.baselines.cubemlp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.github.umdf.nn.block.BuilderChecks;
import io.github.umdf.nn.ops.Layers;

/**
 * One of CubeMLP's three MLPs (kiva12138/CubeMLP {@code MLPProcess.py}, {@code MLPsBlock} with
 * {@code ln_first} and {@code res_project}): an MLP applied along one axis of a cube
 * {@code x (B, T, K, D)} (time, modality or feature), to every vector along that axis separately.
 * With {@code v} such a vector of length {@code n}:
 * <pre>
 *   v' = W_r v + dropout(W_2 GELU(W_1 LN(v) + b_1) + b_2)        (length m)
 * </pre>
 * {@code LN} a layer norm over the {@code n} entries of {@code v} (epsilon 1e-6), {@code W_1 (h x n)},
 * {@code W_2 (m x h)} with biases, {@code W_r (m x n)} the residual projection without bias, GELU the
 * exact one ({@code F.gelu}). The other two axes are untouched: entry {@code (t, k, d)} of the output
 * depends only on the input vector through it along the mixed axis. The axis is brought last, mixed
 * and put back.
 *
 * <p>Child blocks: {@code norm}, {@code fc1}, {@code fc2}, {@code residual}. Built as DJL's blocks
 * are: {@code AxisMixer.builder().setAxis(1).setInputSize(50).setOutputSize(25).optDropout(0.1f).build()}.
 */
public final class AxisMixer extends AbstractBlock {
    private static final byte VERSION = 1;
    /** The last axis of a cube {@code (B, T, K, D)}. */
    private static final int LAST = 3;

    private final int axis;
    private final int inputSize;
    private final int hiddenSize;
    private final int outputSize;
    private final float dropout;
    private final LayerNorm norm;
    private final Linear fc1;
    private final Linear fc2;
    private final Linear residual;

    private AxisMixer(Builder builder) {
        super(VERSION);
        this.axis = builder.axis;
        this.inputSize = builder.inputSize;
        this.outputSize = builder.outputSize;
        this.hiddenSize = builder.hiddenSize != null ? builder.hiddenSize : builder.outputSize;
        this.dropout = builder.dropout;
        this.norm = addChildBlock("norm", LayerNorm.builder().axis(LAST).optEpsilon(1e-6f).build());
        this.fc1 = addChildBlock("fc1", Linear.builder().setUnits(hiddenSize).build());
        this.fc2 = addChildBlock("fc2", Linear.builder().setUnits(outputSize).build());
        this.residual = addChildBlock("residual", Linear.builder().setUnits(outputSize).optBias(false).build());
    }

    /** A builder: {@link Builder#setAxis}, {@link Builder#setInputSize} and {@link Builder#setOutputSize} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Mixes along the axis.
     *
     * @param x {@code (B, T, K, D)} with {@code inputSize} entries along the axis
     * @return the same shape with {@code outputSize} entries along the axis
     */
    public NDArray mix(ParameterStore ps, NDArray x, boolean training) {
        NDArray v = x.swapAxes(axis, LAST); // the mixed axis last; the other two keep their places
        NDArray h = Layers.apply(ps, fc1, Layers.apply(ps, norm, v, training), training);
        h = Layers.apply(ps, fc2, Activation.gelu(h), training);
        NDArray out = Layers.dropout(h, dropout, training).add(Layers.apply(ps, residual, v, training));
        return out.swapAxes(axis, LAST);
    }

    /** The mixed axis: 1 time, 2 modality, 3 feature. */
    public int axis() {
        return axis;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(mix(ps, inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long[] dims = inputShapes[0].getShape();
        dims[axis] = outputSize;
        return new Shape[] {new Shape(dims)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = new Shape(1, 1, 1, inputSize);
        norm.initialize(manager, dataType, in);
        fc1.initialize(manager, dataType, in);
        fc2.initialize(manager, dataType, new Shape(1, 1, 1, hiddenSize));
        residual.initialize(manager, dataType, in);
    }

    /** The settings of an {@link AxisMixer}. */
    public static final class Builder {
        private Integer axis;
        private Integer inputSize;
        private Integer hiddenSize;
        private Integer outputSize;
        private float dropout;

        private Builder() {
        }

        /** The axis of {@code (B, T, K, D)} to mix along: 1 time, 2 modality, 3 feature; required. */
        public Builder setAxis(int axis) {
            this.axis = axis;
            return this;
        }

        /** Entries along the axis on input; required. */
        public Builder setInputSize(int size) {
            this.inputSize = size;
            return this;
        }

        /** Entries along the axis on output; required. */
        public Builder setOutputSize(int size) {
            this.outputSize = size;
            return this;
        }

        /** Width of the MLP's hidden layer; default the output size (the original's published run). */
        public Builder optHiddenSize(int size) {
            this.hiddenSize = size;
            return this;
        }

        /** Dropout on the MLP's output; default 0. */
        public Builder optDropout(float rate) {
            this.dropout = rate;
            return this;
        }

        /** The mixer; throws {@link IllegalArgumentException} naming an invalid or missing setting. */
        public AxisMixer build() {
            String block = "AxisMixer";
            BuilderChecks.check(axis != null && axis >= 1 && axis <= LAST, block, "setAxis", "1 (time), 2 (modality) or 3 (feature)", axis);
            BuilderChecks.positive(block, "setInputSize", inputSize);
            BuilderChecks.positive(block, "setOutputSize", outputSize);
            if (hiddenSize != null) {
                BuilderChecks.positive(block, "optHiddenSize", hiddenSize);
            }
            BuilderChecks.rate(block, "optDropout", dropout);
            return new AxisMixer(this);
        }
    }
}
