package io.github.umdf.nn.data.pickle;

import net.razorvine.pickle.PickleException;

/**
 * Thrown by the {@link RestrictedUnpickler} when a pickle asks for something outside its allow-list:
 * a global (class or function) other than the NumPy array machinery and plain containers, a
 * persistent id, an extension code or an out-of-band buffer. It is thrown when the opcode is read,
 * before anything is constructed or called.
 */
public final class PickleRefusedException extends PickleException {
    private static final long serialVersionUID = 1L;

    private final String module;
    private final String name;

    private PickleRefusedException(String message, String module, String name) {
        super(message);
        this.module = module;
        this.name = name;
    }

    /** The refusal of a global {@code module.name}. */
    static PickleRefusedException global(String module, String name) {
        return new PickleRefusedException("Restricted unpickler refuses global '" + module + "." + name + "' (module '" + module
                + "', name '" + name + "'): only dicts, lists, tuples, strings, numbers and NumPy arrays can be loaded; "
                + "allowed globals are " + RestrictedUnpickler.allowedGlobals(), module, name);
    }

    /** The refusal of another construct (persistent ids, extension codes, out-of-band buffers). */
    static PickleRefusedException other(String what) {
        return new PickleRefusedException("Restricted unpickler refuses " + what
                + ": only dicts, lists, tuples, strings, numbers and NumPy arrays can be loaded", null, null);
    }

    /** The module of the refused global, or {@code null} when the refusal is not about a global. */
    public String module() {
        return module;
    }

    /** The name of the refused global, or {@code null} when the refusal is not about a global. */
    public String name() {
        return name;
    }
}
