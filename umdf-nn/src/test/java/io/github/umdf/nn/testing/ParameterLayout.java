package io.github.umdf.nn.testing;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The parameter layout of an initialised block: every parameter's name and shape, in the order DJL
 * saves and loads them. Saved models load only into a network of the same layout.
 */
public final class ParameterLayout {
    private ParameterLayout() {
    }

    /** One line {@code name shape} per parameter, in block order. */
    public static String of(Block block) {
        StringBuilder sb = new StringBuilder();
        for (Pair<String, Parameter> p : block.getParameters()) {
            sb.append(p.getKey()).append(' ').append(p.getValue().getArray().getShape()).append('\n');
        }
        return sb.toString();
    }

    /** The SHA-256 of {@link #of}, in hexadecimal. */
    public static String digest(Block block) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(of(block).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
