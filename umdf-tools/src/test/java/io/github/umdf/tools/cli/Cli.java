package io.github.umdf.tools.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the command line in-process and captures what it prints. */
final class Cli {
    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static synchronized Result run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = UmdfCommand.execute(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** A tiny UMDF configuration file (d = 8, one MCIM layer) for fast end-to-end tests. */
    static Path tinyConfig(Path dir) throws IOException {
        return Files.writeString(dir.resolve("tiny.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="model" type="io.github.umdf.nn.umdf.UmdfConfig">
                    <property name="modelDim" value="8"/>
                    <property name="heads" value="2"/>
                    <property name="depth" value="1"/>
                    <property name="encoderLayers" value="1"/>
                  </component>
                  <component name="training" type="io.github.umdf.nn.config.TrainingConfig">
                    <property name="batchSize" value="16"/>
                    <property name="epochs" value="1"/>
                    <property name="device" value="CPU"/>
                  </component>
                </config>
                """);
    }
}
