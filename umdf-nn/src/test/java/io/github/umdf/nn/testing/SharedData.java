package io.github.umdf.nn.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the shared real-data folder ({@code <project root>/../shared}, holding {@code data/}) for
 * tests that read real files in place, and skips those tests when it is absent: the project must
 * build without it.
 *
 * <p>Lookup order: the system property {@value #PROPERTY} (surefire sets it to
 * {@code ${maven.multiModuleProjectDirectory}/../shared}), the environment variable {@value #ENV},
 * then every ancestor of the working directory that has a sibling {@code shared/data}. Other
 * modules use this class through the {@code umdf-nn} test-jar.
 */
public final class SharedData {
    /** The system property naming the shared folder. */
    public static final String PROPERTY = "umdf.shared.dir";
    /** The environment variable naming the shared folder. */
    public static final String ENV = "UMDF_SHARED_DIR";

    private SharedData() {
    }

    /** The shared folder (the one containing {@code data/}), if found. */
    public static Optional<Path> locate() {
        for (String configured : new String[] {System.getProperty(PROPERTY), System.getenv(ENV)}) {
            if (configured != null && !configured.isBlank()) {
                Path p = Path.of(configured).toAbsolutePath().normalize();
                if (Files.isDirectory(p.resolve("data"))) {
                    return Optional.of(p);
                }
            }
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared");
            if (Files.isDirectory(candidate.resolve("data"))) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }

    /** The shared {@code data/} folder; skips the calling test (JUnit assumption) when it cannot be found. */
    public static Path dataDir() {
        Optional<Path> shared = locate();
        Assumptions.assumeTrue(shared.isPresent(), () -> "Shared data folder not found (set -D" + PROPERTY + "=<dir> or " + ENV
                + ", or place it as a sibling 'shared/data' of the project); skipping a test that reads real data");
        return shared.get().resolve("data");
    }

    /**
     * A file under the shared {@code data/} folder ({@code cmu_mosi/CMU_MOSI_Opinion_Labels.csd}); skips
     * the calling test when the folder or the file is missing.
     */
    public static Path file(String relative) {
        Path f = dataDir().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(f), () -> "Shared data file " + f + " not found; skipping");
        return f;
    }
}
