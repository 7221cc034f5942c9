package io.github.umdf.tools.protocol;

import io.github.umdf.nn.train.TrainingListener;

import java.util.Objects;
import java.util.Optional;

/**
 * The command line's settings of an engine.
 *
 * @param master     where a distributed engine runs ({@code local[2]}, {@code spark://host:7077}), or
 *                   empty for the engine's default
 * @param runThreads PyTorch intra-op threads per run, or empty for the engine's default
 * @param listener   epoch lines of the trainings that run in this process
 */
public record EngineSettings(Optional<String> master, Optional<Integer> runThreads, TrainingListener listener) {
    public EngineSettings {
        Objects.requireNonNull(master);
        Objects.requireNonNull(runThreads);
        Objects.requireNonNull(listener);
        runThreads.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("--run-threads must be at least 1, got " + n);
            }
        });
    }
}
