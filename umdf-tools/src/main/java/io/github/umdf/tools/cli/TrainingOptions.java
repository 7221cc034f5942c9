package io.github.umdf.tools.cli;

import io.github.umdf.nn.config.DeviceChoice;
import io.github.umdf.nn.config.TrainingConfig;
import picocli.CommandLine.Option;

/** Overrides of a configuration's training settings for quick runs. */
final class TrainingOptions {
    @Option(names = "--epochs", description = "Override the number of epochs.")
    Integer epochs;

    @Option(names = "--batch-size", description = "Override the batch size.")
    Integer batchSize;

    @Option(names = "--lr", description = "Override the learning rate.")
    Double learningRate;

    @Option(names = "--warmup-steps", description = "Override the steps of linear learning-rate warm-up (0: none).")
    Integer warmupSteps;

    @Option(names = "--device", description = "AUTO (GPU when DJL sees one), CPU or GPU; overrides the configuration.")
    DeviceChoice device;

    TrainingConfig apply(TrainingConfig base) {
        TrainingConfig.Builder b = base.toBuilder();
        if (epochs != null) {
            b.epochs(epochs);
        }
        if (batchSize != null) {
            b.batchSize(batchSize);
        }
        if (learningRate != null) {
            b.learningRate(learningRate);
        }
        if (warmupSteps != null) {
            b.warmupSteps(warmupSteps);
        }
        if (device != null) {
            b.device(device);
        }
        return b.build();
    }
}
