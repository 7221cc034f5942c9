package io.github.umdf.nn.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import io.github.umdf.nn.data.DatasetSchema;

/**
 * How networks' parameters start: weights Glorot-uniform ({@code U(±sqrt(6 / (fan_in +
 * fan_out)))}, Xavier with averaged fans; every network but CubeMLP) or as PyTorch's linear layers
 * ({@code U(±1/sqrt(fan_in))}), biases zero, LayerNorm gains one; the root block is initialised with
 * one input shape {@code (1, T_m, d_m)} per modality of the schema, in canonical order. Draws come
 * from the engine's random state (seeded by the caller).
 */
public final class Initialization {
    private Initialization() {
    }

    /** Initialises {@code network} for {@code schema} on {@code manager}, weights Glorot-uniform. */
    public static void glorot(Block network, DatasetSchema schema, NDManager manager) {
        initialize(network, schema, manager, new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f));
    }

    /**
     * Initialises {@code network} for {@code schema} on {@code manager}, weights {@code U(±1/sqrt(fan_in))}:
     * PyTorch's default for {@code nn.Linear} ({@code kaiming_uniform_} with {@code a = √5}), for
     * networks whose original starts that way.
     */
    public static void pytorchDefault(Block network, DatasetSchema schema, NDManager manager) {
        initialize(network, schema, manager, new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.IN, 1f));
    }

    private static void initialize(Block network, DatasetSchema schema, NDManager manager, XavierInitializer weights) {
        network.setInitializer(weights, Parameter.Type.WEIGHT);
        Shape[] shapes = schema.modalities().stream()
                .map(m -> new Shape(1, schema.shape(m).length(), schema.shape(m).dim())).toArray(Shape[]::new);
        network.initialize(manager, DataType.FLOAT32, shapes);
    }
}
