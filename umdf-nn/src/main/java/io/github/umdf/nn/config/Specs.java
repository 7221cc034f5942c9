package io.github.umdf.nn.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/** Helpers for model specifications. */
public final class Specs {
    private Specs() {
    }

    /** A deep copy of a serializable configuration (they hold only primitives, enums and strings). */
    @SuppressWarnings("unchecked")
    public static <T extends Serializable> T copy(T spec) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(spec);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot copy " + spec.getClass().getName(), e);
        }
    }
}
