package io.github.umdf.nn.data.npz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Hand-built {@code .npy} bytes for tests. */
final class NpyTestBytes {
    private NpyTestBytes() {
    }

    /**
     * A header with the given dict text, padded to {@code align} bytes, and the given data.
     *
     * @param major format major version (1: u2 length; 2, 3: u4 length)
     */
    static byte[] npy(int major, String dict, int align, byte[] data) {
        byte[] body = dict.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        int prefix = 8 + (major == 1 ? 2 : 4);
        int hlen = body.length + 1;
        int pad = (align - (prefix + hlen) % align) % align;
        int total = hlen + pad;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        out.write(total & 0xFF);
        out.write((total >>> 8) & 0xFF);
        if (major != 1) {
            out.write((total >>> 16) & 0xFF);
            out.write((total >>> 24) & 0xFF);
        }
        out.writeBytes(body);
        for (int i = 0; i < pad; i++) {
            out.write(' ');
        }
        out.write('\n');
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] npy(String dict) {
        return npy(1, dict, 64, new byte[0]);
    }
}
