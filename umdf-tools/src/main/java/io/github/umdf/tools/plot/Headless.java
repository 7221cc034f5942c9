package io.github.umdf.tools.plot;

/** Switches AWT to headless mode unless the user chose otherwise; call before touching AWT. */
final class Headless {

    private Headless() {
    }

    static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
