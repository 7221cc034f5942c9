package io.github.umdf.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Logging of the command line: one line per message on standard error, our own INFO lines, DJL's
 * warnings only (DJL logs through SLF4J into java.util.logging).
 */
final class Logs {
    private Logs() {
    }

    /** Reads the bundled configuration; {@code verbose} also shows FINE lines and DJL's INFO lines. */
    static void configure(boolean verbose) {
        if (System.getProperty("java.util.logging.config.file") != null) {
            return; // the user's own configuration wins
        }
        try (InputStream in = Logs.class.getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (verbose) {
            Logger.getLogger("io.github.umdf").setLevel(Level.FINE);
            Logger.getLogger("ai.djl").setLevel(Level.INFO);
        }
    }
}
