package io.github.umdf.nn.testing;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test helpers for NDArrays and blocks. */
public final class Tensors {
    static {
        System.setProperty("ai.djl.offline", "true");
    }

    private Tensors() {
    }

    /** The engine, offline, with a fixed random seed. */
    public static Engine engine(int seed) {
        Engine e = Engine.getInstance();
        e.setRandomSeed(seed);
        return e;
    }

    /** A parameter name without DJL's two-digit child prefixes ({@code 01query_weight} → {@code query_weight}). */
    public static String plainName(String name) {
        return name.replaceAll("(^|_)\\d\\d", "$1");
    }

    /** Sets a parameter of {@code block}, named without DJL's child prefixes, to the given values. */
    public static void setParameter(Block block, String name, float... values) {
        Parameter p = null;
        for (ai.djl.util.Pair<String, Parameter> e : block.getParameters()) {
            if (plainName(e.getKey()).equals(name)) {
                p = e.getValue();
            }
        }
        if (p == null) {
            throw new IllegalArgumentException("No parameter " + name + " in " + block.getParameters().keys());
        }
        assertEquals(p.getArray().size(), values.length, "values for " + name);
        p.getArray().set(values);
    }

    /** Asserts two arrays have the same shape and values within {@code tol}. */
    public static void assertClose(NDArray expected, NDArray actual, double tol) {
        assertEquals(expected.getShape(), actual.getShape(), "shape");
        float[] e = expected.toFloatArray();
        float[] a = actual.toFloatArray();
        double max = 0;
        for (int i = 0; i < e.length; i++) {
            max = Math.max(max, Math.abs(e[i] - a[i]));
        }
        if (max > tol) {
            throw new AssertionError("max |difference| " + max + " > " + tol);
        }
    }

    /** Asserts values within {@code tol}. */
    public static void assertValues(float[] expected, NDArray actual, double tol) {
        assertArrayEquals(expected, actual.toFloatArray(), (float) tol);
    }
}
