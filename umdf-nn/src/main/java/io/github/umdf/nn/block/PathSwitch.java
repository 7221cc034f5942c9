package io.github.umdf.nn.block;

import java.util.Locale;

/** Reading the system properties that choose between two computations of one block (attention paths). */
final class PathSwitch {
    private PathSwitch() {
    }

    /**
     * Whether system property {@code property} chooses {@code on} (its default) rather than {@code off}, in any case.
     *
     * @throws IllegalArgumentException naming the property, the two values and what was found, for any other value
     */
    static boolean on(String property, String on, String off) {
        String choice = System.getProperty(property, on).toLowerCase(Locale.ROOT);
        if (choice.equals(off)) {
            return false;
        }
        if (!choice.equals(on)) {
            throw new IllegalArgumentException("System property " + property + " must be '" + on + "' or '" + off + "'; found '"
                    + System.getProperty(property) + "'");
        }
        return true;
    }
}
