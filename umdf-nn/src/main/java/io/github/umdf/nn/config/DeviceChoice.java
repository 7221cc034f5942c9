package io.github.umdf.nn.config;

import ai.djl.Device;
import ai.djl.engine.Engine;
import io.github.umdf.nn.ops.Engines;

/** Where a network runs. */
public enum DeviceChoice {
    /** The first GPU when DJL sees one, else the CPU. The default. */
    AUTO,
    /** Always the CPU. */
    CPU,
    /** The first GPU; fails when there is none. */
    GPU;

    /**
     * The DJL device for this choice. {@link #CPU} does not look for GPUs (DJL's CUDA probe warns on
     * machines with a CUDA runtime but no usable driver).
     */
    public Device resolve() {
        Engines.ensureOffline();
        if (this == CPU) {
            return Device.cpu();
        }
        int gpus = Engine.getInstance().getGpuCount();
        switch (this) {
            case GPU:
                if (gpus == 0) {
                    throw new IllegalStateException("device GPU requested but DJL sees no GPU; "
                            + "install the CUDA native (README, 'GPU') or use device CPU or AUTO");
                }
                return Device.gpu();
            default:
                return gpus > 0 ? Device.gpu() : Device.cpu();
        }
    }
}
