package io.github.umdf.baselines.smil;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * SMIL's reconstruction of a missing modality's feature from the k-means centres of that modality's
 * features (mengmenm/SMIL {@code models/soundlenet5.py}, {@code SoundLenet5New}, the {@code fc0}
 * branch, with {@code models/newencoder.py}'s {@code InferNetNew.fc0}):
 * <pre>
 *   w = softplus(W c + b)           (B, K)   weights over the centres, from the available features c
 *   r = (w C) / Σ_k w_k             (B, D)   the weighted mean of the centres C (K, D)
 * </pre>
 * The centres are a parameter without gradient ({@code centres}), set from the training data
 * ({@link #setCentres}) and saved with the network; they start at zero. Child block {@code scores}
 * ({@code W, b}).
 */
public final class CentreReconstruction extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int contextDim;
    private final Linear scores;
    private final Parameter centres;

    /**
     * @param contextDim width of the features it reconstructs from
     * @param clusters   number of centres {@code K}
     * @param featureDim width {@code D} of the reconstructed feature
     */
    public CentreReconstruction(int contextDim, int clusters, int featureDim) {
        super(VERSION);
        this.contextDim = contextDim;
        this.scores = addChildBlock("scores", Linear.builder().setUnits(clusters).build());
        this.centres = addParameter(Parameter.builder().setName("centres").setType(Parameter.Type.OTHER)
                .optShape(new Shape(clusters, featureDim)).optInitializer(new ConstantInitializer(0f)).optRequiresGrad(false).build());
    }

    /**
     * The softplus-weighted mean of the centres: {@code softplus(s) C / Σ_k softplus(s_k)}.
     *
     * @param scores  {@code (B, K)} unnormalised scores
     * @param centres {@code (K, D)}
     * @return {@code (B, D)}
     */
    public static NDArray mix(NDArray scores, NDArray centres) {
        NDArray w = Activation.softPlus(scores); // (B, K), positive
        return w.matMul(centres).div(w.sum(new int[] {1}, true)); // (B, D)
    }

    /**
     * @param context {@code (B, contextDim)} the features it reconstructs from
     * @return {@code (B, D)}
     */
    public NDArray reconstruct(ParameterStore ps, NDArray context, boolean training) {
        NDArray s = scores.forward(ps, new NDList(context), training).head();
        return mix(s, ps.getValue(centres, context.getDevice(), training));
    }

    /** The centres {@code (K, D)}. */
    public NDArray centres() {
        return centres.getArray();
    }

    /** Replaces the centres by {@code values}, {@code K} rows of {@code D} features. */
    public void setCentres(float[][] values) {
        NDArray target = centres.getArray();
        Shape shape = target.getShape();
        if (values.length != shape.get(0) || values[0].length != shape.get(1)) {
            throw new IllegalArgumentException("Expected " + shape.get(0) + " centres of " + shape.get(1) + " features, got "
                    + values.length + " of " + values[0].length);
        }
        float[] flat = new float[values.length * values[0].length];
        for (int c = 0; c < values.length; c++) {
            System.arraycopy(values[c], 0, flat, c * values[0].length, values[0].length);
        }
        try (NDManager scratch = target.getManager().newSubManager()) {
            target.subi(target).addi(scratch.create(flat, shape)); // in place: the parameter keeps its own memory, nothing left behind
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(reconstruct(ps, inputs.head(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), centres.getShape().get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        scores.initialize(manager, dataType, new Shape(1, contextDim));
    }
}
