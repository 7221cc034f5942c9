package io.github.umdf.nn.random;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * Random streams that are pure functions of a key. The key's parts are joined with a separator,
 * hashed with SHA-256, and the first 8 bytes (big-endian) seed a {@link SplittableRandom}
 * (SplitMix64, specified in its Javadoc and stable across JDKs). Nothing random lives in global
 * state: the same key gives the same stream in every process, model and rerun.
 */
public final class KeyedRandom {
    private KeyedRandom() {
    }

    /** The 64-bit seed of a key. */
    public static long seedOf(Object... parts) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder sb = new StringBuilder("umdf");
        for (Object p : parts) {
            sb.append('\u001f').append(p instanceof Double ? Double.toString((Double) p) : String.valueOf(p));
        }
        byte[] h = md.digest(sb.toString().getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(h, 0, 8).getLong();
    }

    /** A random stream keyed by the given parts. */
    public static SplittableRandom of(Object... parts) {
        return new SplittableRandom(seedOf(parts));
    }
}
