package io.github.umdf.nn.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import io.github.umdf.nn.data.DatasetSchema;

/**
 * How every network's parameters start: weights Glorot-uniform ({@code U(±sqrt(6 / (fan_in +
 * fan_out)))}, Xavier with averaged fans), biases zero, LayerNorm gains one; the root block is
 * initialised with one input shape {@code (1, T_m, d_m)} per modality of the schema, in canonical
 * order. Draws come from the engine's random state (seeded by the caller).
 */
public final class Initialization {
    private Initialization() {
    }

    /** Initialises {@code network} for {@code schema} on {@code manager}. */
    public static void glorot(Block network, DatasetSchema schema, NDManager manager) {
        network.setInitializer(new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f),
                Parameter.Type.WEIGHT);
        Shape[] shapes = schema.modalities().stream()
                .map(m -> new Shape(1, schema.shape(m).length(), schema.shape(m).dim())).toArray(Shape[]::new);
        network.initialize(manager, DataType.FLOAT32, shapes);
    }
}
