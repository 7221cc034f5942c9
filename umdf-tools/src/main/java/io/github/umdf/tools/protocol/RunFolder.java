package io.github.umdf.tools.protocol;

import io.github.umdf.tribuo.evaluation.ResultRecord;
import io.github.umdf.tribuo.evaluation.ResultsJson;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * The content of one run folder ({@code runs/<model>/seed-<seed>/}) as bytes: what a run produced,
 * wherever it ran. An engine hands it to the driver, which {@linkplain #write writes} it; the files are
 * the same whichever engine ran the run.
 *
 * @param model       the model's name in the plan
 * @param seed        the run's seed
 * @param runJson     {@value ExperimentRunner#RUN}: the run's fingerprint
 * @param modelFile   {@value ExperimentRunner#MODEL}: the trained model (Tribuo protobuf format)
 * @param predictions {@value ExperimentRunner#PREDICTIONS}
 * @param masks       {@value ExperimentRunner#MASKS}
 * @param results     {@value ExperimentRunner#RESULTS} of the run
 * @param seconds     wall time of the run where it ran (not written)
 */
public record RunFolder(String model, long seed, byte[] runJson, byte[] modelFile, byte[] predictions, byte[] masks, byte[] results,
                        double seconds) implements Serializable {
    private static final long serialVersionUID = 1L;

    public RunFolder {
        Objects.requireNonNull(model);
        Objects.requireNonNull(runJson);
        Objects.requireNonNull(modelFile);
        Objects.requireNonNull(predictions);
        Objects.requireNonNull(masks);
        Objects.requireNonNull(results);
    }

    /** The records of {@value ExperimentRunner#RESULTS}. */
    public List<ResultRecord> records() {
        return ResultsJson.fromJson(new String(results, StandardCharsets.UTF_8));
    }

    /**
     * Writes the folder. {@value ExperimentRunner#RESULTS} comes last and atomically: its presence
     * marks a finished run (the resume rule).
     */
    public void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve(ExperimentRunner.RUN), runJson);
        Files.write(dir.resolve(ExperimentRunner.MODEL), modelFile);
        Files.write(dir.resolve(ExperimentRunner.PREDICTIONS), predictions);
        Files.write(dir.resolve(ExperimentRunner.MASKS), masks);
        Path tmp = dir.resolve(ExperimentRunner.RESULTS + ".tmp");
        Files.write(tmp, results);
        Files.move(tmp, dir.resolve(ExperimentRunner.RESULTS), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String toString() {
        return "RunFolder[" + model + " seed " + seed + "]";
    }
}
