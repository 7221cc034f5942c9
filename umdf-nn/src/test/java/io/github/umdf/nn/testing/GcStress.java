package io.github.umdf.nn.testing;

import java.util.function.Supplier;

/**
 * Runs work while another thread keeps calling {@link System#gc()}. DJL's PyTorch engine frees the
 * memory of a tensor made from a Java buffer when the buffer is collected; any code path that lets
 * autograd keep such a tensor produces gradients from freed memory, which shows up under this
 * stress as NaN or different numbers (see {@code io.github.umdf.nn.ops.Scalars}).
 */
public final class GcStress {
    private GcStress() {
    }

    /** The value of {@code work}, computed while the collector runs every few milliseconds. */
    public static <T> T during(Supplier<T> work) {
        Thread gc = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                System.gc();
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "gc-stress");
        gc.setDaemon(true);
        gc.start();
        try {
            return work.get();
        } finally {
            gc.interrupt();
        }
    }
}
