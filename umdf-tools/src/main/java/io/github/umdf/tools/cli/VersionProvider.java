package io.github.umdf.tools.cli;

import io.github.umdf.nn.ops.Engines;
import picocli.CommandLine;

import java.util.Map;

/** {@code umdf --version}: the project's version and the versions of DJL, the engine and Java. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String own = UmdfCommand.class.getPackage().getImplementationVersion();
        Map<String, String> v = Engines.versions();
        return new String[] {
                "umdf " + (own == null ? "(development build)" : own),
                "DJL " + v.get("djl") + ", " + v.get("engine") + " " + v.get("engineVersion") + ", GPUs visible: " + v.get("gpus"),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
